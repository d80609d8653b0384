import { joinPointer, type JsonValue } from '../json/parse.js';
import type { DataIssue } from './json-data.js';
import { describeType, isNamed, type AvroNamed, type AvroType } from './model.js';

/** The primitive promotions Avro's schema resolution allows, writer → readers. */
const PROMOTIONS: Record<string, readonly string[]> = {
  int: ['long', 'float', 'double'],
  long: ['float', 'double'],
  float: ['double'],
  string: ['bytes'],
  bytes: ['string'],
};

/**
 * Whether a reader with schema `reader` reads a message written with `writer`, the message given in
 * Avro's JSON encoding and already known to decode with `writer` (readAvroJson). Follows Avro's schema
 * resolution on this one datum: a removed enum symbol matters only when the message uses it, a union
 * only for the branch the message takes. Returns where reading fails, and why.
 */
export function resolveAvroJson(writer: AvroType, reader: AvroType, value: JsonValue): DataIssue | undefined {
  return resolve(writer, reader, value, '');
}

function resolve(w: AvroType, r: AvroType, v: JsonValue, path: string): DataIssue | undefined {
  if (w.kind === 'union') {
    if (v === null)
      return resolve(
        w.branches.find((b) => b.kind === 'null')!,
        r,
        v,
        path,
      );
    const [key, inner] = Object.entries(v as { [k: string]: JsonValue })[0]!;
    const branch = w.branches.find((b) => (isNamed(b) ? b.fullName : b.kind) === key)!;
    return resolve(branch, r, inner, joinPointer(path, key));
  }
  if (r.kind === 'union') {
    const branch = r.branches.find((b) => sameType(w, b)) ?? r.branches.find((b) => promotes(w, b));
    if (branch === undefined)
      return {
        path,
        reason: `the reader's union [${r.branches.map((b) => describeType(b)).join(', ')}] has no branch for ${describeType(w)}`,
      };
    return resolve(w, branch, v, path);
  }
  if (!sameType(w, r) && !promotes(w, r))
    return { path, reason: `written as ${describeType(w)}, the reader expects ${describeType(r)}` };
  switch (w.kind) {
    case 'enum': {
      const symbols = (r as typeof w).symbols;
      const readerDefault = (r as typeof w).default;
      if (typeof v === 'string' && !symbols.includes(v) && readerDefault === undefined)
        return {
          path,
          reason: `the reader's enum '${(r as typeof w).fullName}' has no symbol '${v}' and no default`,
        };
      return undefined;
    }
    case 'fixed':
      return w.size === (r as typeof w).size
        ? undefined
        : { path, reason: `fixed '${w.fullName}' has ${w.size} bytes, the reader's ${(r as typeof w).size}` };
    case 'array':
      return each(v as JsonValue[], (item, i) =>
        resolve(w.items, (r as typeof w).items, item, joinPointer(path, i)),
      );
    case 'map':
      return each(Object.entries(v as { [k: string]: JsonValue }), ([k, item]) =>
        resolve(w.values, (r as typeof w).values, item, joinPointer(path, k)),
      );
    case 'record': {
      const reader = r as typeof w;
      const obj = v as { [k: string]: JsonValue };
      for (const rf of reader.fields) {
        const wf = w.fields.find((f) => f.name === rf.name || rf.aliases.includes(f.name));
        if (wf === undefined) {
          if (rf.default === undefined)
            return {
              path: joinPointer(path, rf.name),
              reason: `the reader's field '${rf.name}' of '${reader.fullName}' is not in the writer's schema and has no default`,
            };
          continue;
        }
        const issue = resolve(wf.type, rf.type, obj[wf.name]!, joinPointer(path, wf.name));
        if (issue !== undefined) return issue;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function each<T>(items: T[], check: (item: T, i: number) => DataIssue | undefined): DataIssue | undefined {
  for (let i = 0; i < items.length; i++) {
    const issue = check(items[i]!, i);
    if (issue !== undefined) return issue;
  }
  return undefined;
}

/** Same kind, and for named types the same full name (or a reader alias of the writer's name). */
function sameType(w: AvroType, r: AvroType): boolean {
  if (w.kind !== r.kind) return false;
  if (!isNamed(w)) return true;
  const reader = r as AvroNamed;
  return reader.fullName === w.fullName || reader.aliases.includes(w.fullName);
}

function promotes(w: AvroType, r: AvroType): boolean {
  return PROMOTIONS[w.kind]?.includes(r.kind) ?? false;
}
