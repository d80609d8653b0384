import type { SchemaReference } from '../formats/format.js';
import type { ProtobufSchema } from '../formats/protobuf/index.js';
import type { FieldRow } from './model.js';
import {
  fieldsOf,
  firstMessage,
  groupMessage,
  parseProto,
  resolveType,
  syntaxOf,
  type ProtoField,
  type ProtoMessage,
  type ProtoType,
} from './proto-types.js';

/** Nested messages deeper than this are named, not expanded (and recursive types stop at their first repeat). */
const MAX_DEPTH = 8;

/**
 * The field table of a `.proto` schema's first message (the one serializers use by default): every field
 * with its number, type and label, messages (also map values and groups) expanded below their field, the
 * proto2 default, and the comment written above or beside the field as its doc.
 */
export function protoFieldTable(text: string, references: readonly SchemaReference[]): FieldRow[] {
  const schema = parseProto(text, references);
  const top = schema === undefined ? undefined : firstMessage(schema);
  if (schema === undefined || top === undefined) return [];
  const texts = new Map<string, string[]>([['', text.split('\n')]]);
  for (const r of references) texts.set(r.name, r.text.split('\n'));
  const rows: FieldRow[] = [];
  addMessage(schema, top, '', 0, new Set([top.fullName]));
  return rows;

  function addMessage(
    s: ProtobufSchema,
    m: ProtoMessage,
    prefix: string,
    depth: number,
    seen: Set<string>,
  ): void {
    for (const f of fieldsOf(m.element, syntaxOf(s, m))) {
      const path = prefix === '' ? f.name : `${prefix}.${f.name}`;
      const type = f.field === undefined ? undefined : resolveType(s, m, f.field.type);
      rows.push({
        path,
        depth,
        name: f.name,
        type: type === undefined ? `group ${f.group?.name ?? ''}` : describeType(type),
        required: f.label === 'required',
        default: defaultOf(f, type),
        doc: commentOf(texts.get(m.source), f.line, f.column),
        aliases: [],
        pointer: m.source === '' ? pointerOf(m, f) : undefined,
        number: f.tag,
        label: f.label,
      });
      if (depth + 1 >= MAX_DEPTH) continue;
      const nested =
        f.group !== undefined ? groupMessage(m, f.group) : type === undefined ? undefined : messageIn(type);
      if (nested === undefined || seen.has(nested.fullName)) continue;
      addMessage(s, nested, path, depth + 1, new Set([...seen, nested.fullName]));
    }
  }
}

function messageIn(t: ProtoType): ProtoMessage | undefined {
  if (t.kind === 'message') return t.message;
  if (t.kind === 'map') return messageIn(t.value);
  return undefined;
}

export function describeType(t: ProtoType): string {
  switch (t.kind) {
    case 'scalar':
      return t.name;
    case 'enum':
      return `enum ${t.fullName} {${t.element.constants.map((c) => c.name).join(', ')}}`;
    case 'message':
      return `message ${t.message.fullName}`;
    case 'well-known':
      return `${t.fullName} (well-known)`;
    case 'map':
      return `map<${t.key}, ${describeType(t.value)}>`;
    case 'unresolved':
      return t.name;
  }
}

/** The registry's path of a field (`/Order/3`, `/Order/payment/5` in a oneof), as its differences carry it. */
function pointerOf(m: ProtoMessage, f: ProtoField): string {
  const local = m.packageName === '' ? m.fullName : m.fullName.slice(m.packageName.length + 1);
  return `/${local.split('.').join('/')}${f.oneOf === undefined ? '' : `/${f.oneOf}`}/${f.tag}`;
}

function defaultOf(f: ProtoField, type: ProtoType | undefined): string | undefined {
  const written = f.field?.defaultValue;
  if (written === undefined) return undefined;
  const quoted =
    type?.kind === 'enum' || (type?.kind === 'scalar' && ['string', 'bytes'].includes(type.name));
  return quoted ? JSON.stringify(written) : written;
}

/**
 * The comment that documents a declaration: the `//` lines or `/* … *\/` block right above it, else a
 * `//` comment after it on its line (protoc's leading and trailing comments). Only for a declaration
 * that starts its line: in `message A { int32 a = 1; }` a comment above is the message's.
 */
export function commentOf(
  lines: readonly string[] | undefined,
  line: number,
  column: number,
): string | undefined {
  if (lines === undefined || (lines[line - 1] ?? '').slice(0, column - 1).trim() !== '') return undefined;
  const leading: string[] = [];
  let i = line - 2;
  const blockEnd = (lines[i] ?? '').trim();
  if (blockEnd.endsWith('*/')) {
    const block: string[] = [];
    while (i >= 0) {
      const l = (lines[i] ?? '').trim();
      block.unshift(l);
      if (l.startsWith('/*')) break;
      i--;
    }
    const body = block
      .join('\n')
      .replace(/^\/\*+/, '')
      .replace(/\*+\/$/, '')
      .split('\n')
      .map((l) => l.replace(/^\s*\*\s?/, '').trim())
      .filter((l) => l !== '');
    if (body.length > 0) return body.join(' ');
  }
  for (; i >= 0; i--) {
    const l = (lines[i] ?? '').trim();
    if (!l.startsWith('//')) break;
    leading.unshift(l.replace(/^\/\/+\s?/, '').trim());
  }
  if (leading.length > 0) return leading.join(' ');
  const own = lines[line - 1] ?? '';
  const trailing = /;\s*\/\/+\s?(.*)$/.exec(own);
  return trailing?.[1] === undefined || trailing[1].trim() === '' ? undefined : trailing[1].trim();
}
