import { readFileSync } from 'node:fs';
import { SchemagateError } from '../../errors.js';
import { parseJson, positionOf, type JsonDocument, type JsonValue } from '../../formats/json/parse.js';
import { HASH_ALGORITHMS, type HashAlgorithm } from './password.js';

export type Operation = 'Read' | 'Write';

export interface AuthUser {
  username: string;
  algorithm: HashAlgorithm;
  salt: string;
  passwordHash: string;
}

export interface Permission {
  username: string;
  /** Write includes Read. */
  operation: Operation;
  /** Matched from the start of `Subject:NAME` or `Config:` (Python's `re.match`, as Karapace does). */
  resource: RegExp;
}

export interface AuthFile {
  users: Map<string, AuthUser>;
  permissions: Permission[];
}

/**
 * Reads an auth file in Karapace's authfile format:
 * `{"users": [{"username", "algorithm", "salt", "password_hash"}],
 *   "permissions": [{"username", "operation": "Read"|"Write", "resource": "Subject:regex" | "Config:"}]}`.
 * Anything else is one error naming the file and the line of the offending entry.
 */
export function readAuthFile(file: string): AuthFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SchemagateError(
      'FILE_UNREADABLE',
      `cannot read the auth file ${file}: ${(e as Error).message}`,
      {
        file,
      },
    );
  }
  return parseAuthFile(text, file);
}

export function parseAuthFile(text: string, file: string): AuthFile {
  const doc = parseJson(text, file);
  const fail = (pointer: string, message: string): never => {
    const { line, column } = positionOf(doc, pointer);
    throw new SchemagateError('INVALID_CONFIG', `auth file: ${message}`, { file, line, column, pointer });
  };
  const root = objectAt(doc.value, '', fail);
  const users = new Map<string, AuthUser>();
  arrayAt(root.users, '/users', fail).forEach((value, i) => {
    const at = `/users/${i}`;
    const entry = objectAt(value, at, fail);
    const username = stringAt(entry, at, 'username', fail);
    const algorithm = stringAt(entry, at, 'algorithm', fail);
    if (!(HASH_ALGORITHMS as readonly string[]).includes(algorithm))
      fail(`${at}/algorithm`, `algorithm '${algorithm}' is not one of ${HASH_ALGORITHMS.join(', ')}`);
    if (users.has(username)) fail(at, `user '${username}' is listed twice`);
    users.set(username, {
      username,
      algorithm: algorithm as HashAlgorithm,
      salt: stringAt(entry, at, 'salt', fail),
      passwordHash: stringAt(entry, at, 'password_hash', fail),
    });
  });
  const permissions = arrayAt(root.permissions ?? [], '/permissions', fail).map((value, i): Permission => {
    const at = `/permissions/${i}`;
    const entry = objectAt(value, at, fail);
    const username = stringAt(entry, at, 'username', fail);
    if (!users.has(username)) fail(`${at}/username`, `permission for '${username}', who is not in "users"`);
    const operation = stringAt(entry, at, 'operation', fail);
    if (operation !== 'Read' && operation !== 'Write')
      fail(`${at}/operation`, `operation must be "Read" or "Write", got '${operation}'`);
    const pattern = stringAt(entry, at, 'resource', fail);
    let resource: RegExp;
    try {
      resource = new RegExp(`^(?:${pattern})`, 'u');
    } catch (e) {
      return fail(
        `${at}/resource`,
        `resource '${pattern}' is not a regular expression: ${(e as Error).message}`,
      );
    }
    return { username, operation: operation as Operation, resource };
  });
  return { users, permissions };
}

type Fail = (pointer: string, message: string) => never;
type JsonRecord = { [key: string]: JsonValue };

function objectAt(value: JsonValue | undefined, pointer: string, fail: Fail): JsonRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return fail(pointer, `${pointer === '' ? 'the file' : pointer} must be a JSON object`);
  return value;
}

function arrayAt(value: JsonValue | undefined, pointer: string, fail: Fail): JsonValue[] {
  if (!Array.isArray(value)) return fail(pointer, `"${pointer.slice(1)}" must be a list`);
  return value;
}

function stringAt(entry: JsonRecord, at: string, key: string, fail: Fail): string {
  const value = entry[key];
  if (typeof value !== 'string' || value === '')
    return fail(value === undefined ? at : `${at}/${key}`, `"${key}" must be a non-empty string`);
  return value;
}

/** Adds or replaces a user, keeping every other entry (and permission) of the file as it was. */
export function withUser(doc: JsonDocument | undefined, user: AuthUser): string {
  const root = (doc?.value ?? {}) as JsonRecord;
  const entry = {
    username: user.username,
    algorithm: user.algorithm,
    salt: user.salt,
    password_hash: user.passwordHash,
  };
  const users = Array.isArray(root.users) ? [...root.users] : [];
  const index = users.findIndex(
    (u) => typeof u === 'object' && u !== null && !Array.isArray(u) && u.username === user.username,
  );
  if (index >= 0) users[index] = entry;
  else users.push(entry);
  return `${JSON.stringify({ ...root, users, permissions: Array.isArray(root.permissions) ? root.permissions : [] }, null, 2)}\n`;
}
