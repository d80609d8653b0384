import { randomUUID } from 'node:crypto';
import { startRegistryServer, type RunningRegistry } from '../../../src/registry/server/index.js';
import { call, type Reply } from '../server/support.js';

export interface Node {
  server: RunningRegistry;
  url: string;
  call(method: string, path: string, body?: unknown): Promise<Reply>;
}

/** A fresh topic and group per test: tests on one broker do not see each other. */
export function freshNames(): { topic: string; groupId: string } {
  const id = randomUUID().slice(0, 8);
  return { topic: `_schemas-${id}`, groupId: `registry-${id}` };
}

export async function startNode(bootstrap: string, names: { topic: string; groupId: string }): Promise<Node> {
  const server = await startRegistryServer({
    port: 0,
    kafka: { brokers: [bootstrap], ...names, sessionTimeoutMs: 6000 },
  });
  return { server, url: server.url, call: (m, p, b) => call(server.url, m, p, b) };
}

export async function health(url: string): Promise<{ ready: boolean; role: string; leaderUrl?: string }> {
  const res = await fetch(`${url}/_health`);
  return (await res.json()) as { ready: boolean; role: string; leaderUrl?: string };
}

/** Waits until one node leads and every node knows where. */
export async function settled(urls: readonly string[], timeoutMs = 30_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const all = await Promise.all(urls.map((u) => health(u).catch(() => undefined)));
    const leaders = all.filter((h) => h?.role === 'leader');
    const leaderUrl = all.find((h) => h?.role === 'leader')?.leaderUrl;
    if (leaders.length === 1 && leaderUrl !== undefined && all.every((h) => h?.leaderUrl === leaderUrl))
      return leaderUrl;
    if (Date.now() > until) throw new Error(`no settled leader: ${JSON.stringify(all)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const avro = (name: string, field: string): string =>
  JSON.stringify({ type: 'record', name, fields: [{ name: field, type: 'string' }] });
