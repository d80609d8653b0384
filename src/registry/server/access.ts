import type { AuthFile, Operation } from './authfile.js';
import { RegistryErrors, RegistryHttpError } from './errors.js';

/** What a request needs, beyond a known user. */
export type Requirement =
  | { kind: 'none' }
  | { kind: 'resource'; operation: Operation; resource: string }
  /** A list answer whose entries are kept only where the user may read their subject. */
  | { kind: 'filter'; list: 'subjects' | 'subject-field' }
  /** A schema by id: readable when the user may read one of the subjects holding it. */
  | { kind: 'schema-id'; id: string; list?: 'subjects' | 'subject-field' };

const subjectResource = (s: string): string => `Subject:${s}`;
export const CONFIG_RESOURCE = 'Config:';

/**
 * The permission each endpoint needs, as Karapace's authorizer grants them: subject endpoints
 * (versions, lookup, deletes, compatibility, the subject's config and mode) on `Subject:NAME`, Read for
 * GET and lookups, Write for changes; the global config and mode on `Config:`; lists filtered.
 */
export function requirementOf(method: string, segments: readonly string[]): Requirement {
  const [first, second, third, fourth] = segments;
  const write = method !== 'GET' && method !== 'HEAD';
  const on = (resource: string, w = write): Requirement => ({
    kind: 'resource',
    operation: w ? 'Write' : 'Read',
    resource,
  });
  switch (first) {
    case 'subjects':
      if (second === undefined) return { kind: 'filter', list: 'subjects' };
      // POST /subjects/{s} looks a schema up: a read.
      return on(subjectResource(second), write && !(method === 'POST' && segments.length === 2));
    case 'compatibility':
      return second === 'subjects' && third !== undefined
        ? on(subjectResource(third), false)
        : { kind: 'none' };
    case 'config':
    case 'mode':
      // `:.:` (the default context) names the global setting there.
      return on(second === undefined || second === ':.:' ? CONFIG_RESOURCE : subjectResource(second));
    case 'schemas':
      if (second === undefined) return { kind: 'filter', list: 'subject-field' };
      if (second === 'ids' && third !== undefined) {
        if (fourth === 'subjects') return { kind: 'schema-id', id: third, list: 'subjects' };
        if (fourth === 'versions') return { kind: 'schema-id', id: third, list: 'subject-field' };
        return { kind: 'schema-id', id: third };
      }
      return { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

export class AccessPolicy {
  constructor(private readonly file: AuthFile) {}

  allows(username: string, operation: Operation, resource: string): boolean {
    return this.file.permissions.some(
      (p) =>
        p.username === username &&
        (operation === 'Read' || p.operation === 'Write') &&
        p.resource.test(resource),
    );
  }

  canReadSubject(username: string, subject: string): boolean {
    return this.allows(username, 'Read', subjectResource(subject));
  }

  /** Throws 403 (40301) when `username` lacks the permission, in the registry's error envelope. */
  demand(username: string, operation: Operation, resource: string): void {
    if (!this.allows(username, operation, resource)) throw forbidden(operation, resource);
  }
}

export function forbidden(operation: Operation, resource: string): RegistryHttpError {
  const what = resource === CONFIG_RESOURCE ? 'the global config' : resource.replace(':', ': ');
  return new RegistryHttpError(40301, `User is denied operation ${operation} on ${what}`);
}

/** Keeps the entries of a list answer whose subject `readable` says yes to. */
export function filterList(
  json: unknown,
  list: 'subjects' | 'subject-field',
  readable: (s: string) => boolean,
): unknown {
  if (!Array.isArray(json)) return json;
  return json.filter((entry: unknown) => {
    const subject =
      list === 'subjects'
        ? entry
        : typeof entry === 'object' && entry !== null
          ? (entry as { subject?: unknown }).subject
          : undefined;
    return typeof subject === 'string' && readable(subject);
  });
}

/** A schema the user may not see is answered as one that does not exist, as Karapace does. */
export const schemaHidden = (id: string): RegistryHttpError =>
  /^\d+$/.test(id) ? RegistryErrors.schemaNotFound(Number(id)) : RegistryErrors.schemaNotFound();
