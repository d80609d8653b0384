// Throughput of the local registry's hot reads (GET /schemas/ids/{id}) and lookups (POST /subjects/{s})
// with 64 keep-alive connections on loopback, beside a bare node:http server answering a constant body
// (the floor) in the same run. Each server runs in its own child process; the load generator is a
// minimal HTTP/1.1 client on raw sockets so that it is not the bottleneck. Also: start-up time on a
// generated log of 100,000 versions.
//   node --import tsx bench/registry.ts [--seconds 3] [--connections 64]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect, type Socket } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startRegistryServer } from '../src/registry/server/index.js';

const SUBJECTS = 200;
const ROUNDS = 5;

function schemaFor(i: number): string {
  return JSON.stringify({
    type: 'record',
    name: `Event${i}`,
    namespace: 'com.acme.bench',
    fields: [
      { name: 'id', type: 'string' },
      { name: 'ts', type: { type: 'long', logicalType: 'timestamp-millis' } },
      { name: 'payload', type: ['null', 'string'], default: null },
    ],
  });
}

interface ServeInput {
  kind: 'floor' | 'registry';
  dir?: string;
}

async function serve(input: ServeInput): Promise<void> {
  if (input.kind === 'floor') {
    const body = JSON.stringify({ schema: schemaFor(0) });
    const server = createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, {
          'Content-Type': 'application/vnd.schemaregistry.v1+json',
          'Content-Length': Buffer.byteLength(body),
        });
        res.end(body);
      });
    });
    server.listen(0, '127.0.0.1', () => console.log(`port ${(server.address() as { port: number }).port}`));
    return;
  }
  const server = await startRegistryServer({ port: 0, dataDir: input.dir });
  console.log(`port ${server.port}`);
}

interface Target {
  port: number;
  child: ChildProcess;
}

function startServerProcess(input: ServeInput): Promise<Target> {
  const args = [
    '--import',
    'tsx',
    fileURLToPath(import.meta.url),
    '--serve',
    input.kind,
    ...(input.dir === undefined ? [] : ['--dir', input.dir]),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /port (\d+)/.exec(out);
      if (m?.[1] !== undefined) resolve({ port: Number(m[1]), child });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
  });
}

/** One keep-alive connection sending requests one after another; counts complete responses. */
function connection(
  port: number,
  request: (i: number) => Buffer,
  until: number,
  statusOk: (s: number) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    let buf: Buffer = Buffer.alloc(0);
    let done = 0;
    const send = (): void => {
      if (Date.now() >= until) {
        socket.end();
        resolve(done);
        return;
      }
      socket.write(request(done));
    };
    socket.on('connect', send);
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
      for (;;) {
        const head = buf.indexOf('\r\n\r\n');
        if (head < 0) return;
        const header = buf.subarray(0, head).toString('latin1');
        const m = /content-length:\s*(\d+)/i.exec(header);
        const length = m?.[1] === undefined ? 0 : Number(m[1]);
        if (buf.length < head + 4 + length) return;
        statusOk(Number(header.slice(9, 12)));
        buf = buf.subarray(head + 4 + length);
        done++;
        send();
      }
    });
  });
}

/** CPU seconds a process has used so far (Linux /proc; clock ticks are 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface Run {
  perSecond: number;
  /** Requests per CPU second of the server process: what it costs, whoever saturates first. */
  perCpuSecond: number;
}

async function load(
  target: Target,
  connections: number,
  seconds: number,
  request: (i: number) => Buffer,
): Promise<Run> {
  const port = target.port;
  const pid = target.child.pid as number;
  let bad = 0;
  const check = (s: number): void => {
    if (s !== 200) bad++;
  };
  // Warm-up, then the measured run.
  await Promise.all(
    Array.from({ length: connections }, () => connection(port, request, Date.now() + 300, check)),
  );
  const started = performance.now();
  const cpuBefore = cpuSeconds(pid);
  const counts = await Promise.all(
    Array.from({ length: connections }, () => connection(port, request, Date.now() + seconds * 1000, check)),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(pid) - cpuBefore;
  if (bad > 0) throw new Error(`${bad} responses were not 200`);
  const total = counts.reduce((a, b) => a + b, 0);
  return { perSecond: total / elapsed, perCpuSecond: total / Math.max(cpu, 0.01) };
}

function getRequest(path: (i: number) => string): (i: number) => Buffer {
  const cache = new Map<string, Buffer>();
  return (i) => {
    const p = path(i);
    let b = cache.get(p);
    if (b === undefined)
      cache.set(
        p,
        (b = Buffer.from(
          `GET ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/vnd.schemaregistry.v1+json\r\n\r\n`,
        )),
      );
    return b;
  };
}

function postRequest(path: (i: number) => string, body: (i: number) => string): (i: number) => Buffer {
  const cache = new Map<string, Buffer>();
  return (i) => {
    const p = path(i);
    let b = cache.get(p);
    if (b === undefined) {
      const text = body(i);
      b = Buffer.from(
        `POST ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/vnd.schemaregistry.v1+json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
      );
      cache.set(p, b);
    }
    return b;
  };
}

async function startupMillis(): Promise<{ millis: number; cpuMillis: number; events: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'sg-bench-startup-'));
  try {
    const lines: string[] = [];
    let id = 0;
    for (let s = 0; s < 20_000; s++) {
      for (let v = 1; v <= 5; v++) {
        id++;
        lines.push(
          JSON.stringify({
            t: 'reg',
            s: `topic-${s}-value`,
            v,
            id,
            schema: { id, schemaType: 'AVRO', schema: schemaFor(id), references: [] },
          }),
        );
      }
    }
    writeFileSync(join(dir, 'registry.log'), `${lines.join('\n')}\n`);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const server = await startRegistryServer({ port: 0, dataDir: dir });
    const used = process.cpuUsage(cpu);
    const millis = performance.now() - started;
    await server.close();
    return { millis, cpuMillis: (used.user + used.system) / 1000, events: server.startup.events };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '64' },
      serve: { type: 'string' },
      dir: { type: 'string' },
    },
  });
  if (values.serve === 'floor' || values.serve === 'registry') {
    await serve({ kind: values.serve, ...(values.dir === undefined ? {} : { dir: values.dir }) });
    return;
  }
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const dir = mkdtempSync(join(tmpdir(), 'sg-bench-registry-'));
  const floor = await startServerProcess({ kind: 'floor' });
  const ours = await startServerProcess({ kind: 'registry', dir });
  try {
    for (let i = 0; i < SUBJECTS; i++) {
      const res = await fetch(`http://127.0.0.1:${ours.port}/subjects/topic-${i}-value/versions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
        body: JSON.stringify({ schema: schemaFor(i) }),
      });
      if (res.status !== 200) throw new Error(`register failed: ${res.status} ${await res.text()}`);
    }
    const byId = getRequest((i) => `/schemas/ids/${(i % SUBJECTS) + 1}`);
    const lookup = postRequest(
      (i) => `/subjects/topic-${i % SUBJECTS}-value`,
      (i) => JSON.stringify({ schema: schemaFor(i % SUBJECTS) }),
    );
    const rows: Array<[string, Run, Run]> = [];
    // The machine is shared: floor and registry runs alternate, and the median of each is reported.
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    for (const [name, request] of [
      ['GET /schemas/ids/{id}', byId],
      ['POST /subjects/{s} (lookup)', lookup],
    ] as const) {
      const base: Run[] = [];
      const mine: Run[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        base.push(await load(floor, connections, seconds / ROUNDS, request));
        mine.push(await load(ours, connections, seconds / ROUNDS, request));
      }
      const summary = (runs: Run[]): Run => ({
        perSecond: median(runs.map((x) => x.perSecond)),
        perCpuSecond: median(runs.map((x) => x.perCpuSecond)),
      });
      rows.push([name, summary(base), summary(mine)]);
    }
    const startup = await startupMillis();
    console.log(
      `node ${process.version}, ${connections} keep-alive connections, ${ROUNDS} alternating rounds of ${(seconds / ROUNDS).toFixed(1)} s per server (median), loopback`,
    );
    console.log(
      '| request | floor req/s | registry req/s | ratio | floor req per server CPU-s | registry req per server CPU-s | ratio |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const [name, base, mine] of rows) {
      console.log(
        `| ${name} | ${base.perSecond.toFixed(0)} | ${mine.perSecond.toFixed(0)} | ${(mine.perSecond / base.perSecond).toFixed(2)} | ${base.perCpuSecond.toFixed(0)} | ${mine.perCpuSecond.toFixed(0)} | ${(mine.perCpuSecond / base.perCpuSecond).toFixed(2)} |`,
      );
    }
    console.log(
      `\nstart-up with ${startup.events} logged versions: ${startup.millis.toFixed(0)} ms wall, ${startup.cpuMillis.toFixed(0)} ms CPU`,
    );
    console.log(
      `load average during the run: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')} on ${cpus().length} cores`,
    );
  } finally {
    floor.child.kill('SIGKILL');
    ours.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
