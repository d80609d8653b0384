import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SchemagateError } from '../../errors.js';
import type { JsonObject, LogEvent, StoredSchema } from './types.js';

/**
 * Encryption at rest of `sensitive` metadata properties, as the registry's MetadataEncoderService does
 * with `metadata.encoder.secret`: the values of the properties a schema's metadata names in `sensitive`
 * are written to the log encrypted and answered decrypted. Data keys live in a keyset file beside the
 * log, each wrapped (AES-256-GCM) under a key derived from the secret; starting with a new secret and
 * the old one rotates: a new primary key is added and the keyset is wrapped under the new secret.
 * Without a secret nothing is encrypted, as in the registry.
 */
export const KEYSET_FILE = 'metadata-keys.json';

export interface MetadataSecrets {
  /** METADATA_ENCODER_SECRET. */
  secret?: string | undefined;
  /** METADATA_ENCODER_OLD_SECRET: the secret the keyset was wrapped under, to rotate from. */
  oldSecret?: string | undefined;
}

interface KeysetFile {
  salt: string;
  primary: number;
  keys: { id: number; wrapped: string }[];
}

const ALGORITHM = 'aes-256-gcm';

function seal(key: Buffer, plain: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv).setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

/** undefined when the key does not open it (wrong key, or changed bytes). */
function open(key: Buffer, sealed: string, aad: string): Buffer | undefined {
  const raw = Buffer.from(sealed, 'base64');
  if (raw.length < 28) return undefined;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, raw.subarray(0, 12)).setAAD(Buffer.from(aad));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
  } catch {
    return undefined;
  }
}

const wrappingKey = (secret: string, salt: Buffer): Buffer => scryptSync(secret, salt, 32);

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

export class MetadataEncoder {
  private constructor(
    private readonly file: string,
    /** Key id → data key; empty without a secret. */
    private readonly keys: Map<number, Buffer>,
    private readonly primary: number | undefined,
    /** A keyset made at this start, written when it first seals something. */
    private unsaved?: KeysetFile,
  ) {}

  /** Opens (or creates, or rotates) the keyset of a data directory. */
  static load(dataDir: string, secrets: MetadataSecrets): MetadataEncoder {
    const file = join(dataDir, KEYSET_FILE);
    let stored: KeysetFile | undefined;
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as KeysetFile;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new SchemagateError(
          'REGISTRY_ERROR',
          `cannot read the metadata keyset: ${(e as Error).message}`,
          {
            file,
          },
        );
    }
    const secret = secrets.secret === '' ? undefined : secrets.secret;
    if (secret === undefined) return new MetadataEncoder(file, new Map(), undefined);
    if (stored === undefined) {
      const salt = randomBytes(16);
      const key = randomBytes(32);
      const keyset: KeysetFile = {
        salt: salt.toString('base64'),
        primary: 1,
        keys: [{ id: 1, wrapped: seal(wrappingKey(secret, salt), key, 'key 1') }],
      };
      return new MetadataEncoder(file, new Map([[1, key]]), 1, keyset);
    }
    const salt = Buffer.from(stored.salt, 'base64');
    const unwrap = (s: string): Map<number, Buffer> | undefined => {
      const wrapping = wrappingKey(s, salt);
      const keys = new Map<number, Buffer>();
      for (const k of stored.keys) {
        const key = open(wrapping, k.wrapped, `key ${k.id}`);
        if (key === undefined) return undefined;
        keys.set(k.id, key);
      }
      return keys;
    };
    const current = unwrap(secret);
    if (current !== undefined) return new MetadataEncoder(file, current, stored.primary);
    const old =
      secrets.oldSecret === undefined || secrets.oldSecret === '' ? undefined : unwrap(secrets.oldSecret);
    if (old === undefined)
      throw new SchemagateError(
        'REGISTRY_ERROR',
        'METADATA_ENCODER_SECRET does not open the metadata keyset; to change the secret, set METADATA_ENCODER_OLD_SECRET to the one it was made with',
        { file },
      );
    // Rotation: a new primary key, and every key wrapped under the new secret.
    const id = Math.max(...old.keys()) + 1;
    old.set(id, randomBytes(32));
    const newSalt = randomBytes(16);
    const wrapping = wrappingKey(secret, newSalt);
    const keyset: KeysetFile = {
      salt: newSalt.toString('base64'),
      primary: id,
      keys: [...old].map(([kid, key]) => ({ id: kid, wrapped: seal(wrapping, key, `key ${kid}`) })),
    };
    writeAtomically(file, `${JSON.stringify(keyset)}\n`);
    return new MetadataEncoder(file, old, id);
  }

  /** How many data keys the keyset holds (2 after one rotation). */
  get size(): number {
    return this.keys.size;
  }

  /** The event as the log keeps it: sensitive values sealed under the primary key (when there is a secret). */
  encode(event: LogEvent): LogEvent {
    if (event.t !== 'reg' || event.schema === undefined || this.primary === undefined) return event;
    const properties = sensitiveProperties(event.schema);
    if (properties === undefined) return event;
    if (this.unsaved !== undefined) {
      writeAtomically(this.file, `${JSON.stringify(this.unsaved)}\n`);
      this.unsaved = undefined;
    }
    const key = this.keys.get(this.primary) as Buffer;
    const sealed: Record<string, unknown> = { ...properties.all };
    for (const name of properties.sensitive)
      sealed[name] = seal(key, Buffer.from(String(properties.all[name]), 'utf8'), `${event.id} ${name}`);
    const metadata = { ...(event.schema.metadata as JsonObject), properties: sealed };
    return { ...event, schema: { ...event.schema, metadata }, enc: this.primary };
  }

  /** The event as the state holds it: sealed values opened, or a refusal naming what is missing. */
  decode(event: LogEvent): LogEvent {
    if (event.t !== 'reg' || event.enc === undefined || event.schema === undefined) return event;
    const properties = sensitiveProperties(event.schema);
    if (this.unsaved !== undefined)
      throw new SchemagateError(
        'REGISTRY_ERROR',
        `schema ${event.id} has encrypted sensitive metadata, and the metadata keyset is missing; restore it from a backup`,
        { file: this.file },
      );
    const key = this.keys.get(event.enc);
    if (key === undefined)
      throw new SchemagateError(
        'REGISTRY_ERROR',
        this.primary === undefined
          ? `schema ${event.id} has encrypted sensitive metadata; set METADATA_ENCODER_SECRET to the secret it was written with`
          : `schema ${event.id} has sensitive metadata encrypted under key ${event.enc}, which the metadata keyset does not hold`,
        { file: this.file },
      );
    const opened: Record<string, unknown> = { ...properties?.all };
    for (const name of properties?.sensitive ?? []) {
      const plain = open(key, String(opened[name]), `${event.id} ${name}`);
      if (plain === undefined)
        throw new SchemagateError(
          'REGISTRY_ERROR',
          `sensitive metadata '${name}' of schema ${event.id} does not decrypt with the metadata keyset`,
          { file: this.file },
        );
      opened[name] = plain.toString('utf8');
    }
    const metadata = { ...(event.schema.metadata as JsonObject), properties: opened };
    const { enc: _enc, ...rest } = event;
    return { ...rest, schema: { ...event.schema, metadata } };
  }
}

/** The properties of a schema's metadata and the names among them that `sensitive` lists. */
function sensitiveProperties(schema: StoredSchema): { all: JsonObject; sensitive: string[] } | undefined {
  const metadata = schema.metadata;
  const all = metadata?.['properties'];
  const names = metadata?.['sensitive'];
  if (typeof all !== 'object' || all === null || Array.isArray(all) || !Array.isArray(names))
    return undefined;
  const sensitive = names.filter((n): n is string => typeof n === 'string' && n in all);
  return sensitive.length === 0 ? undefined : { all: all as JsonObject, sensitive };
}
