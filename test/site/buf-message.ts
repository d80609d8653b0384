// Reads the site's Protobuf examples with another implementation: @bufbuild/protobuf, strict proto3 JSON mapping.
import assert from 'node:assert/strict';
import { createFileRegistry, fromBinary, type DescFile, type DescMessage } from '@bufbuild/protobuf';
import { protoCamelCase } from '@bufbuild/protobuf/reflect';
import * as wkt from '@bufbuild/protobuf/wkt';
import {
  FileDescriptorProtoSchema,
  type DescriptorProto,
  type FileDescriptorProto,
} from '@bufbuild/protobuf/wkt';
import type { SchemaReference } from '../../src/formats/format.js';
import { parseProtobuf, type ProtobufSchema } from '../../src/formats/protobuf/index.js';
import { protoToDescriptor } from '../../src/formats/protobuf/proto-to-descriptor.js';

const WELL_KNOWN = new Map<string, DescFile>(
  Object.entries(wkt)
    .filter(([k]) => k.startsWith('file_google_protobuf_'))
    .map(([, f]) => [(f as DescFile).proto.name, f as DescFile]),
);

/**
 * The first message of `text` as @bufbuild/protobuf builds it: the file and its references as descriptors
 * (protoToDescriptor, checked against Confluent's clients in test/formats/protobuf/descriptor.test.ts), the
 * well-known types from @bufbuild/protobuf's own copies.
 */
export function bufMessage(text: string, references: readonly SchemaReference[]): DescMessage {
  const parse = (t: string): ProtobufSchema => {
    const r = parseProtobuf(t, { references: [...references] });
    return r.ok ? r.schema : assert.fail(JSON.stringify(r.issues));
  };
  const descriptor = (schema: ProtobufSchema, name: string): FileDescriptorProto =>
    withJsonNames(fromBinary(FileDescriptorProtoSchema, protoToDescriptor(schema, name)));
  const main = parse(text);
  const registry = createFileRegistry(descriptor(main, 'main.proto'), (name) => {
    const reference = references.find((r) => r.name === name);
    return reference === undefined ? WELL_KNOWN.get(name) : descriptor(parse(reference.text), name);
  });
  const top = main.proto.types.find((t) => t.kind === 'message')?.name ?? assert.fail('no message');
  const name = main.proto.packageName === undefined ? top : `${main.proto.packageName}.${top}`;
  return registry.getMessage(name) ?? assert.fail(`no message ${name}`);
}

/** protoc fills in every field's `json_name` (the registry's descriptors leave it empty); so does this, with @bufbuild/protobuf's rule. */
function withJsonNames(file: FileDescriptorProto): FileDescriptorProto {
  const clear = (m: DescriptorProto): void => {
    for (const f of m.field) if (f.jsonName === '') f.jsonName = protoCamelCase(f.name);
    m.nestedType.forEach(clear);
  };
  file.messageType.forEach(clear);
  return file;
}
