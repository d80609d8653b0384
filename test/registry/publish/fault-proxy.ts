import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the proxy does with one request: pass it on; answer 500 or reset without passing it on; pass it
 * on and then lose the answer (reset or 500 after the registry applied it); or pass it on late.
 */
export type Fault = 'pass' | '500-before' | 'reset-before' | '500-after' | 'reset-after' | { delayMs: number };

export interface ForwardedRequest {
  method: string;
  path: string;
  fault: Fault;
}

export interface FaultProxy {
  url: string;
  /** Every request that reached the registry behind the proxy. */
  forwarded: ForwardedRequest[];
  /** Requests that change something in the registry (POST to versions, PUT, DELETE). */
  writes(): ForwardedRequest[];
  setFaults(pick: (method: string, path: string, n: number) => Fault): void;
  /**
   * Resolves when no request is in the proxy. A delayed request outlives the client that gave up on it
   * and still reaches the registry later, as on a real network; counting writes must wait for it.
   */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** A loopback HTTP proxy in front of a registry that injects faults chosen per request. */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const forwarded: ForwardedRequest[] = [];
  let pick: (method: string, path: string, n: number) => Fault = () => 'pass';
  let n = 0;
  let pending = 0;
  let onIdle: Array<() => void> = [];
  const settle = (): void => {
    if (--pending > 0) return;
    const waiting = onIdle;
    onIdle = [];
    for (const w of waiting) w();
  };
  const sockets = new Set<Socket>();

  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const up = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      up.on('error', reject);
      up.end(body);
    });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      pending++;
      void (async () => {
        const method = req.method ?? 'GET';
        const path = req.url ?? '/';
        const fault = pick(method, path, n++);
        if (fault === 'reset-before') return void req.socket.destroy();
        if (fault === '500-before') return void json500(res);
        if (typeof fault === 'object') await new Promise((r) => setTimeout(r, fault.delayMs));
        forwarded.push({ method, path, fault });
        const answer = await forward(req, Buffer.concat(chunks));
        if (fault === 'reset-after') return void req.socket.destroy();
        if (fault === '500-after') return void json500(res);
        const headers = { ...answer.headers };
        delete headers['transfer-encoding'];
        delete headers.connection;
        res.writeHead(answer.status, headers);
        res.end(answer.body);
      })()
        .catch(() => req.socket.destroy())
        .finally(settle);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    forwarded,
    writes: () => forwarded.filter((f) => f.method === 'PUT' || f.method === 'DELETE' || (f.method === 'POST' && /\/versions(\?|$)/.test(f.path) && !f.path.startsWith('/compatibility'))),
    setFaults(p) {
      pick = p;
    },
    idle: () => (pending === 0 ? Promise.resolve() : new Promise<void>((r) => onIdle.push(r))),
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

function json500(res: ServerResponse): void {
  res.writeHead(500, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
  res.end(JSON.stringify({ error_code: 50001, message: 'injected fault' }));
}

/** A small seeded generator, so a failing fault run can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
