import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SchemagateError } from '../../errors.js';
import { parseJson } from '../../formats/json/parse.js';
import { parseAuthFile, withUser } from '../../registry/server/authfile.js';
import {
  DEFAULT_HASH_ALGORITHM,
  HASH_ALGORITHMS,
  hashPassword,
  newSalt,
  type HashAlgorithm,
} from '../../registry/server/password.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';

export const PASSWORD_ENV = 'SCHEMAGATE_REGISTRY_PASSWORD';
export const PASSWD_USAGE = `schemagate registry passwd FILE USER [--algorithm scrypt|sha512|sha256|sha1]   (password from $${PASSWORD_ENV} or the first line of stdin)`;

/**
 * Adds USER to the auth file FILE (creating it), or gives them a new password: a fresh salt and the
 * hash, never the password. The rest of the file (other users, permissions) is kept as it was.
 */
export async function passwd(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { algorithm: { type: 'string' } }, PASSWD_USAGE);
  const [fileArg, username, ...extra] = positionals;
  if (fileArg === undefined || username === undefined || extra.length > 0)
    throw new SchemagateError('INVALID_ARGUMENT', `expected FILE and USER\nusage: ${PASSWD_USAGE}`);
  const algorithm = values.algorithm ?? DEFAULT_HASH_ALGORITHM;
  if (!(HASH_ALGORITHMS as readonly string[]).includes(algorithm))
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `--algorithm must be one of ${HASH_ALGORITHMS.join(', ')}, got '${algorithm}'\nusage: ${PASSWD_USAGE}`,
    );
  const file = resolve(io.cwd, fileArg);
  let doc;
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    parseAuthFile(text, file); // a damaged file is reported, not overwritten
    doc = parseJson(text, file);
  }
  const password = io.env[PASSWORD_ENV] ?? (await firstLineOfStdin());
  if (password === '')
    throw new SchemagateError('INVALID_ARGUMENT', `no password: set $${PASSWORD_ENV} or write it on stdin`);
  const salt = newSalt();
  const passwordHash = await hashPassword(algorithm as HashAlgorithm, salt, password);
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(
    temp,
    withUser(doc, { username, algorithm: algorithm as HashAlgorithm, salt, passwordHash }),
    {
      mode: 0o600,
    },
  );
  renameSync(temp, file);
  io.stderr(`${doc === undefined ? 'created' : 'updated'} ${fileArg}: user '${username}' (${algorithm})\n`);
  return 0;
}

async function firstLineOfStdin(): Promise<string> {
  if (process.stdin.isTTY === true)
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `no password: set $${PASSWORD_ENV} or pipe it on stdin (it is not read from a terminal, which would echo it)`,
    );
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}
