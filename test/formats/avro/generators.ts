import fc from 'fast-check';

/**
 * Random Avro schemas for differential and property tests. Named types take their name from their
 * position (`N_f_a`), so two independently generated schemas often agree in shape and names, which
 * makes both compatible and incompatible pairs common. A small chance of a renamed type exercises
 * NAME_MISMATCH.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const PRIMITIVES = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'];
const FIELD_NAMES = ['a', 'b', 'c', 'd'];
const SYMBOLS = ['X', 'Y', 'Z', 'W'];

/** A valid default for a type, as both Avro Java and avsc accept it. */
export function defaultFor(type: Json): Json {
  if (typeof type === 'string') {
    switch (type) {
      case 'null':
        return null;
      case 'boolean':
        return true;
      case 'int':
      case 'long':
        return 1;
      case 'float':
      case 'double':
        return 1.5;
      default:
        return 's';
    }
  }
  if (Array.isArray(type)) return defaultFor(type[0] ?? 'null');
  if (type === null || typeof type !== 'object') return null;
  switch (type['type']) {
    case 'enum':
      return (type['symbols'] as string[])[0] ?? '';
    case 'fixed':
      return 'a'.repeat(type['size'] as number);
    case 'array':
      return [];
    case 'map':
      return {};
    case 'record': {
      const out: Record<string, Json> = {};
      for (const f of type['fields'] as { name: string; type: Json }[]) out[f.name] = defaultFor(f.type);
      return out;
    }
    default:
      return null;
  }
}

/** Namespaces are ignored when names are matched (only the unqualified names count), so vary them freely. */
const NAMESPACE = fc.constantFrom<string | undefined>(undefined, undefined, undefined, 'a', 'b.c');

function withNamespace<T extends Record<string, Json>>(arb: fc.Arbitrary<T>): fc.Arbitrary<Json> {
  return fc.tuple(arb, NAMESPACE).map(([t, ns]) => (ns === undefined ? t : { ...t, namespace: ns }));
}

function named(path: string): fc.Arbitrary<string> {
  return fc.constantFrom(
    `N${path}`,
    `N${path}`,
    `N${path}`,
    `N${path}`,
    `N${path}`,
    `N${path}`,
    `N${path}`,
    `M${path}`,
  );
}

function nonUnionType(path: string, depth: number): fc.Arbitrary<Json> {
  const leaves: fc.Arbitrary<Json>[] = [
    fc.constantFrom(...PRIMITIVES),
    withNamespace(
      fc
        .record({
          type: fc.constant('enum'),
          name: named(path),
          symbols: fc.subarray(SYMBOLS, { minLength: 1 }),
          hasDefault: fc.boolean(),
        })
        .map(({ hasDefault, ...e }) => (hasDefault ? { ...e, default: e.symbols[0] as string } : e)),
    ),
    withNamespace(
      fc.record({ type: fc.constant('fixed'), name: named(path), size: fc.integer({ min: 1, max: 3 }) }),
    ),
  ];
  if (depth >= 3) return fc.oneof(...leaves);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...PRIMITIVES), weight: 6 },
    { arbitrary: fc.oneof(...leaves.slice(1)), weight: 2 },
    { arbitrary: recordType(path, depth + 1), weight: 2 },
    { arbitrary: anyType(`${path}_i`, depth + 1).map((items) => ({ type: 'array', items })), weight: 1 },
    { arbitrary: anyType(`${path}_v`, depth + 1).map((values) => ({ type: 'map', values })), weight: 1 },
  );
}

function anyType(path: string, depth: number): fc.Arbitrary<Json> {
  return depth >= 3
    ? nonUnionType(path, depth)
    : fc.oneof(
        { arbitrary: nonUnionType(path, depth), weight: 3 },
        { arbitrary: unionType(path, depth + 1), weight: 1 },
      );
}

function branchKey(t: Json): string {
  if (typeof t === 'string') return t;
  if (t !== null && typeof t === 'object' && !Array.isArray(t))
    return t['type'] === 'array' || t['type'] === 'map' ? String(t['type']) : String(t['name']).slice(1);
  return '?';
}

function unionType(path: string, depth: number): fc.Arbitrary<Json> {
  return fc
    .array(
      fc.integer({ min: 0, max: 99 }).chain((i) => nonUnionType(`${path}_u${i % 3}`, depth)),
      { minLength: 1, maxLength: 4 },
    )
    .map((branches) => {
      const seen = new Set<string>();
      return branches.filter((b) => {
        const k = branchKey(b);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    });
}

function recordType(path: string, depth: number): fc.Arbitrary<Json> {
  return fc
    .tuple(named(path), fc.subarray(FIELD_NAMES))
    .chain(([name, fields]) =>
      fc.tuple(
        fc.constant(name),
        fc.tuple(
          ...fields.map((f) =>
            fc
              .record({
                type: depth >= 3 ? fc.constantFrom(...PRIMITIVES) : anyType(`${path}_${f}`, depth),
                hasDefault: fc.boolean(),
                // An alias never names a sibling field (the parser rejects that); it may name a field of the other schema.
                alias: fc.constantFrom(
                  undefined,
                  undefined,
                  undefined,
                  ...FIELD_NAMES.filter((x) => !fields.includes(x)),
                ),
              })
              .map(({ type, hasDefault, alias }) => ({
                name: f,
                type,
                ...(hasDefault ? { default: defaultFor(type) } : {}),
                ...(alias === undefined ? {} : { aliases: [alias] }),
              })),
          ),
        ),
      ),
    )
    .chain(([name, fields]) =>
      fc.tuple(NAMESPACE, fc.boolean()).map(([ns, recursive]) => ({
        type: 'record',
        name,
        ...(ns === undefined ? {} : { namespace: ns }),
        // A recursive field (a linked list of itself) exercises the memoisation of record pairs.
        fields: recursive
          ? [...(fields as Json[]), { name: 'self', type: ['null', name], default: null }]
          : (fields as Json[]),
      })),
    );
}

/** A random record schema (the usual shape of a Kafka value schema). */
export const avroSchema = (): fc.Arbitrary<Json> => recordType('', 0);
