import { pbkdf2, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes of an auth file, as Karapace's authfile writes them (so that its files work here):
 * base64 of PBKDF2-HMAC (5000 rounds) for the sha algorithms, of scrypt (N=16384, r=8, p=1, 64 bytes)
 * for `scrypt`, over the UTF-8 password with the salt string's UTF-8 bytes. New users get scrypt.
 */
export type HashAlgorithm = 'scrypt' | 'sha1' | 'sha256' | 'sha512';
export const HASH_ALGORITHMS: readonly HashAlgorithm[] = ['scrypt', 'sha1', 'sha256', 'sha512'];
export const DEFAULT_HASH_ALGORITHM: HashAlgorithm = 'scrypt';

const PBKDF2_ROUNDS = 5000;
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const SCRYPT_BYTES = 64;
const PBKDF2_BYTES: Record<Exclude<HashAlgorithm, 'scrypt'>, number> = { sha1: 20, sha256: 32, sha512: 64 };

export function hashPassword(algorithm: HashAlgorithm, salt: string, password: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const done = (e: Error | null, key: Buffer): void =>
      e === null ? resolve(key.toString('base64')) : reject(e);
    if (algorithm === 'scrypt') scrypt(password, salt, SCRYPT_BYTES, SCRYPT, done);
    else pbkdf2(password, salt, PBKDF2_ROUNDS, PBKDF2_BYTES[algorithm], algorithm, done);
  });
}

/** Compares in constant time, so that the answer's timing does not tell how much of a hash matched. */
export async function passwordMatches(
  entry: { algorithm: HashAlgorithm; salt: string; passwordHash: string },
  password: string,
): Promise<boolean> {
  const actual = Buffer.from(await hashPassword(entry.algorithm, entry.salt, password));
  const expected = Buffer.from(entry.passwordHash);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function newSalt(): string {
  return randomBytes(16).toString('base64url');
}
