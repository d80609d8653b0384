import { parseProtobuf, type ProtobufSchema } from '../formats/protobuf/index.js';
import {
  emptyMessage,
  mapTypes,
  SCALAR_TYPES,
  type EnumElement,
  type FieldElement,
  type GroupElement,
  type MessageElement,
} from '../formats/protobuf/model.js';
import { resolveName } from '../formats/protobuf/types.js';
import type { SchemaReference } from '../formats/format.js';

/** A message as the site walks it: its full name, the file it is written in, and its package. */
export interface ProtoMessage {
  fullName: string;
  packageName: string;
  /** '' for the schema itself, else the reference (or known file) it comes from. */
  source: string;
  element: MessageElement;
}

/** What a field's type is, resolved from where it is written. */
export type ProtoType =
  | { kind: 'scalar'; name: string }
  | { kind: 'enum'; fullName: string; element: EnumElement }
  | { kind: 'message'; message: ProtoMessage }
  /** A well-known type with its own JSON form (`google.protobuf.Timestamp` is an RFC 3339 string). */
  | { kind: 'well-known'; fullName: string }
  | { kind: 'map'; key: string; value: ProtoType }
  | { kind: 'unresolved'; name: string };

/** The well-known types the proto3 JSON mapping writes in a form of their own, not as objects of fields. */
export const WELL_KNOWN_JSON: ReadonlySet<string> = new Set(
  [
    'Any',
    'Timestamp',
    'Duration',
    'FieldMask',
    'Struct',
    'Value',
    'ListValue',
    'NullValue',
    'Empty',
    'DoubleValue',
    'FloatValue',
    'Int64Value',
    'UInt64Value',
    'Int32Value',
    'UInt32Value',
    'BoolValue',
    'StringValue',
    'BytesValue',
  ].map((n) => `google.protobuf.${n}`),
);

/** A field of a message in declaration order: plain fields, oneof members (with their oneof) and proto2 groups. */
export interface ProtoField {
  name: string;
  tag: number;
  label: string;
  oneOf: string | undefined;
  /** The field as written (undefined for a group, whose type is the group's own fields). */
  field: FieldElement | undefined;
  group: GroupElement | undefined;
  line: number;
  column: number;
}

/** The schema parsed (leniently, as a stored version is read) with its references, or undefined. */
export function parseProto(text: string, references: readonly SchemaReference[]): ProtobufSchema | undefined {
  const r = parseProtobuf(text, { lenient: true, references: [...references] });
  return r.ok ? r.schema : undefined;
}

/** The schema's first message: the one the registry's serializers use unless told another index. */
export function firstMessage(schema: ProtobufSchema): ProtoMessage | undefined {
  const element = schema.proto.types.find((t): t is MessageElement => t.kind === 'message');
  if (element === undefined) return undefined;
  const pkg = schema.proto.packageName ?? '';
  return {
    fullName: pkg === '' ? element.name : `${pkg}.${element.name}`,
    packageName: pkg,
    source: '',
    element,
  };
}

export function fieldsOf(m: MessageElement, syntax: 'proto2' | 'proto3'): ProtoField[] {
  const implicit = syntax === 'proto3' ? 'singular' : 'optional';
  const all: ProtoField[] = [
    ...m.fields.map((f) => plain(f, f.label ?? (mapTypes(f.type) === undefined ? implicit : 'map'))),
    ...m.oneOfs.flatMap((o) => o.fields.map((f) => ({ ...plain(f, `oneof ${o.name}`), oneOf: o.name }))),
    ...m.groups.map((g) => ({
      name: g.name.toLowerCase(),
      tag: g.tag,
      label: g.label ?? implicit,
      oneOf: undefined,
      field: undefined,
      group: g,
      line: g.pos.line,
      column: g.pos.column,
    })),
  ];
  return all.sort((a, b) => a.line - b.line || a.tag - b.tag);
}

function plain(f: FieldElement, label: string): ProtoField {
  return {
    name: f.name,
    tag: f.tag,
    label,
    oneOf: undefined,
    field: f,
    group: undefined,
    line: f.pos.line,
    column: f.pos.column,
  };
}

/** Resolves a type name written inside `within` the way protoc does (innermost scope first). */
export function resolveType(schema: ProtobufSchema, within: ProtoMessage, written: string): ProtoType {
  if (SCALAR_TYPES.has(written)) return { kind: 'scalar', name: written };
  const map = mapTypes(written);
  if (map !== undefined) return { kind: 'map', key: map[0], value: resolveType(schema, within, map[1]) };
  const local =
    within.packageName === '' ? within.fullName : within.fullName.slice(within.packageName.length + 1);
  const full = resolveName((n) => schema.index.type(n), within.packageName, local.split('.'), written);
  const info = full === undefined ? undefined : schema.index.type(full);
  if (full === undefined || info === undefined) return { kind: 'unresolved', name: written };
  if (WELL_KNOWN_JSON.has(full)) return { kind: 'well-known', fullName: full };
  if (info.type.kind === 'enum') return { kind: 'enum', fullName: full, element: info.type };
  return {
    kind: 'message',
    message: { fullName: full, packageName: info.packageName, source: info.source, element: info.type },
  };
}

/** A group's fields as a message of their own, nested in the message that declares the group. */
export function groupMessage(parent: ProtoMessage, g: GroupElement): ProtoMessage {
  return {
    fullName: `${parent.fullName}.${g.name}`,
    packageName: parent.packageName,
    source: parent.source,
    element: { ...emptyMessage(g.name, g.pos), fields: g.fields },
  };
}

/** The syntax of the file a message comes from (a file without `syntax` is proto2). */
export function syntaxOf(schema: ProtobufSchema, m: ProtoMessage): 'proto2' | 'proto3' {
  const file = m.source === '' ? schema.proto : schema.files.dependencies.get(m.source);
  if (file !== undefined) return file.syntax ?? 'proto2';
  return 'proto3';
}
