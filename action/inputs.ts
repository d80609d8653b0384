import * as core from '@actions/core';

export type ActionMode = 'check' | 'publish' | 'auto';
export type FailOn = 'error' | 'warning';

/** The Action's inputs after validation; defaults mirror action.yml so a run without the runner's defaults behaves the same. */
export interface ActionInputs {
  mode: ActionMode;
  config: string | undefined;
  registryUrl: string | undefined;
  registryUserInfo: string | undefined;
  registryToken: string | undefined;
  failOn: FailOn;
  comment: boolean;
  approveLabel: string;
  workingDirectory: string;
  githubToken: string | undefined;
  /** The root of the deployed docs site (`schemagate docs`): the comment links each changed subject's diff there. */
  siteUrl: string | undefined;
  /** With a check: also build the docs site into this directory (relative to working-directory), for a later upload step. */
  siteDir: string | undefined;
}

export class InputError extends Error {
  override readonly name = 'InputError';
}

const MODES: readonly ActionMode[] = ['check', 'publish', 'auto'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning'];

function optional(name: string): string | undefined {
  const value = core.getInput(name);
  return value === '' ? undefined : value;
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const given = optional(name) ?? fallback;
  const value = given.toLowerCase();
  if (!(allowed as readonly string[]).includes(value)) {
    // Quote what was given, unchanged: a value changed in case would escape the runner's masking.
    throw new InputError(`input '${name}' is '${given}'; expected one of: ${allowed.join(', ')}`);
  }
  return value as T;
}

function bool(name: string, fallback: boolean): boolean {
  const value = optional(name);
  if (value === undefined) return fallback;
  // The YAML 1.2 core schema booleans, as core.getBooleanInput accepts them.
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`input '${name}' is '${value}'; expected true or false`);
}

/**
 * Reads and validates every input. Secrets are masked before anything else can print them, so that a
 * later error message quoting a value cannot leak it.
 */
export function readInputs(): ActionInputs {
  const registryUserInfo = optional('registry-user-info');
  const registryToken = optional('registry-token');
  const githubToken = optional('github-token') ?? nonEmpty(process.env.GITHUB_TOKEN);
  maskSecrets({ registryUserInfo, registryToken, githubToken, registryUrl: optional('registry-url') });
  return {
    mode: oneOf('mode', MODES, 'auto'),
    config: optional('config'),
    registryUrl: optional('registry-url'),
    registryUserInfo,
    registryToken,
    failOn: oneOf('fail-on', FAIL_ON, 'error'),
    comment: bool('comment', true),
    approveLabel: optional('approve-label') ?? 'schema-breaking-approved',
    workingDirectory: optional('working-directory') ?? '.',
    githubToken,
    siteUrl: httpUrl('site-url'),
    siteDir: optional('site-dir'),
  };
}

function httpUrl(name: string): string | undefined {
  const value = optional(name);
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new InputError(`input '${name}' is '${value}'; expected an http(s) URL (the site's root)`);
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Masks each secret, and the forms it takes on the wire: the password half of `user:password`, the
 * base64 of a Basic authorization, and credentials embedded in a registry URL.
 */
export function maskSecrets(values: {
  registryUserInfo?: string | undefined;
  registryToken?: string | undefined;
  githubToken?: string | undefined;
  registryUrl?: string | undefined;
}): void {
  const secrets = new Set<string>();
  const { registryUserInfo, registryToken, githubToken, registryUrl } = values;
  if (registryUserInfo !== undefined) {
    secrets.add(registryUserInfo);
    secrets.add(Buffer.from(registryUserInfo).toString('base64'));
    const colon = registryUserInfo.indexOf(':');
    if (colon >= 0 && colon < registryUserInfo.length - 1) secrets.add(registryUserInfo.slice(colon + 1));
  }
  if (registryToken !== undefined) secrets.add(registryToken);
  if (githubToken !== undefined) secrets.add(githubToken);
  if (registryUrl !== undefined) {
    try {
      const url = new URL(registryUrl);
      if (url.password !== '') {
        secrets.add(url.password);
        secrets.add(decodeURIComponent(url.password));
      }
    } catch {
      // An invalid URL is reported where it is used.
    }
  }
  for (const secret of secrets) {
    if (secret.length > 0) {
      core.setSecret(secret);
      masked.add(secret);
    }
  }
}

const masked = new Set<string>();

/**
 * Replaces every masked value in text the Action writes outside the log (job summary, comment), where
 * it cannot count on the runner's masking.
 */
export function redact(text: string): string {
  let out = text;
  for (const secret of [...masked].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
  return out;
}
