import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AccessPolicy, filterList, requirementOf, schemaHidden } from './access.js';
import type { AuthFile, AuthUser } from './authfile.js';
import { RegistryHttpError } from './errors.js';
import { passwordMatches } from './password.js';

export const AUTH_REALM = 'schemagate registry';
const CACHE_LIMIT = 1024;
/** Checked for an unknown user, so that the answer takes as long as for a known one. */
const NOBODY: AuthUser = { username: '', algorithm: 'scrypt', salt: 'nobody', passwordHash: '' };

export const unauthorized = (): RegistryHttpError => new RegistryHttpError(40101, 'Unauthorized');

/** Turns the list of a reply into the part the user may see; identity when nothing is filtered. */
export type ReplyFilter = (json: unknown) => unknown;

/**
 * HTTP basic authentication against an auth file, then the permission the endpoint needs. A password
 * hash costs tens of milliseconds (scrypt), so a credential that was checked once is remembered, under
 * an HMAC with a key of this process: neither the password nor the header is kept.
 */
export class Gate {
  private readonly policy: AccessPolicy;
  private readonly verified = new Map<string, string>();
  private readonly cacheKey = randomBytes(32);

  constructor(
    private readonly file: AuthFile,
    /** The subjects holding a schema id (none for an unknown id). */
    private readonly subjectsOfId: (id: number) => readonly string[],
  ) {
    this.policy = new AccessPolicy(file);
  }

  /** The user name behind the request's credentials; a promise when they have to be hashed first. */
  authenticate(req: IncomingMessage): string | Promise<string> {
    const header = req.headers.authorization;
    if (header === undefined || !/^basic /i.test(header)) throw unauthorized();
    const tag = createHmac('sha256', this.cacheKey).update(header).digest('base64');
    const known = this.verified.get(tag);
    if (known !== undefined) return known;
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw unauthorized();
    const username = decoded.slice(0, colon);
    const user = this.file.users.get(username);
    return passwordMatches(user ?? NOBODY, decoded.slice(colon + 1)).then((ok) => {
      if (!ok || user === undefined) throw unauthorized();
      if (this.verified.size >= CACHE_LIMIT) this.verified.clear();
      this.verified.set(tag, username);
      return username;
    });
  }

  /** Throws 403 or a hidden 404 when the user may not make the request; else the filter for its answer. */
  authorize(username: string, method: string, segments: readonly string[]): ReplyFilter | undefined {
    const need = requirementOf(method, segments);
    const readable = (s: string): boolean => this.policy.canReadSubject(username, s);
    switch (need.kind) {
      case 'none':
        return undefined;
      case 'resource':
        this.policy.demand(username, need.operation, need.resource);
        return undefined;
      case 'filter':
        return (json) => filterList(json, need.list, readable);
      case 'schema-id': {
        const holders = /^\d+$/.test(need.id) ? this.subjectsOfId(Number(need.id)) : [];
        // An unknown id is left to the handler, which answers it as the registry does.
        if (holders.length > 0 && !holders.some(readable)) throw schemaHidden(need.id);
        const list = need.list;
        return list === undefined ? undefined : (json) => filterList(json, list, readable);
      }
    }
  }
}
