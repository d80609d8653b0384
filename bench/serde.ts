// bench/serde: encode and decode time per message, Avro, for a 10-field record and a 50-field nested record.
// Contestants, all in one run against the same local registry (ours, real HTTP; ids are cached after warm-up):
//   floor    raw avsc toBuffer/fromBuffer plus the 5-byte header
//   ours     AvroSerializer.serializeSync / AvroDeserializer.deserializeSync (after the id is cached)
//   ours/async  the same through the async serialize()/deserialize()
//   confluent   @confluentinc/schemaregistry AvroSerializer/AvroDeserializer
//   kafkajs-sr  @kafkajs/confluent-schema-registry encode/decode
// Protobuf (the same 10 fields as a proto3 message): floor = protobufjs encode/decode plus the header and the
// [0] message index, against ProtobufSerializer/ProtobufDeserializer with and without `validate` (verify);
// then the decode of a message nested two deep (indexes [1, 0, 0]) against protobufjs decode of its payload.
// Run: node --import tsx bench/serde.ts  (SERDE_BENCH_SCALE=0.3 for shorter rounds)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchemaRegistry as KafkajsRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import {
  AvroDeserializer as ConfluentAvroDeserializer,
  AvroSerializer as ConfluentAvroSerializer,
  SchemaRegistryClient as ConfluentClient,
  SerdeType,
} from '@confluentinc/schemaregistry';
import avro from 'avsc';
import { SchemaRegistryClient } from '../src/registry/client/index.js';
import { startRegistryServer } from '../src/registry/server/index.js';
import protobuf from 'protobufjs';
import {
  AvroDeserializer,
  AvroSerializer,
  ProtobufDeserializer,
  ProtobufSerializer,
  type SerdeRegistry,
  type SerdeSchema,
} from '../src/serde/index.js';

const scale = Number(process.env.SERDE_BENCH_SCALE ?? '1');

function flatSchema(): object {
  return {
    type: 'record',
    name: 'Flat10',
    namespace: 'bench',
    fields: [
      { name: 'id', type: 'string' },
      { name: 'seq', type: 'long' },
      { name: 'count', type: 'int' },
      { name: 'price', type: 'double' },
      { name: 'active', type: 'boolean' },
      { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['A', 'B', 'C'] } },
      { name: 'note', type: ['null', 'string'], default: null },
      { name: 'tags', type: { type: 'array', items: 'string' } },
      { name: 'ratio', type: 'float' },
      { name: 'country', type: 'string' },
    ],
  };
}

function flatValue(): Record<string, unknown> {
  return {
    id: 'order-000123',
    seq: 1234567890123,
    count: 42,
    price: 19.99,
    active: true,
    kind: 'B',
    note: 'gift wrap',
    tags: ['new', 'promo'],
    ratio: 0.5,
    country: 'CH',
  };
}

/** 5 nested records of 10 fields each: 50 leaf fields. */
function nestedSchema(): object {
  const part = (i: number) => ({
    type: 'record',
    name: `Part${i}`,
    fields: [
      { name: 'a', type: 'string' },
      { name: 'b', type: 'long' },
      { name: 'c', type: 'int' },
      { name: 'd', type: 'double' },
      { name: 'e', type: 'boolean' },
      { name: 'f', type: ['null', 'string'], default: null },
      { name: 'g', type: { type: 'array', items: 'int' } },
      { name: 'h', type: { type: 'map', values: 'string' } },
      { name: 'i', type: 'float' },
      { name: 'j', type: 'string' },
    ],
  });
  return {
    type: 'record',
    name: 'Nested50',
    namespace: 'bench',
    fields: Array.from({ length: 5 }, (_, i) => ({ name: `part${i}`, type: part(i) })),
  };
}

function nestedValue(): Record<string, unknown> {
  const part = (i: number) => ({
    a: `value-${i}`,
    b: 1_000_000_000 + i,
    c: i * 7,
    d: i + 0.25,
    e: i % 2 === 0,
    f: i % 2 === 0 ? null : `optional-${i}`,
    g: [1, 2, 3, i],
    h: { region: 'eu', tier: `t${i}` },
    i: 1.5,
    j: 'end',
  });
  return Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`part${i}`, part(i)]));
}

interface Contestant {
  name: string;
  encode: () => unknown;
  decode: () => unknown;
}

/** Runs `n` calls of `fn` (awaiting them when it is async) and returns ns per call. */
async function timeCalls(fn: () => unknown, n: number, isAsync: boolean): Promise<number> {
  const start = process.hrtime.bigint();
  if (isAsync) {
    for (let i = 0; i < n; i++) await fn();
  } else {
    for (let i = 0; i < n; i++) fn();
  }
  return Number(process.hrtime.bigint() - start) / n;
}

/**
 * ns per call for each function. Each is warmed up and calibrated to rounds of about 3 ms; then `rounds`
 * rounds interleave the contestants, and the best round of each counts. Short interleaved rounds keep the
 * figures usable on a machine shared with other work: load and GC pauses hit every contestant alike, and
 * some rounds of each run undisturbed.
 */
async function measureAll(fns: Array<() => unknown>, rounds = 30): Promise<number[]> {
  const isAsync = fns.map((fn) => fn() instanceof Promise);
  const sizes: number[] = [];
  for (let k = 0; k < fns.length; k++) {
    let ns = await timeCalls(fns[k]!, 200, isAsync[k]!);
    ns = Math.min(ns, await timeCalls(fns[k]!, Math.max(50, Math.round(2e7 / ns / 4)), isAsync[k]!));
    sizes.push(Math.max(50, Math.min(50_000, Math.round((3e6 * scale) / ns))));
  }
  const best = fns.map(() => Infinity);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < fns.length; k++)
      best[k] = Math.min(best[k]!, await timeCalls(fns[k]!, sizes[k]!, isAsync[k]!));
  }
  return best;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'schemagate-bench-serde-'));
  const server = await startRegistryServer({ port: 0, dataDir });
  try {
    const client = new SchemaRegistryClient({ url: server.url });
    const confluent = new ConfluentClient({ baseURLs: [server.url] });
    const kafkajsRegistry = new KafkajsRegistry({ host: server.url });
    const rows: string[] = [];
    const summary: string[] = [];
    for (const [label, schema, value] of [
      ['10-field record', flatSchema(), flatValue()],
      ['50-field nested record', nestedSchema(), nestedValue()],
    ] as const) {
      const topic = label.startsWith('10') ? 'bench-flat' : 'bench-nested';
      const type = avro.Type.forSchema(schema as avro.Schema);
      const ours = new AvroSerializer(client, { schema });
      const framed = await ours.serialize(topic, value);
      const id = framed.readInt32BE(1);
      const oursReader = new AvroDeserializer(client);
      await oursReader.deserialize(topic, framed);

      const theirs = new ConfluentAvroSerializer(confluent, SerdeType.VALUE, { useLatestVersion: true });
      const theirsReader = new ConfluentAvroDeserializer(confluent, SerdeType.VALUE, {});
      const { id: kid } = await kafkajsRegistry.register(
        { type: SchemaType.AVRO, schema: JSON.stringify(schema) },
        { subject: `${topic}-value` },
      );
      if (kid !== id) throw new Error(`registries disagree on the id: ${kid} vs ${id}`);

      const contestants: Contestant[] = [
        {
          name: 'floor (avsc + header)',
          encode: () => {
            const body = type.toBuffer(value);
            const out = Buffer.allocUnsafe(5 + body.length);
            out[0] = 0;
            out.writeInt32BE(id, 1);
            body.copy(out, 5);
            return out;
          },
          decode: () => {
            if (framed[0] !== 0) throw new Error('magic');
            framed.readInt32BE(1);
            return type.fromBuffer(framed.subarray(5));
          },
        },
        {
          name: 'schemagate (sync)',
          encode: () => ours.serializeSync(topic, value),
          decode: () => oursReader.deserializeSync(topic, framed),
        },
        {
          name: 'schemagate (async)',
          encode: () => ours.serialize(topic, value),
          decode: () => oursReader.deserialize(topic, framed),
        },
        {
          name: '@confluentinc/schemaregistry',
          encode: () => theirs.serialize(topic, value),
          decode: () => theirsReader.deserialize(topic, framed),
        },
        {
          name: '@kafkajs/confluent-schema-registry',
          encode: () => kafkajsRegistry.encode(id, value),
          decode: () => kafkajsRegistry.decode(framed),
        },
      ];
      // Sanity: everyone writes the same bytes and reads the same value.
      for (const c of contestants) {
        const bytes = (await c.encode()) as Buffer;
        if (!bytes.equals(framed)) throw new Error(`${c.name} wrote different bytes`);
        const decoded = await c.decode();
        if (JSON.stringify(decoded) !== JSON.stringify(value))
          throw new Error(`${c.name} read a different value`);
      }
      const enc = await measureAll(contestants.map((c) => c.encode));
      const dec = await measureAll(contestants.map((c) => c.decode));
      const results = contestants.map((c, k) => ({ name: c.name, enc: enc[k]!, dec: dec[k]! }));
      const floor = results[0]!;
      const sync = results[1]!;
      const asyncOurs = results[2]!;
      for (const r of results) {
        rows.push(
          `| ${label} | ${r.name} | ${fmt(r.enc)} | ${(r.enc / floor.enc).toFixed(2)}× | ${fmt(r.dec)} | ${(r.dec / floor.dec).toFixed(2)}× |`,
        );
      }
      for (const peer of results.slice(3)) {
        summary.push(
          `${label}: ${peer.name} is ${(peer.enc / asyncOurs.enc).toFixed(1)}× (encode) / ${(peer.dec / asyncOurs.dec).toFixed(1)}× (decode) slower than schemagate async, ` +
            `${(peer.enc / sync.enc).toFixed(1)}× / ${(peer.dec / sync.dec).toFixed(1)}× than schemagate sync`,
        );
      }
    }
    console.log(`node ${process.version}, ${process.platform}/${process.arch}, scale ${scale}`);
    console.log('| message | serde | encode ns/msg | vs floor | decode ns/msg | vs floor |');
    console.log('|---|---|---:|---:|---:|---:|');
    for (const row of rows) console.log(row);
    console.log('');
    for (const line of summary) console.log(line);
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function fmt(ns: number): string {
  return ns >= 10_000 ? `${(ns / 1000).toFixed(1)} µs` : `${Math.round(ns)}`;
}

const FLAT_PROTO = `syntax = "proto3";
package bench;
enum Kind { A = 0; B = 1; C = 2; }
message Flat10 {
  string id = 1;
  int64 seq = 2;
  int32 count = 3;
  double price = 4;
  bool active = 5;
  Kind kind = 6;
  optional string note = 7;
  repeated string tags = 8;
  float ratio = 9;
  string country = 10;
}
message Outer {
  message Mid {
    message Leaf { string id = 1; int64 seq = 2; int32 count = 3; double price = 4; repeated string tags = 5; }
  }
}
`;

/**
 * The serdes call the registry once per id, so a registry held in memory changes nothing on the measured
 * path.
 */
function oneSchemaRegistry(schema: SerdeSchema): SerdeRegistry {
  return {
    register: () => Promise.resolve({ id: 1, version: 1 }),
    lookup: () => Promise.resolve({ id: 1, version: 1 }),
    getSchemaById: () => Promise.resolve(schema),
    getVersion: () => Promise.resolve({ ...schema, id: 1, version: 1 }),
  };
}

async function protobufMain(): Promise<void> {
  const registry = oneSchemaRegistry({ schema: FLAT_PROTO, schemaType: 'PROTOBUF' });
  const type = protobuf.parse(FLAT_PROTO, { keepCase: true }).root.lookupType('bench.Flat10');
  const value = { ...flatValue(), kind: 1, ratio: 0.5 };
  const topic = 'bench-proto';
  const ours = new ProtobufSerializer(registry, { schema: FLAT_PROTO });
  const unchecked = new ProtobufSerializer(registry, { schema: FLAT_PROTO, validate: false });
  const framed = await ours.serialize(topic, value);
  await unchecked.serialize(topic, value);
  const reader = new ProtobufDeserializer(registry);
  await reader.deserialize(topic, framed);
  const contestants: Contestant[] = [
    {
      name: 'floor (protobufjs + header + [0])',
      encode: () => {
        const body = type.encode(value).finish();
        const out = Buffer.allocUnsafe(6 + body.length);
        out[0] = 0;
        out.writeInt32BE(1, 1);
        out[5] = 0;
        out.set(body, 6);
        return out;
      },
      decode: () => {
        if (framed[0] !== 0 || framed[5] !== 0) throw new Error('magic');
        framed.readInt32BE(1);
        return type.decode(framed.subarray(6));
      },
    },
    {
      name: 'schemagate (sync)',
      encode: () => ours.serializeSync(topic, value),
      decode: () => reader.deserializeSync(topic, framed),
    },
    {
      name: 'schemagate (sync, validate: false)',
      encode: () => unchecked.serializeSync(topic, value),
      decode: () => reader.deserializeSync(topic, framed),
    },
    {
      name: 'schemagate (async)',
      encode: () => ours.serialize(topic, value),
      decode: () => reader.deserialize(topic, framed),
    },
  ];
  for (const c of contestants) {
    const bytes = (await c.encode()) as Buffer;
    if (!bytes.equals(framed)) throw new Error(`${c.name} wrote different bytes`);
    const decoded = type.toObject((await c.decode()) as protobuf.Message, { longs: Number });
    if (JSON.stringify(decoded) !== JSON.stringify(value))
      throw new Error(`${c.name} read a different value`);
  }
  const enc = await measureAll(contestants.map((c) => c.encode));
  const dec = await measureAll(contestants.map((c) => c.decode));
  console.log('');
  console.log('| Protobuf message | serde | encode ns/msg | vs floor | decode ns/msg | vs floor |');
  console.log('|---|---|---:|---:|---:|---:|');
  contestants.forEach((c, k) =>
    console.log(
      `| 10-field message | ${c.name} | ${fmt(enc[k]!)} | ${(enc[k]! / enc[0]!).toFixed(2)}× | ${fmt(dec[k]!)} | ${(dec[k]! / dec[0]!).toFixed(2)}× |`,
    ),
  );
  await nestedDecode(registry);
}

/** Decode of a message nested two deep (message indexes [1, 0, 0], 4 bytes): the index walk's cost. */
async function nestedDecode(registry: SerdeRegistry): Promise<void> {
  const name = 'bench.Outer.Mid.Leaf';
  const type = protobuf.parse(FLAT_PROTO, { keepCase: true }).root.lookupType(name);
  const value = { id: 'order-000123', seq: 1234567890123, count: 42, price: 19.99, tags: ['new', 'promo'] };
  const framed = await new ProtobufSerializer(registry, { schema: FLAT_PROTO, messageType: name }).serialize(
    'bench-nested',
    value,
  );
  if (framed.subarray(5, 9).toString('hex') !== '06020000') throw new Error('unexpected message indexes');
  const reader = new ProtobufDeserializer(registry);
  await reader.deserialize('bench-nested', framed);
  const decoders: Array<[string, () => unknown]> = [
    ['floor (protobufjs + header, indexes skipped)', () => type.decode(framed.subarray(9))],
    ['schemagate (sync)', () => reader.deserializeSync('bench-nested', framed)],
    ['schemagate (async)', () => reader.deserialize('bench-nested', framed)],
  ];
  const dec = await measureAll(decoders.map(([, fn]) => fn));
  console.log('');
  console.log('| Protobuf message | serde | decode ns/msg | vs floor |');
  console.log('|---|---|---:|---:|');
  decoders.forEach(([label], k) =>
    console.log(
      `| nested [1, 0, 0], 5 fields | ${label} | ${fmt(dec[k]!)} | ${(dec[k]! / dec[0]!).toFixed(2)}× |`,
    ),
  );
}

if (process.env.SERDE_BENCH_ONLY !== 'protobuf') await main();
await protobufMain();
