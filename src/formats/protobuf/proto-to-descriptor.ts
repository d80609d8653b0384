import { create, toBinary, type DescMessage, type MessageInitShape } from '@bufbuild/protobuf';
import {
  type DescriptorProto,
  DescriptorProtoSchema,
  type EnumDescriptorProto,
  EnumDescriptorProtoSchema,
  EnumOptionsSchema,
  EnumValueOptionsSchema,
  type FieldDescriptorProto,
  FieldDescriptorProto_Label,
  FieldDescriptorProto_Type,
  FieldDescriptorProtoSchema,
  FieldOptionsSchema,
  FileDescriptorProtoSchema,
  FileOptionsSchema,
  MessageOptionsSchema,
  MethodOptionsSchema,
  ServiceOptionsSchema,
} from '@bufbuild/protobuf/wkt';
import type {
  EnumElement,
  FieldElement,
  GroupElement,
  MessageElement,
  OptionElement,
  ProtoFile,
  SourcePos,
} from './model.js';
import { mapTypes, SCALAR_TYPES } from './model.js';
import type { ProtobufSchema } from './parse.js';
import { resolveName } from './types.js';

/**
 * A parsed schema as the `google.protobuf.FileDescriptorProto` the registry answers
 * `format=serialized` with (what Confluent's clients build their message types from). Type names are
 * written fully qualified (`.acme.Order.Line`), as protoc writes them, so any client resolves them
 * without the scoping rules; `map<K, V>` becomes its `KEntry` message; proto3 `optional` gets its
 * synthetic oneof; a group is a GROUP field with its message. Standard options are kept; custom
 * (parenthesized) options cannot be written without their own descriptors and are left out.
 */
export function protoToDescriptor(schema: ProtobufSchema, fileName = 'default'): Uint8Array {
  return toBinary(FileDescriptorProtoSchema, new DescriptorWriter(schema).file(fileName));
}

const SCALAR_TYPE: Record<string, FieldDescriptorProto_Type> = {
  double: FieldDescriptorProto_Type.DOUBLE,
  float: FieldDescriptorProto_Type.FLOAT,
  int32: FieldDescriptorProto_Type.INT32,
  int64: FieldDescriptorProto_Type.INT64,
  uint32: FieldDescriptorProto_Type.UINT32,
  uint64: FieldDescriptorProto_Type.UINT64,
  sint32: FieldDescriptorProto_Type.SINT32,
  sint64: FieldDescriptorProto_Type.SINT64,
  fixed32: FieldDescriptorProto_Type.FIXED32,
  fixed64: FieldDescriptorProto_Type.FIXED64,
  sfixed32: FieldDescriptorProto_Type.SFIXED32,
  sfixed64: FieldDescriptorProto_Type.SFIXED64,
  bool: FieldDescriptorProto_Type.BOOL,
  string: FieldDescriptorProto_Type.STRING,
  bytes: FieldDescriptorProto_Type.BYTES,
};

const LABEL: Record<string, FieldDescriptorProto_Label> = {
  optional: FieldDescriptorProto_Label.OPTIONAL,
  required: FieldDescriptorProto_Label.REQUIRED,
  repeated: FieldDescriptorProto_Label.REPEATED,
};

/** The standard (not parenthesized) options with a single value, set on an options message. */
function optionsOf<Desc extends DescMessage>(
  schema: Desc,
  options: readonly OptionElement[],
): MessageInitShape<Desc> | undefined {
  const init: Record<string, unknown> = {};
  for (const o of options) {
    if (o.parenthesized || !('value' in o.value) || typeof o.value.value !== 'string') continue;
    const field = schema.fields.find((f) => f.name === o.name);
    if (field === undefined) continue;
    const text = o.value.value;
    let value: unknown;
    if (field.fieldKind === 'enum' || (field.fieldKind === 'list' && field.listKind === 'enum'))
      value = field.enum?.values.find((v) => v.name === text)?.number;
    else if (o.kind === 'BOOLEAN') value = text === 'true';
    else if (o.kind === 'NUMBER') value = Number(text);
    else value = text;
    if (value === undefined) continue;
    if (field.fieldKind === 'list')
      init[field.localName] = [...((init[field.localName] as unknown[]) ?? []), value];
    else init[field.localName] = value;
  }
  return Object.keys(init).length === 0 ? undefined : (init as MessageInitShape<Desc>);
}

function ranges(
  values: ReadonlyArray<number | { start: number; end: number } | string>,
  endExclusive: boolean,
) {
  const extra = endExclusive ? 1 : 0;
  return values
    .filter((v) => typeof v !== 'string')
    .map((v) =>
      typeof v === 'number' ? { start: v, end: v + extra } : { start: v.start, end: v.end + extra },
    );
}

/** `order_lines` → `OrderLinesEntry`, protoc's name for a map field's entry message. */
function entryName(field: string): string {
  return `${field
    .split('_')
    .map((p) => (p === '' ? '' : p[0]!.toUpperCase() + p.slice(1)))
    .join('')}Entry`;
}

class DescriptorWriter {
  constructor(private readonly schema: ProtobufSchema) {}

  file(name: string) {
    const f: ProtoFile = this.schema.proto;
    const deps = [...f.imports, ...f.publicImports, ...f.weakImports];
    return create(FileDescriptorProtoSchema, {
      name,
      ...(f.packageName === undefined ? {} : { package: f.packageName }),
      dependency: deps,
      publicDependency: f.publicImports.map((i) => deps.indexOf(i)),
      weakDependency: f.weakImports.map((i) => deps.indexOf(i)),
      messageType: f.types.filter((t) => t.kind === 'message').map((m) => this.message(m, [])),
      enumType: f.types.filter((t) => t.kind === 'enum').map((e) => this.enum(e)),
      service: f.services.map((s) => ({
        name: s.name,
        method: s.rpcs.map((r) => ({
          name: r.name,
          inputType: this.typeName(r.requestType, []),
          outputType: this.typeName(r.responseType, []),
          ...(r.requestStreaming ? { clientStreaming: true } : {}),
          ...(r.responseStreaming ? { serverStreaming: true } : {}),
          options: optionsOf(MethodOptionsSchema, r.options),
        })),
        options: optionsOf(ServiceOptionsSchema, s.options),
      })),
      extension: f.extendDeclarations.flatMap((e) =>
        e.fields.map((x) => this.field(x, [], { extendee: this.typeName(e.name, []) })),
      ),
      options: optionsOf(FileOptionsSchema, f.options),
      ...(f.syntax === undefined ? {} : { syntax: f.syntax }),
    });
  }

  private message(m: MessageElement, outer: string[]): DescriptorProto {
    const scope = [...outer, m.name];
    const nested: DescriptorProto[] = [];
    // `synthetic`: a proto3 `optional` field, which gets a oneof of its own.
    const fields: Array<{ at: SourcePos; synthetic: boolean; field: FieldDescriptorProto }> = [];
    const proto3 = this.schema.proto.syntax === 'proto3';
    const plain = (x: FieldElement): FieldDescriptorProto => {
      const map = mapTypes(x.type);
      if (map === undefined) return this.field(x, scope, {});
      const entry = entryName(x.name);
      nested.push(this.mapEntry(entry, map, scope));
      return this.field({ ...x, type: `.${this.fullName([...scope, entry])}`, label: 'repeated' }, scope, {});
    };
    const group = (g: GroupElement, oneofIndex?: number): FieldDescriptorProto => {
      nested.push(
        create(DescriptorProtoSchema, {
          name: g.name,
          field: g.fields.map((x) => this.field(x, [...scope, g.name], {})),
        }),
      );
      return create(FieldDescriptorProtoSchema, {
        name: g.name.toLowerCase(),
        number: g.tag,
        label: LABEL[g.label ?? 'optional'],
        type: FieldDescriptorProto_Type.GROUP,
        typeName: `.${this.fullName([...scope, g.name])}`,
        ...(oneofIndex === undefined ? {} : { oneofIndex }),
      });
    };
    for (const x of m.fields)
      fields.push({ at: x.pos, synthetic: proto3 && x.label === 'optional', field: plain(x) });
    for (const g of m.groups) fields.push({ at: g.pos, synthetic: false, field: group(g) });
    m.oneOfs.forEach((o, i) => {
      for (const x of o.fields)
        fields.push({ at: x.pos, synthetic: false, field: this.field(x, scope, { oneofIndex: i }) });
      for (const g of o.groups) fields.push({ at: g.pos, synthetic: false, field: group(g, i) });
    });
    const oneofDecl = m.oneOfs.map((o) => ({ name: o.name }));
    fields.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
    // proto3 `optional` is a oneof of its own, declared after the real ones (protoc's order).
    for (const { synthetic, field } of fields) {
      if (!synthetic) continue;
      field.proto3Optional = true;
      field.oneofIndex = oneofDecl.length;
      oneofDecl.push({ name: `_${field.name}` });
    }
    return create(DescriptorProtoSchema, {
      name: m.name,
      field: fields.map((f) => f.field),
      // Declared messages first, then the ones made here for map entries and groups, as the registry
      // builds its descriptor: the message indexes count declared messages only, and clients that
      // resolve indexes in this descriptor (Python's, Go's) must find the same message there.
      nestedType: [
        ...m.nestedTypes.filter((t) => t.kind === 'message').map((t) => this.message(t, scope)),
        ...nested,
      ],
      enumType: m.nestedTypes.filter((t) => t.kind === 'enum').map((e) => this.enum(e)),
      extensionRange: m.extensions.flatMap((e) => ranges(e.values, true)),
      extension: m.extendDeclarations.flatMap((e) =>
        e.fields.map((x) => this.field(x, scope, { extendee: this.typeName(e.name, scope) })),
      ),
      options: optionsOf(MessageOptionsSchema, m.options),
      oneofDecl,
      reservedRange: m.reserveds.flatMap((r) => ranges(r.values, true)),
      reservedName: m.reserveds.flatMap((r) => r.values.filter((v) => typeof v === 'string')),
    });
  }

  private mapEntry(name: string, [key, value]: [string, string], scope: string[]): DescriptorProto {
    const at = { line: 0, column: 0 };
    const kv = (n: string, tag: number, type: string): FieldDescriptorProto =>
      this.field({ name: n, tag, type, label: 'optional', options: [], pos: at, typePos: at }, scope, {});
    return create(DescriptorProtoSchema, {
      name,
      field: [kv('key', 1, key), kv('value', 2, value)].map((f) => ({ ...f, jsonName: f.name })),
      options: { mapEntry: true },
    });
  }

  private field(
    x: FieldElement,
    scope: string[],
    extra: { oneofIndex?: number; extendee?: string },
  ): FieldDescriptorProto {
    const scalar = SCALAR_TYPES.has(x.type) ? SCALAR_TYPE[x.type] : undefined;
    const typeName = scalar === undefined ? this.typeName(x.type, scope) : undefined;
    const kind = typeName === undefined ? undefined : this.schema.index.type(typeName.slice(1))?.type.kind;
    return create(FieldDescriptorProtoSchema, {
      name: x.name,
      number: x.tag,
      label: LABEL[x.label ?? 'optional'],
      type: scalar ?? (kind === 'enum' ? FieldDescriptorProto_Type.ENUM : FieldDescriptorProto_Type.MESSAGE),
      ...(typeName === undefined ? {} : { typeName }),
      ...(x.defaultValue === undefined ? {} : { defaultValue: x.defaultValue }),
      ...(x.jsonName === undefined ? {} : { jsonName: x.jsonName }),
      ...extra,
      options: optionsOf(FieldOptionsSchema, x.options),
    });
  }

  private enum(e: EnumElement): EnumDescriptorProto {
    return create(EnumDescriptorProtoSchema, {
      name: e.name,
      value: e.constants.map((c) => ({
        name: c.name,
        number: c.tag,
        options: optionsOf(EnumValueOptionsSchema, c.options),
      })),
      options: optionsOf(EnumOptionsSchema, e.options),
      reservedRange: e.reserveds.flatMap((r) => ranges(r.values, false)),
      reservedName: e.reserveds.flatMap((r) => r.values.filter((v) => typeof v === 'string')),
    });
  }

  /** A type as written → `.full.Name`; as written when it does not resolve (a lenient schema). */
  private typeName(written: string, scope: string[]): string {
    const found = resolveName(
      (n) => this.schema.index.type(n),
      this.schema.index.packageName,
      scope,
      written,
    );
    return found === undefined ? written : `.${found}`;
  }

  private fullName(path: string[]): string {
    const pkg = this.schema.index.packageName;
    return pkg === '' ? path.join('.') : `${pkg}.${path.join('.')}`;
  }
}
