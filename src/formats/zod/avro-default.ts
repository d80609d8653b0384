import type { AvroJson } from './to-avro.js';

/**
 * A model's default value in Avro's JSON form for the field type, checked against it: a default that
 * does not fit is an error (`problem`), not a schema the registry would refuse later. A union's default
 * must fit its first branch, as the Avro specification says.
 */
export function avroDefault(
  value: unknown,
  type: AvroJson,
  named: ReadonlyMap<string, Record<string, unknown>>,
  problem: (message: string) => never,
): unknown {
  const bad = (what: string): never => problem(`default ${show(value)} is not ${what}`);
  if (Array.isArray(type)) {
    const first = type[0] ?? problem('a union without branches');
    return avroDefault(value, first, named, (m) =>
      problem(`${m} (a union's default must fit its first branch)`),
    );
  }
  if (typeof type === 'string') {
    const definition = named.get(type) ?? [...named].find(([full]) => full.endsWith(`.${type}`))?.[1];
    if (definition !== undefined) return avroDefault(value, definition as AvroJson, named, problem);
    return primitive(value, type, bad, problem);
  }
  const t = type as Record<string, unknown>;
  const kind = t.type as AvroJson;
  if (kind === 'long' && t.logicalType === 'timestamp-millis') {
    if (value instanceof Date) return value.getTime();
    return bad('a Date');
  }
  if (kind === 'enum') {
    if (typeof value === 'string' && (t.symbols as string[]).includes(value)) return value;
    return bad(`one of the symbols ${(t.symbols as string[]).join(', ')}`);
  }
  if (kind === 'array') {
    if (!Array.isArray(value)) return bad('an array');
    return value.map((v) => avroDefault(v, t.items as AvroJson, named, problem));
  }
  if (kind === 'map') {
    if (!isPlainObject(value)) return bad('an object (map)');
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, avroDefault(v, t.values as AvroJson, named, problem)]),
    );
  }
  if (kind === 'record') {
    if (!isPlainObject(value)) return bad('an object (record)');
    const out: Record<string, unknown> = {};
    for (const f of t.fields as Array<{ name: string; type: AvroJson; default?: unknown }>) {
      if (f.name in value) out[f.name] = avroDefault(value[f.name], f.type, named, problem);
      else if ('default' in f) out[f.name] = f.default;
      else problem(`default ${show(value)} has no value for the record's field ${f.name}`);
    }
    return out;
  }
  if (typeof kind === 'string') return primitive(value, kind, bad, problem);
  return problem(`cannot check a default against ${JSON.stringify(type)}`);
}

function primitive(
  value: unknown,
  type: string,
  bad: (what: string) => never,
  problem: (m: string) => never,
): unknown {
  switch (type) {
    case 'null':
      return value === null ? null : bad('null');
    case 'boolean':
      return typeof value === 'boolean' ? value : bad('a boolean');
    case 'int':
      return Number.isInteger(value) && (value as number) >= -(2 ** 31) && (value as number) < 2 ** 31
        ? value
        : bad('a 32-bit integer');
    case 'long':
      if (typeof value === 'bigint') {
        if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
          return bad('a long that JSON holds exactly');
        return Number(value);
      }
      return Number.isInteger(value) ? value : bad('an integer');
    case 'float':
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? value : bad('a finite number');
    case 'string':
      return typeof value === 'string' ? value : bad('a string');
    case 'bytes':
      // Avro writes a bytes default as a string of the code points 0–255.
      return value instanceof Uint8Array ? String.fromCharCode(...value) : bad('a Uint8Array');
    default:
      return problem(`cannot check a default against the type ${type}`);
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof Date) &&
    !(v instanceof Uint8Array)
  );
}

function show(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value) ?? String(value);
}
