import { fromBinary, isFieldSet, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import {
  type DescriptorProto,
  type EnumDescriptorProto,
  EnumOptionsSchema,
  EnumValueOptionsSchema,
  type FieldDescriptorProto,
  FieldDescriptorProto_Label,
  FieldDescriptorProto_Type,
  FieldDescriptorProtoSchema,
  FieldOptions_CType,
  FieldOptions_JSType,
  FieldOptionsSchema,
  type FileDescriptorProto,
  FileDescriptorProtoSchema,
  FileOptions_OptimizeMode,
  FileOptionsSchema,
  MessageOptionsSchema,
  MethodOptions_IdempotencyLevel,
  MethodOptionsSchema,
  type ServiceDescriptorProto,
  ServiceOptionsSchema,
} from '@bufbuild/protobuf/wkt';
import { canonicalProto } from './canonical.js';
import { metaOption } from './descriptor-meta.js';
import type {
  EnumElement,
  ExtendElement,
  FieldElement,
  Label,
  MessageElement,
  OneOfElement,
  OptionElement,
  ProtoFile,
  ServiceElement,
  SourcePos,
} from './model.js';

/**
 * A `google.protobuf.FileDescriptorProto` (what Confluent's clients register, base64-encoded) as the
 * file model the registry makes of it (its ProtobufSchema `toProtoFile(FileDescriptorProto)`): type
 * names stay fully qualified as the descriptor has them, map entries stay nested messages with
 * `map_entry = true`, `json_name` is kept when set, groups and unknown custom options are dropped.
 */

const POS: SourcePos = { line: 1, column: 1 };

/** The bytes as a file model; throws when they are not a FileDescriptorProto. */
export function descriptorToProtoFile(bytes: Uint8Array): ProtoFile {
  return fileOf(fromBinary(FileDescriptorProtoSchema, bytes));
}

/**
 * The `.proto` text the registry stores for a base64 FileDescriptorProto, or undefined when the text
 * is not one (the registry tries the text as `.proto` source first, then as a descriptor).
 */
export function descriptorText(bytes: Uint8Array): string | undefined {
  try {
    return canonicalProto(descriptorToProtoFile(bytes));
  } catch {
    return undefined;
  }
}

function fileOf(file: FileDescriptorProto): ProtoFile {
  const publicDeps = new Set(file.publicDependency);
  const weakDeps = new Set(file.weakDependency);
  const proto: ProtoFile = {
    imports: file.dependency.filter((_, i) => !publicDeps.has(i) && !weakDeps.has(i)),
    publicImports: file.dependency.filter((_, i) => publicDeps.has(i)),
    weakImports: file.dependency.filter((_, i) => !publicDeps.has(i) && weakDeps.has(i)),
    importPositions: new Map(file.dependency.map((d) => [d, POS])),
    options: fileOptions(file),
    types: [...file.messageType.map((m) => messageOf(file, m)), ...file.enumType.map((e) => enumOf(e))],
    extendDeclarations: extendsOf(file, file.extension),
    services: file.service.map(serviceOf),
  };
  if (file.syntax === 'proto2' || file.syntax === 'proto3') proto.syntax = file.syntax;
  if (file.package !== '') {
    proto.packageName = file.package;
    proto.packagePos = POS;
  }
  return proto;
}

type Primitive = 'STRING' | 'BOOLEAN' | 'NUMBER' | 'ENUM';

function option(name: string, kind: Primitive, value: string): OptionElement {
  return { name, parenthesized: false, kind, value: { kind, value }, pos: POS };
}

/** The named options of `message` that are set, in the order given, each as the registry writes it. */
function setOptions<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc> | undefined,
  wanted: Array<[string, Primitive, Record<number, string>?]>,
): OptionElement[] {
  if (message === undefined) return [];
  const out: OptionElement[] = [];
  for (const [name, kind, names] of wanted) {
    const field = schema.fields.find((f) => f.name === name);
    if (field === undefined || !isFieldSet(message, field)) continue;
    const values = (message as Record<string, unknown>)[field.localName];
    for (const v of Array.isArray(values) ? values : [values]) {
      const text = names !== undefined ? (names[v as number] ?? String(v)) : String(v);
      out.push(option(name, kind, text));
    }
  }
  return out;
}

function fileOptions(file: FileDescriptorProto): OptionElement[] {
  const standard = setOptions(FileOptionsSchema, file.options, [
    ['java_package', 'STRING'],
    ['java_outer_classname', 'STRING'],
    ['java_multiple_files', 'BOOLEAN'],
    ['java_generate_equals_and_hash', 'BOOLEAN'],
    ['java_string_check_utf8', 'BOOLEAN'],
    ['optimize_for', 'ENUM', FileOptions_OptimizeMode],
    ['go_package', 'STRING'],
    ['cc_generic_services', 'BOOLEAN'],
    ['java_generic_services', 'BOOLEAN'],
    ['py_generic_services', 'BOOLEAN'],
    ['deprecated', 'BOOLEAN'],
    ['cc_enable_arenas', 'BOOLEAN'],
    ['objc_class_prefix', 'STRING'],
    ['csharp_namespace', 'STRING'],
    ['swift_prefix', 'STRING'],
    ['php_class_prefix', 'STRING'],
    ['php_namespace', 'STRING'],
    ['php_metadata_namespace', 'STRING'],
    ['ruby_package', 'STRING'],
  ]);
  return withMeta(standard, file.options, 'file_meta');
}

/** Confluent's meta option, which the registry writes after the standard ones. */
function withMeta(
  standard: OptionElement[],
  options: Parameters<typeof metaOption>[0],
  name: string,
): OptionElement[] {
  const meta = metaOption(options, `confluent.${name}`, POS);
  return meta === undefined ? standard : [...standard, meta];
}

function messageOf(file: FileDescriptorProto, d: DescriptorProto): MessageElement {
  const oneOfs: OneOfElement[] = d.oneofDecl.map((o) => ({
    name: o.name,
    fields: [],
    groups: [],
    options: [],
    pos: POS,
  }));
  const fields: FieldElement[] = [];
  for (const fd of d.field) {
    const oneOf = isFieldSet(fd, FieldDescriptorProtoSchema.field.oneofIndex) && !fd.proto3Optional;
    if (oneOf) oneOfs[fd.oneofIndex]?.fields.push(fieldOf(file, fd, true));
    else fields.push(fieldOf(file, fd, false));
  }
  return {
    kind: 'message',
    name: d.name,
    fields,
    oneOfs: oneOfs.filter((o) => o.fields.length > 0),
    groups: [],
    nestedTypes: [...d.nestedType.map((m) => messageOf(file, m)), ...d.enumType.map(enumOf)],
    options: withMeta(
      setOptions(MessageOptionsSchema, d.options, [
        ['no_standard_descriptor_accessor', 'BOOLEAN'],
        ['deprecated', 'BOOLEAN'],
        ['map_entry', 'BOOLEAN'],
      ]),
      d.options,
      'message_meta',
    ),
    // Descriptor message ranges end exclusive; a range of one number is written as the number.
    reserveds: [
      ...d.reservedRange.map((r) => ({ values: [range(r.start, r.end - 1)], pos: POS })),
      ...d.reservedName.map((n) => ({ values: [n], pos: POS })),
    ],
    extensions: d.extensionRange.map((r) => ({ values: [range(r.start, r.end - 1)], options: [], pos: POS })),
    extendDeclarations: extendsOf(file, d.extension),
    pos: POS,
  };
}

function range(start: number, end: number): number | { start: number; end: number } {
  return start === end ? start : { start, end };
}

function enumOf(e: EnumDescriptorProto): EnumElement {
  return {
    kind: 'enum',
    name: e.name,
    constants: e.value.map((v) => ({
      name: v.name,
      tag: v.number,
      options: withMeta(
        setOptions(EnumValueOptionsSchema, v.options, [
          ['deprecated', 'BOOLEAN'],
          ['debug_redact', 'BOOLEAN'],
        ]),
        v.options,
        'enum_value_meta',
      ),
      pos: POS,
    })),
    options: withMeta(
      setOptions(EnumOptionsSchema, e.options, [
        ['allow_alias', 'BOOLEAN'],
        ['deprecated', 'BOOLEAN'],
      ]),
      e.options,
      'enum_meta',
    ),
    // Enum ranges end inclusive.
    reserveds: [
      ...e.reservedRange.map((r) => ({ values: [range(r.start, r.end)], pos: POS })),
      ...e.reservedName.map((n) => ({ values: [n], pos: POS })),
    ],
    pos: POS,
  };
}

function fieldOf(file: FileDescriptorProto, fd: FieldDescriptorProto, inOneOf: boolean): FieldElement {
  const field: FieldElement = {
    name: fd.name,
    tag: fd.number,
    type: fd.typeName !== '' ? fd.typeName : scalarName(fd.type),
    options: withMeta(
      setOptions(FieldOptionsSchema, fd.options, [
        ['ctype', 'ENUM', FieldOptions_CType],
        ['packed', 'BOOLEAN'],
        ['jstype', 'ENUM', FieldOptions_JSType],
        ['deprecated', 'BOOLEAN'],
        ['debug_redact', 'BOOLEAN'],
      ]),
      fd.options,
      'field_meta',
    ),
    pos: POS,
    typePos: POS,
  };
  const label = inOneOf ? undefined : labelOf(file, fd);
  if (label !== undefined) field.label = label;
  if (isFieldSet(fd, FieldDescriptorProtoSchema.field.jsonName)) field.jsonName = fd.jsonName;
  if (file.syntax !== 'proto3' && isFieldSet(fd, FieldDescriptorProtoSchema.field.defaultValue))
    field.defaultValue = fd.defaultValue;
  return field;
}

function labelOf(file: FileDescriptorProto, fd: FieldDescriptorProto): Label | undefined {
  if (fd.proto3Optional) return 'optional';
  const proto3 = file.syntax === 'proto3';
  switch (fd.label) {
    case FieldDescriptorProto_Label.REPEATED:
      return 'repeated';
    case FieldDescriptorProto_Label.REQUIRED:
      return proto3 ? undefined : 'required';
    default:
      return proto3 ? undefined : 'optional';
  }
}

/** `TYPE_INT64` → `int64`. */
function scalarName(type: FieldDescriptorProto_Type): string {
  const name = FieldDescriptorProto_Type[type];
  if (name === undefined) throw new Error(`unknown field type ${type}`);
  return name.toLowerCase();
}

/** Extension fields grouped by their (fully qualified) extendee, in first-seen order. */
function extendsOf(file: FileDescriptorProto, fields: FieldDescriptorProto[]): ExtendElement[] {
  const byExtendee = new Map<string, ExtendElement>();
  for (const fd of fields) {
    let e = byExtendee.get(fd.extendee);
    if (e === undefined) byExtendee.set(fd.extendee, (e = { name: fd.extendee, fields: [], pos: POS }));
    e.fields.push(fieldOf(file, fd, false));
  }
  return [...byExtendee.values()];
}

function serviceOf(s: ServiceDescriptorProto): ServiceElement {
  return {
    name: s.name,
    rpcs: s.method.map((m) => ({
      name: m.name,
      requestType: m.inputType,
      responseType: m.outputType,
      requestStreaming: m.clientStreaming,
      responseStreaming: m.serverStreaming,
      options: setOptions(MethodOptionsSchema, m.options, [
        ['deprecated', 'BOOLEAN'],
        ['idempotency_level', 'ENUM', MethodOptions_IdempotencyLevel],
      ]),
      pos: POS,
    })),
    options: setOptions(ServiceOptionsSchema, s.options, [['deprecated', 'BOOLEAN']]),
    pos: POS,
  };
}
