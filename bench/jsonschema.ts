// JSON Schema pair checks per second beside the cost of compiling the same two schemas with ajv, in the
// same process and run. Usage: node --import tsx bench/jsonschema.ts [ms-per-measurement]
import AjvModule from 'ajv';
import { jsonSchemaFormat, parseJsonSchema, type JsonSchemaParsed } from '../src/formats/jsonschema/index.js';

const MS = Number(process.argv[2] ?? 400);
type Json = unknown;
const TYPES = ['string', 'integer', 'number', 'boolean'];

/** A closed object with n properties; "ok" widens every integer and adds an optional property, "bad" narrows the last number. */
function wide(n: number, variant: 'old' | 'ok' | 'bad'): Json {
  const properties: Record<string, Json> = {};
  let lastNumber = -1;
  for (let i = 0; i < n; i++) if (TYPES[i % TYPES.length] === 'number') lastNumber = i;
  for (let i = 0; i < n; i++) {
    let type = TYPES[i % TYPES.length]!;
    if (variant === 'ok' && type === 'integer') type = 'number';
    if (variant === 'bad' && i === lastNumber) type = 'integer';
    const p: Record<string, Json> = { type, description: `property ${i}` };
    if (type === 'string') p['maxLength'] = 64;
    if (type === 'integer' || type === 'number') p['minimum'] = 0;
    properties[`p${i}`] = p;
  }
  if (variant === 'ok') properties['added'] = { type: 'string' };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties,
    required: ['p0'],
    additionalProperties: false,
  };
}

/** Objects nested `depth` deep, alternating plain nesting and arrays of objects, with a oneOf at the leaf. */
function deep(depth: number, variant: 'old' | 'ok' | 'bad'): Json {
  let t: Json = {
    type: 'object',
    properties: {
      v: {
        oneOf: [
          { type: 'string' },
          { type: variant === 'bad' ? 'integer' : 'number' },
          ...(variant === 'ok' ? [{ type: 'null' }] : []),
        ],
      },
      s: { type: 'string', maxLength: 10 },
    },
    additionalProperties: false,
  };
  for (let i = depth; i > 0; i--) {
    t = {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        child: i % 2 === 0 ? t : { type: 'array', items: t },
        tags: { type: 'object', additionalProperties: { type: 'string' } },
      },
      required: ['id'],
      additionalProperties: false,
    };
  }
  return t;
}

/** Milliseconds of CPU this process used: other processes on a shared machine barely move it. */
function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** A oneOf of n object branches (an event envelope); "ok" adds a branch, "bad" narrows one branch's field. */
function union(n: number, variant: 'old' | 'ok' | 'bad'): Json {
  const branch = (i: number): Json => ({
    type: 'object',
    properties: {
      kind: { const: `event-${i}` },
      at: { type: 'string', maxLength: 40 },
      value: { type: variant === 'bad' && i === n - 1 ? 'integer' : 'number' },
    },
    required: ['kind'],
    additionalProperties: false,
  });
  const branches = Array.from({ length: n }, (_, i) => branch(i));
  if (variant === 'ok') branches.push(branch(n));
  return { oneOf: branches };
}

function measure(fn: () => void): number {
  for (let i = 0; i < 3; i++) fn(); // warm-up
  let n = 0;
  const start = cpuMs();
  let now = start;
  while (now - start < MS) {
    fn();
    n++;
    now = cpuMs();
  }
  return (now - start) / n; // ms of CPU per operation
}

const ajv = new AjvModule.default({ strict: false, allErrors: true });
function compileBoth(a: string, b: string): void {
  for (const text of [a, b]) {
    const schema = JSON.parse(text) as Record<string, unknown>;
    ajv.compile(schema);
    ajv.removeSchema(schema);
  }
}

function parsed(text: string): JsonSchemaParsed {
  const r = parseJsonSchema(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.schema;
}

const cases: Array<[string, Json, Json]> = [];
for (const n of [20, 200, 2000]) {
  cases.push([`${n} properties, compatible`, wide(n, 'old'), wide(n, 'ok')]);
  cases.push([`${n} properties, incompatible`, wide(n, 'old'), wide(n, 'bad')]);
}
for (const n of [5, 20]) {
  cases.push([`oneOf of ${n} objects, compatible`, union(n, 'old'), union(n, 'ok')]);
  cases.push([`oneOf of ${n} objects, incompatible`, union(n, 'old'), union(n, 'bad')]);
}
for (const d of [10, 40]) {
  cases.push([`nested ${d} deep, compatible`, deep(d, 'old'), deep(d, 'ok')]);
  cases.push([`nested ${d} deep, incompatible`, deep(d, 'old'), deep(d, 'bad')]);
}

const fmt = (ms: number): string => (ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`);
const rate = (ms: number): string => `${Math.round(1000 / ms).toLocaleString('en-US')}/s`;
console.log(`node ${process.version}, ${MS} ms of CPU per measurement`);
console.log(
  '| pair | ajv compile both (baseline) | check (parsed) | vs baseline | parse both + check | vs baseline | findings |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [name, a, b] of cases) {
  const ta = JSON.stringify(a, null, 2);
  const tb = JSON.stringify(b, null, 2);
  const old = parsed(ta);
  const neu = parsed(tb);
  const findings = jsonSchemaFormat.check(neu, old, { reader: 'new', writer: 'old' }).length;
  const baseline = measure(() => compileBoth(ta, tb));
  const check = measure(() => jsonSchemaFormat.check(neu, old, { reader: 'new', writer: 'old' }));
  const full = measure(() =>
    jsonSchemaFormat.check(parsed(tb), parsed(ta), { reader: 'new', writer: 'old' }),
  );
  console.log(
    `| ${name} | ${fmt(baseline)} | ${fmt(check)} (${rate(check)}) | ${(check / baseline).toFixed(3)}× | ${fmt(full)} | ${(full / baseline).toFixed(2)}× | ${findings} |`,
  );
}
