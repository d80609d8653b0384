import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startRegistryServer,
  type RegistryServerOptions,
  type RunningRegistry,
} from '../../../src/registry/server/index.js';

export interface Reply {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

export interface TestRegistry {
  server: RunningRegistry;
  url: string;
  dir: string;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** Stops the server and removes its data directory. */
  stop(): Promise<void>;
}

export function tempDir(prefix = 'sg-registry-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function call(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const init: RequestInit = {
    method,
    headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json', ...headers },
  };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(`${url}${path}`, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/**
 * `SCHEMAGATE_TEST_KAFKA=host:port` runs the server tests on `--kafka` instead of the file log, each
 * registry on a fresh topic (tests that name their own data directory, or serve TLS, stay on the file log).
 */
function onTestKafka(options: RegistryServerOptions): Pick<RegistryServerOptions, 'kafka'> {
  const bootstrap = process.env.SCHEMAGATE_TEST_KAFKA;
  if (
    bootstrap === undefined ||
    bootstrap === '' ||
    options.dataDir !== undefined ||
    options.kafka !== undefined ||
    // TLS is the HTTP side's, the same on either store; the wait for a leader below speaks plain HTTP.
    options.tls !== undefined
  )
    return {};
  const id = Math.random().toString(36).slice(2, 10);
  return {
    kafka: { brokers: [bootstrap], topic: `_schemas-${id}`, groupId: `test-${id}`, sessionTimeoutMs: 6000 },
  };
}

async function leading(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const h = (await (await fetch(`${url}/_health`)).json()) as { role?: string };
    if (h.role === 'leader') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not take the lead`);
}

/** A registry on a free port with a fresh data directory. */
export async function startTestRegistry(options: RegistryServerOptions = {}): Promise<TestRegistry> {
  const dir = options.dataDir ?? tempDir();
  const server = await startRegistryServer({ port: 0, ...options, dataDir: dir, ...onTestKafka(options) });
  if (server.kafka !== undefined) await leading(server.url);
  return {
    server,
    url: server.url,
    dir,
    call: (method, path, body, headers) => call(server.url, method, path, body, headers),
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Avro record `name` with string fields; `withDefault` fields get a default. */
export function avroRecord(name: string, fields: string[], withDefault: string[] = []): string {
  return JSON.stringify({
    type: 'record',
    name,
    fields: [
      ...fields.map((f) => ({ name: f, type: 'string' })),
      ...withDefault.map((f) => ({ name: f, type: 'string', default: 'x' })),
    ],
  });
}
