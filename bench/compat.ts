// Checks per second of the Avro compatibility engine against avsc's Type#createResolver on the same
// reader/writer pairs, in the same process and run. Usage: node --import tsx bench/compat.ts [ms-per-measurement]
import avsc from 'avsc';
import { avroFormat, type AvroSchema } from '../src/formats/avro/index.js';

type Json = unknown;
const MS = Number(process.argv[2] ?? 500);

const prim = ['int', 'long', 'string', 'double', 'boolean'];

function wideRecord(n: number, variant: 'old' | 'ok' | 'bad' | 'many'): Json {
  const fields: Json[] = [];
  const lastLong = n - 1 - ((n - 2) % prim.length === 0 ? 0 : (n - 1 - 1) % prim.length);
  for (let i = 0; i < n; i++) {
    let type: Json = prim[i % prim.length];
    // Compatible: every int promoted to long and a field added with a default. Incompatible: the last
    // long narrowed to int and a field added without a default (two findings, at the end, so avsc
    // cannot stop early); "many": every long narrowed (a finding per five fields).
    if (variant === 'ok' && type === 'int') type = 'long';
    if (variant === 'bad' && type === 'long' && i >= lastLong - prim.length) type = 'int';
    if (variant === 'many' && type === 'long') type = 'int';
    fields.push({
      name: `field_${i}`,
      type,
      ...(i % 3 === 0 ? { default: type === 'string' ? '' : type === 'boolean' ? false : 0 } : {}),
    });
  }
  if (variant === 'ok') fields.push({ name: 'added', type: ['null', 'string'], default: null });
  if (variant === 'bad' || variant === 'many') fields.push({ name: 'added', type: 'string' });
  return { type: 'record', name: 'Wide', namespace: 'bench', fields };
}

function deep(depth: number, variant: 'old' | 'ok' | 'bad'): Json {
  let t: Json = {
    type: 'record',
    name: 'Leaf',
    fields: [
      { name: 'v', type: variant === 'bad' ? 'int' : variant === 'ok' ? 'double' : 'long' },
      { name: 's', type: 'string' },
    ],
  };
  for (let i = depth; i > 0; i--) {
    t = {
      type: 'record',
      name: `Level${i}`,
      fields: [
        { name: 'id', type: 'long' },
        { name: 'child', type: i % 2 === 0 ? t : { type: 'array', items: t } },
        { name: 'tags', type: { type: 'map', values: 'string' } },
      ],
    };
  }
  return t;
}

function wideUnion(n: number, variant: 'old' | 'ok' | 'bad'): Json {
  const branches: Json[] = ['null'];
  const count = variant === 'ok' ? n + 1 : variant === 'bad' ? n - 1 : n;
  for (let i = 0; i < count; i++) {
    branches.push(
      i % 2 === 0
        ? {
            type: 'record',
            name: `Event${i}`,
            fields: [
              { name: 'id', type: 'long' },
              { name: 'at', type: 'long' },
              { name: 'who', type: 'string' },
            ],
          }
        : { type: 'enum', name: `Kind${i}`, symbols: ['A', 'B', 'C'] },
    );
  }
  return { type: 'record', name: 'Envelope', fields: [{ name: 'payload', type: branches }] };
}

/**
 * A record whose named type `Money` is defined once and used again by name in every other field: the pairs
 * repeat, so this is the case where the engine keeps Avro Java's memo of pairs (and repeats its locations).
 */
function sharedType(n: number, variant: 'old' | 'ok' | 'bad'): Json {
  const money: Json = {
    type: 'record',
    name: 'Money',
    fields: [
      { name: 'amount', type: variant === 'bad' ? 'int' : variant === 'ok' ? 'double' : 'long' },
      { name: 'currency', type: 'string' },
    ],
  };
  const fields = Array.from({ length: n }, (_, i) => ({
    name: `f${i}`,
    type: i === 0 ? money : i % 2 === 0 ? 'Money' : 'string',
  }));
  return { type: 'record', name: 'Ledger', namespace: 'bench', fields };
}

interface Case {
  name: string;
  reader: Json;
  writer: Json;
  compatible: boolean;
}

const cases: Case[] = [];
for (const n of [10, 100, 1000]) {
  cases.push({
    name: `record ${n} fields, compatible`,
    reader: wideRecord(n, 'ok'),
    writer: wideRecord(n, 'old'),
    compatible: true,
  });
  cases.push({
    name: `record ${n} fields, incompatible`,
    reader: wideRecord(n, 'bad'),
    writer: wideRecord(n, 'old'),
    compatible: false,
  });
}
cases.push({
  name: 'record 1000 fields, 201 incompatibilities',
  reader: wideRecord(1000, 'many'),
  writer: wideRecord(1000, 'old'),
  compatible: false,
});
cases.push({
  name: 'nesting depth 30, compatible',
  reader: deep(30, 'ok'),
  writer: deep(30, 'old'),
  compatible: true,
});
cases.push({
  name: 'nesting depth 30, incompatible',
  reader: deep(30, 'bad'),
  writer: deep(30, 'old'),
  compatible: false,
});
cases.push({
  name: 'record 100 fields, a named type used 50 times, compatible',
  reader: sharedType(100, 'ok'),
  writer: sharedType(100, 'old'),
  compatible: true,
});
cases.push({
  name: 'record 100 fields, a named type used 50 times, incompatible',
  reader: sharedType(100, 'bad'),
  writer: sharedType(100, 'old'),
  compatible: false,
});
cases.push({
  name: 'union of 50 branches, compatible',
  reader: wideUnion(50, 'ok'),
  writer: wideUnion(50, 'old'),
  compatible: true,
});
cases.push({
  name: 'union of 50 branches, incompatible',
  reader: wideUnion(50, 'bad'),
  writer: wideUnion(50, 'old'),
  compatible: false,
});

function parse(text: string): AvroSchema {
  const r = avroFormat.parse(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.schema;
}

function once(fn: () => void, ms: number): number {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 5; i++) fn();
    n += 5;
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}

/**
 * Operations per second of `a` and `b`, measured in alternating slices and keeping each one's best
 * slice: the machine is shared, and the best slice is the least disturbed one.
 */
function compare(a: () => void, b: () => void): [number, number] {
  for (let i = 0; i < 10; i++) {
    a();
    b();
  }
  let bestA = 0;
  let bestB = 0;
  for (let round = 0; round < 5; round++) {
    bestA = Math.max(bestA, once(a, MS / 5));
    bestB = Math.max(bestB, once(b, MS / 5));
  }
  return [bestA, bestB];
}

const fmt = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
const ctx = { reader: 'new', writer: 'old' } as const;

console.log(`bench/compat — node ${process.version}, best of 5 alternating slices of ${MS / 5} ms`);
console.log(
  '| pair | schemagate checks/s | findings | avsc createResolver/s | ratio | schemagate parse+check/s | avsc forSchema+resolve/s | ratio |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const c of cases) {
  const readerText = JSON.stringify(c.reader);
  const writerText = JSON.stringify(c.writer);
  const r = parse(readerText);
  const w = parse(writerText);
  const ar = avsc.Type.forSchema(c.reader as avsc.Schema);
  const aw = avsc.Type.forSchema(c.writer as avsc.Schema);
  const findings = avroFormat.check(r, w, ctx);
  let avscOk = true;
  try {
    ar.createResolver(aw, { ignoreNamespaces: true });
  } catch {
    avscOk = false;
  }
  if ((findings.length === 0) !== c.compatible || avscOk !== c.compatible)
    throw new Error(
      `${c.name}: expected ${c.compatible}, schemagate ${findings.length} findings, avsc ${avscOk}`,
    );
  const [ours, theirs] = compare(
    () => avroFormat.check(r, w, ctx),
    () => {
      try {
        ar.createResolver(aw, { ignoreNamespaces: true });
      } catch {
        // incompatible: avsc throws on the first problem
      }
    },
  );
  // End to end from the schema texts: our parser keeps source positions; avsc starts from JSON.parse.
  const [oursFull, theirsFull] = compare(
    () => avroFormat.check(parse(readerText), parse(writerText), ctx),
    () => {
      try {
        avsc.Type.forSchema(JSON.parse(readerText) as avsc.Schema).createResolver(
          avsc.Type.forSchema(JSON.parse(writerText) as avsc.Schema),
          { ignoreNamespaces: true },
        );
      } catch {
        // incompatible
      }
    },
  );
  console.log(
    `| ${c.name} | ${fmt(ours)} | ${findings.length} | ${fmt(theirs)} | ${(ours / theirs).toFixed(2)}× | ${fmt(oursFull)} | ${fmt(theirsFull)} | ${(oursFull / theirsFull).toFixed(2)}× |`,
  );
}

// Scaling: one field changed in a very wide record, end to end from the texts (parse both, check both
// ways, semantic diff), as `schemagate compat`, `check` and `diff` do. Linear work takes ~10× as long for
// 10× the fields; the quadratic field lookup of the semantic diff once made 100,000 fields take minutes.
function oneFieldChanged(n: number): [string, string] {
  const fields = Array.from({ length: n }, (_, i) => ({
    name: `f${i}`,
    type: i % 5 === 0 ? 'int' : 'string',
    ...(i % 3 === 0 ? { default: i % 5 === 0 ? 0 : '' } : {}),
  }));
  const old = JSON.stringify({ type: 'record', name: 'Huge', namespace: 'bench', fields }, null, 2);
  fields[Math.floor(n / 2)] = { name: `f${Math.floor(n / 2)}`, type: 'long' };
  return [old, JSON.stringify({ type: 'record', name: 'Huge', namespace: 'bench', fields }, null, 2)];
}

function endToEnd([oldText, newText]: [string, string]): number {
  const start = performance.now();
  const oldSchema = avroFormat.parse(oldText, { lenient: true });
  const newSchema = avroFormat.parse(newText);
  if (!oldSchema.ok || !newSchema.ok) throw new Error('wide schema did not parse');
  avroFormat.check(newSchema.schema, oldSchema.schema, ctx);
  avroFormat.check(oldSchema.schema, newSchema.schema, { reader: 'old', writer: 'new' });
  if (avroFormat.diff(oldSchema.schema, newSchema.schema).length !== 1)
    throw new Error('expected one change');
  return performance.now() - start;
}

console.log(
  '\n| one field changed, parse + check both ways + diff | ms (best of 3) | × the 10,000-field time |',
);
console.log('|---|---:|---:|');
let base = 0;
for (const n of [10_000, 100_000]) {
  const texts = oneFieldChanged(n);
  const ms = Math.min(endToEnd(texts), endToEnd(texts), endToEnd(texts));
  if (n === 10_000) base = ms;
  console.log(
    `| record ${n.toLocaleString('en-US')} fields | ${Math.round(ms)} | ${(ms / base).toFixed(1)}× |`,
  );
}
