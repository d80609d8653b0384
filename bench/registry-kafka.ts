// The registry on Kafka beside the file log, in the same run, on one local broker (test/support's):
//  - start-up: replay of 100,000 versions from the `_schemas` topic (Confluent's records) vs from the log;
//  - registrations per second with 32 concurrent clients: file log, one node on Kafka, three nodes on
//    Kafka (clients spread over the nodes; followers forward to the leader).
//   node --import tsx bench/registry-kafka.ts [--versions 100000] [--registrations 3000]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadKafkajs } from '../src/kafka/kafkajs.js';
import { encodeKey, encodeSchemaValue } from '../src/registry/kafka-store/records.js';
import { startRegistryServer, type RunningRegistry } from '../src/registry/server/index.js';
import { startKafkaBroker } from '../test/support/kafka-broker.js';

const { values } = parseArgs({
  options: { versions: { type: 'string' }, registrations: { type: 'string' } },
});
const VERSIONS = Number(values.versions ?? 100_000);
const REGISTRATIONS = Number(values.registrations ?? 3000);
const SUBJECTS = 1000;

const schemaFor = (i: number): string =>
  JSON.stringify({
    type: 'record',
    name: `Event${i}`,
    namespace: 'com.acme.bench',
    fields: [
      { name: 'id', type: 'string' },
      { name: 'payload', type: ['null', 'string'], default: null },
    ],
  });

const at = (i: number) => ({
  subject: `subject-${i % SUBJECTS}`,
  version: Math.floor(i / SUBJECTS) + 1,
  id: i + 1,
});

async function fillTopic(bootstrap: string, topic: string): Promise<void> {
  const kafkajs = await loadKafkajs();
  const kafka = new kafkajs.Kafka({ brokers: [bootstrap], logLevel: kafkajs.logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  for (let start = 0; start < VERSIONS; start += 2000) {
    const messages = [];
    for (let i = start; i < Math.min(VERSIONS, start + 2000); i++) {
      const { subject, version, id } = at(i);
      messages.push({
        partition: 0,
        key: encodeKey({ keytype: 'SCHEMA', subject, version }),
        value: encodeSchemaValue({
          subject,
          version,
          id,
          schemaType: 'AVRO',
          references: [],
          schema: schemaFor(i),
          deleted: false,
        }),
      });
    }
    await producer.send({ topic, acks: 1, messages });
  }
  await producer.disconnect();
}

function fillLog(dir: string): void {
  const lines: string[] = [];
  for (let i = 0; i < VERSIONS; i++) {
    const { subject, version, id } = at(i);
    lines.push(
      JSON.stringify({
        t: 'reg',
        s: subject,
        v: version,
        id,
        ts: 0,
        schema: { id, schemaType: 'AVRO', schema: schemaFor(i), references: [] },
      }),
    );
  }
  writeFileSync(join(dir, 'registry.log'), `${lines.join('\n')}\n`);
}

async function registrationsPerSecond(urls: readonly string[]): Promise<number> {
  await fetch(`${urls[0]}/config`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ compatibility: 'NONE' }),
  });
  let next = 0;
  const started = performance.now();
  const worker = async (w: number): Promise<void> => {
    while (next < REGISTRATIONS) {
      const i = next++;
      const res = await fetch(`${urls[(i + w) % urls.length]}/subjects/reg-${i % 50}/versions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ schema: schemaFor(1_000_000 + i) }),
      });
      if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 32 }, (_, w) => worker(w)));
  return REGISTRATIONS / ((performance.now() - started) / 1000);
}

async function leaderElected(urls: readonly string[]): Promise<void> {
  for (;;) {
    const roles = await Promise.all(
      urls.map(async (u) => ((await (await fetch(`${u}/_health`)).json()) as { role: string }).role),
    );
    if (roles.includes('leader') && roles.filter((r) => r === 'follower').length === urls.length - 1) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main(): Promise<void> {
  const broker = await startKafkaBroker();
  const dirs: string[] = [];
  const servers: RunningRegistry[] = [];
  try {
    const kafka = (topic: string, groupId: string) => ({ brokers: [broker.bootstrap], topic, groupId });
    // Start-up.
    const logDir = mkdtempSync(join(tmpdir(), 'sg-bench-kafka-'));
    dirs.push(logDir);
    fillLog(logDir);
    const fromLog = await startRegistryServer({ port: 0, dataDir: logDir });
    servers.push(fromLog);
    await fillTopic(broker.bootstrap, '_schemas-replay');
    const fromTopic = await startRegistryServer({ port: 0, kafka: kafka('_schemas-replay', 'bench-replay') });
    servers.push(fromTopic);
    console.log(
      `node ${process.version}, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(`start-up with ${VERSIONS} versions:`);
    console.log(`  file log      ${fromLog.startup.millis.toFixed(0)} ms`);
    console.log(
      `  Kafka topic   ${fromTopic.startup.millis.toFixed(0)} ms (${(fromTopic.startup.millis / fromLog.startup.millis).toFixed(2)}× the log)`,
    );
    // Registrations.
    const fileDir = mkdtempSync(join(tmpdir(), 'sg-bench-kafka-'));
    dirs.push(fileDir);
    const file = await startRegistryServer({ port: 0, dataDir: fileDir });
    servers.push(file);
    const one = await startRegistryServer({ port: 0, kafka: kafka('_schemas-one', 'bench-one') });
    servers.push(one);
    await leaderElected([one.url]);
    const three: RunningRegistry[] = [];
    for (let i = 0; i < 3; i++)
      three.push(await startRegistryServer({ port: 0, kafka: kafka('_schemas-three', 'bench-three') }));
    servers.push(...three);
    await leaderElected(three.map((s) => s.url));
    const fileRate = await registrationsPerSecond([file.url]);
    const oneRate = await registrationsPerSecond([one.url]);
    const threeRate = await registrationsPerSecond(three.map((s) => s.url));
    console.log(`registrations per second (${REGISTRATIONS}, 32 concurrent clients):`);
    console.log(`  file log                 ${fileRate.toFixed(0)}`);
    console.log(
      `  Kafka, one node          ${oneRate.toFixed(0)} (${(oneRate / fileRate).toFixed(2)}× the log)`,
    );
    console.log(
      `  Kafka, three nodes       ${threeRate.toFixed(0)} (${(threeRate / fileRate).toFixed(2)}× the log)`,
    );
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await broker.stop();
  }
}

await main();
