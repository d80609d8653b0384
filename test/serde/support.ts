// A real local registry (src/registry/server) and the real client, in a temp data dir, for serde tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchemaRegistryClient } from '../../src/registry/client/index.js';
import { startRegistryServer } from '../../src/registry/server/index.js';
import type { SerdeRegistry } from '../../src/serde/index.js';

export interface TestRegistry {
  url: string;
  client: SchemaRegistryClient;
  close(): Promise<void>;
}

export async function startTestRegistry(): Promise<TestRegistry> {
  const dataDir = await mkdtemp(join(tmpdir(), 'schemagate-serde-registry-'));
  const server = await startRegistryServer({ port: 0, dataDir });
  return {
    url: server.url,
    client: new SchemaRegistryClient({ url: server.url, retries: 0 }),
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Counts and records the registry calls a serde makes (the calls go through to the real registry). */
export function countingRegistry(
  inner: SerdeRegistry,
): SerdeRegistry & { calls: Record<string, number>; args: Record<string, unknown[]> } {
  const calls: Record<string, number> = { register: 0, lookup: 0, getSchemaById: 0, getVersion: 0 };
  const args: Record<string, unknown[]> = {};
  const seen = (name: string, list: unknown[]) => {
    calls[name] = (calls[name] ?? 0) + 1;
    args[name] = list;
  };
  return {
    calls,
    args,
    register: (...a) => (seen('register', a), inner.register(...a)),
    lookup: (...a) => (seen('lookup', a), inner.lookup(...a)),
    getSchemaById: (...a) => (seen('getSchemaById', a), inner.getSchemaById(...a)),
    getVersion: (...a) => (seen('getVersion', a), inner.getVersion(...a)),
  };
}

/** avsc decodes records into generated classes; tests compare the plain data. */
export function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** The error `fn` throws (fails the test when it returns). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}

/** The error `promise` rejects with (fails the test when it resolves). */
export async function rejected(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, the promise resolved');
}
