import { jacksonString, jacksonTree, javaDouble } from './json-text.js';
import { type AvroField, type AvroNamed, type AvroSchema, type AvroType, type JsonAttr } from './model.js';
import { qualifiedRelativeTo } from './names.js';

const q = jacksonString;

function namespaceOf(fullName: string): string | undefined {
  const dot = fullName.lastIndexOf('.');
  return dot < 0 ? undefined : fullName.slice(0, dot);
}

function props(list: readonly [string, JsonAttr][], sorted: boolean): string {
  // Most types and fields have no custom property; no copies, sort or join for them.
  if (list.length === 0) return '';
  const items = sorted ? [...list].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : list;
  return items.map(([k, v]) => `,${q(k)}:${jacksonTree(v, sorted)}`).join('');
}

/**
 * The registry's identity string for an Avro schema: what Avro Java's `Schema.toString()` prints
 * (`toString(references)` when there are references, which writes their types by name). Compact JSON;
 * `doc`, `aliases`, defaults, `order` and custom properties kept (properties in declaration order);
 * names relative to the enclosing namespace; each named type in full once, then by name.
 */
export function canonicalAvro(schema: AvroSchema): string {
  const known = new Set<AvroNamed>(schema.referenceRoots);
  return javaJson(schema.root, known, undefined);
}

/** Java's `Schema.toString()` of one type on its own, as Avro's messages print a schema. */
export function javaTypeString(t: AvroType): string {
  return javaJson(t, new Set(), undefined);
}

function javaJson(t: AvroType, known: Set<AvroNamed>, space: string | undefined): string {
  switch (t.kind) {
    case 'array':
      return `{"type":"array","items":${javaJson(t.items, known, space)}${props(t.props, false)}}`;
    case 'map':
      return `{"type":"map","values":${javaJson(t.values, known, space)}${props(t.props, false)}}`;
    case 'union':
      return `[${t.branches.map((b) => javaJson(b, known, space)).join(',')}]`;
    case 'record':
    case 'enum':
    case 'fixed':
      return javaNamed(t, known, space);
    default:
      return t.props.length === 0 ? q(t.kind) : `{"type":${q(t.kind)}${props(t.props, false)}}`;
  }
}

function javaNamed(t: AvroNamed, known: Set<AvroNamed>, space: string | undefined): string {
  if (known.has(t)) return q(qualifiedRelativeTo(t.fullName, t.namespace, space));
  known.add(t);
  let out = `{"type":${q(t.kind === 'record' && t.error ? 'error' : t.kind)},"name":${q(t.name)}`;
  if (t.namespace !== undefined) {
    if (t.namespace !== space) out += `,"namespace":${q(t.namespace)}`;
  } else if (space !== undefined) {
    out += ',"namespace":""';
  }
  if (t.doc !== undefined) out += `,"doc":${q(t.doc)}`;
  if (t.kind === 'record')
    out += `,"fields":[${t.fields.map((f) => javaField(f, known, t.namespace)).join(',')}]`;
  else if (t.kind === 'enum')
    out += `,"symbols":[${t.symbols.map(q).join(',')}]${t.default === undefined ? '' : `,"default":${q(t.default)}`}`;
  else out += `,"size":${t.size}`;
  out += props(t.props, false);
  if (t.aliases.length > 0)
    out += `,"aliases":[${t.aliases.map((a) => q(qualifiedRelativeTo(a, namespaceOf(a), t.namespace))).join(',')}]`;
  return `${out}}`;
}

/** A float/double field's string default is a number once Java has read it (Double.parseDouble). */
function fieldDefault(f: AvroField): string {
  const d = f.default as JsonAttr;
  if ((f.type.kind === 'float' || f.type.kind === 'double') && typeof d.value === 'string') {
    const n = Number(d.value.trim().replace(/[fFdD]$/, ''));
    if (Number.isFinite(n)) return javaDouble(n);
    return q(Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity');
  }
  return jacksonTree(d);
}

function javaField(f: AvroField, known: Set<AvroNamed>, space: string | undefined): string {
  let out = `{"name":${q(f.name)},"type":${javaJson(f.type, known, space)}`;
  if (f.doc !== undefined) out += `,"doc":${q(f.doc)}`;
  if (f.default !== undefined) out += `,"default":${fieldDefault(f)}`;
  if (f.order !== undefined) out += `,"order":${q(f.order)}`;
  if (f.aliases.length > 0) out += `,"aliases":[${f.aliases.map(q).join(',')}]`;
  return `${out}${props(f.props, false)}}`;
}

/**
 * Avro's Parsing Canonical Form (specification, "Parsing Canonical Form for Schemas"): only what
 * decoding needs — full names, no doc, aliases, defaults, logical types or properties — in the
 * order name, type, fields, symbols, items, values, size.
 */
export function parsingCanonicalForm(schema: AvroSchema): string {
  return pcf(schema.root, new Set());
}

function pcf(t: AvroType, seen: Set<AvroNamed>): string {
  switch (t.kind) {
    case 'array':
      return `{"type":"array","items":${pcf(t.items, seen)}}`;
    case 'map':
      return `{"type":"map","values":${pcf(t.values, seen)}}`;
    case 'union':
      return `[${t.branches.map((b) => pcf(b, seen)).join(',')}]`;
    case 'record':
    case 'enum':
    case 'fixed': {
      if (seen.has(t)) return q(t.fullName);
      seen.add(t);
      const head = `{"name":${q(t.fullName)},"type":"${t.kind}"`;
      if (t.kind === 'record')
        return `${head},"fields":[${t.fields.map((f) => `{"name":${q(f.name)},"type":${pcf(f.type, seen)}}`).join(',')}]}`;
      if (t.kind === 'enum') return `${head},"symbols":[${t.symbols.map(q).join(',')}]}`;
      return `${head},"size":${t.size}}`;
    }
    default:
      return q(t.kind);
  }
}

/**
 * The registry's normalised form (§4.3, `normalize=true`), in our own rendering: full names everywhere
 * (no `namespace` attribute), aliases sorted, custom properties (and the keys inside their values)
 * sorted; doc, defaults, order, enum defaults and logical types kept. Two schemas that the registry
 * normalises to the same text render the same here; the text itself is not byte-identical to Java's.
 */
export function normalizedAvro(schema: AvroSchema): string {
  return norm(schema.root, new Set());
}

function norm(t: AvroType, seen: Set<AvroNamed>): string {
  switch (t.kind) {
    case 'array':
      return `{"type":"array","items":${norm(t.items, seen)}${props(t.props, true)}}`;
    case 'map':
      return `{"type":"map","values":${norm(t.values, seen)}${props(t.props, true)}}`;
    case 'union':
      return `[${t.branches.map((b) => norm(b, seen)).join(',')}]`;
    case 'record':
    case 'enum':
    case 'fixed': {
      if (seen.has(t)) return q(t.fullName);
      seen.add(t);
      let out = `{"type":${q(t.kind === 'record' && t.error ? 'error' : t.kind)},"name":${q(t.fullName)}`;
      if (t.doc !== undefined) out += `,"doc":${q(t.doc)}`;
      if (t.aliases.length > 0) out += `,"aliases":[${[...t.aliases].sort().map(q).join(',')}]`;
      if (t.kind === 'record') {
        const fields = t.fields.map((f) => {
          let s = `{"name":${q(f.name)},"type":${norm(f.type, seen)}`;
          if (f.doc !== undefined) s += `,"doc":${q(f.doc)}`;
          if (f.aliases.length > 0) s += `,"aliases":[${[...f.aliases].sort().map(q).join(',')}]`;
          if (f.default !== undefined) s += `,"default":${jacksonTree(f.default, true)}`;
          if (f.order !== undefined) s += `,"order":${q(f.order)}`;
          return `${s}${props(f.props, true)}}`;
        });
        out += `,"fields":[${fields.join(',')}]`;
      } else if (t.kind === 'enum') {
        out += `,"symbols":[${t.symbols.map(q).join(',')}]${t.default === undefined ? '' : `,"default":${q(t.default)}`}`;
      } else {
        out += `,"size":${t.size}`;
      }
      return `${out}${props(t.props, true)}}`;
    }
    default:
      return t.props.length === 0 ? q(t.kind) : `{"type":${q(t.kind)}${props(t.props, true)}}`;
  }
}
