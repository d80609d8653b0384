import { readFileSync } from 'node:fs';

/** What the Action needs from a `pull_request` (or `pull_request_target`) event. */
export interface PullRequestEvent {
  kind: 'pull_request';
  eventName: string;
  number: number;
  baseRef: string;
  baseSha: string;
  headSha: string;
  labels: string[];
  /** True when the head lives in another repository: the token cannot write comments there. */
  fromFork: boolean;
  htmlUrl: string | undefined;
}

/** What the Action needs from a `push` event. */
export interface PushEvent {
  kind: 'push';
  eventName: string;
  ref: string;
  before: string;
  after: string;
  defaultBranch: string | undefined;
  /** `before` is all zeros when the push created the branch. */
  created: boolean;
}

export interface OtherEvent {
  kind: 'other';
  eventName: string;
}

export type ActionEvent = PullRequestEvent | PushEvent | OtherEvent;

export class EventError extends Error {
  override readonly name = 'EventError';
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function field(obj: Json, path: string, where: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (!isObject(cur)) throw new EventError(`${where}: the event payload has no '${path}'`);
    cur = cur[key];
  }
  return cur;
}

function str(obj: Json, path: string, where: string): string {
  const v = field(obj, path, where);
  if (typeof v !== 'string' || v === '') throw new EventError(`${where}: the event payload has no '${path}'`);
  return v;
}

function optStr(obj: Json, path: string): string | undefined {
  try {
    const v = field(obj, path, '');
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

const ZERO_SHA = /^0+$/;

/** Parses an event payload as GitHub delivers it in GITHUB_EVENT_PATH. */
export function parseEvent(eventName: string, payload: unknown, where = 'GITHUB_EVENT_PATH'): ActionEvent {
  if (!isObject(payload)) throw new EventError(`${where}: the event payload is not a JSON object`);
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const pr = field(payload, 'pull_request', where);
    if (!isObject(pr)) throw new EventError(`${where}: a ${eventName} event without 'pull_request'`);
    const number = pr.number ?? payload.number;
    if (typeof number !== 'number') throw new EventError(`${where}: the pull request has no number`);
    const labels = Array.isArray(pr.labels)
      ? pr.labels.flatMap((l) => (isObject(l) && typeof l.name === 'string' ? [l.name] : []))
      : [];
    const headRepo = optStr(pr, 'head.repo.full_name');
    const baseRepo = optStr(pr, 'base.repo.full_name');
    const headFork = isObject(pr.head) && isObject(pr.head.repo) && pr.head.repo.fork === true;
    // A deleted head repository (null) is a fork that no longer exists: still no write token.
    const headRepoMissing = isObject(pr.head) && pr.head.repo === null;
    return {
      kind: 'pull_request',
      eventName,
      number,
      baseRef: str(pr, 'base.ref', where),
      baseSha: str(pr, 'base.sha', where),
      headSha: str(pr, 'head.sha', where),
      labels,
      fromFork:
        headRepoMissing ||
        headFork ||
        (headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo),
      htmlUrl: optStr(pr, 'html_url'),
    };
  }
  if (eventName === 'push') {
    const before = str(payload, 'before', where);
    return {
      kind: 'push',
      eventName,
      ref: str(payload, 'ref', where),
      before,
      after: str(payload, 'after', where),
      defaultBranch: optStr(payload, 'repository.default_branch'),
      created: ZERO_SHA.test(before) || payload.created === true,
    };
  }
  return { kind: 'other', eventName };
}

/** Reads the event the runner describes through GITHUB_EVENT_NAME and GITHUB_EVENT_PATH. */
export function readEvent(env: NodeJS.ProcessEnv = process.env): ActionEvent {
  const eventName = env.GITHUB_EVENT_NAME;
  if (eventName === undefined || eventName === '') {
    throw new EventError('GITHUB_EVENT_NAME is not set: run this inside GitHub Actions');
  }
  const path = env.GITHUB_EVENT_PATH;
  if (path === undefined || path === '') return parseEvent(eventName, {}, 'GITHUB_EVENT_PATH');
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new EventError(`${path}: cannot read the event payload: ${(e as Error).message}`);
  }
  return parseEvent(eventName, payload, path);
}

/** The branch a push went to (`refs/heads/main` → `main`); undefined for a tag. */
export function pushedBranch(event: PushEvent): string | undefined {
  return event.ref.startsWith('refs/heads/') ? event.ref.slice('refs/heads/'.length) : undefined;
}
