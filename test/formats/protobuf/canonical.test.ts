/**
 * The registry's text forms of a schema, golden-file style: for each cases/canonical/NAME.proto, the
 * canonical string (NAME.canonical.txt) and the normalized one (NAME.normalized.txt). To accept a
 * deliberate change, regenerate with UPDATE_GOLDEN=1 and review the diff.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { javaDecimalFormat } from '../../../src/formats/protobuf/canonical.js';
import { parseProtobuf, protobufFormat, type ProtobufSchema } from '../../../src/formats/protobuf/index.js';

const DIR = fileURLToPath(new URL('./cases/canonical/', import.meta.url));
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

function parse(text: string): ProtobufSchema {
  const r = parseProtobuf(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.schema;
}

function golden(file: string, actual: string): void {
  if (UPDATE) writeFileSync(DIR + file, actual);
  assert.equal(actual, readFileSync(DIR + file, 'utf8'));
}

describe('canonical and normalized text (golden files)', () => {
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.proto'))) {
    const schema = parse(readFileSync(DIR + name, 'utf8'));
    const base = name.replace(/\.proto$/, '');
    test(`${base}: canonical`, () => golden(`${base}.canonical.txt`, protobufFormat.canonical(schema)));
    test(`${base}: normalized`, () => golden(`${base}.normalized.txt`, protobufFormat.normalized(schema)));
    test(`${base}: both forms parse back to themselves`, () => {
      const canonical = protobufFormat.canonical(schema);
      assert.equal(protobufFormat.canonical(parse(canonical)), canonical);
      const normalized = protobufFormat.normalized(schema);
      assert.equal(protobufFormat.normalized(parse(normalized)), normalized);
    });
  }
});

describe('normalization ignores what has no meaning, and only that', () => {
  const v1 = `syntax = "proto3";
package zoo;
import "google/protobuf/timestamp.proto";
import "confluent/meta.proto";
option java_package = "com.example.zoo";
option java_multiple_files = true;
message Animal {
  string name = 1;
  google.protobuf.Timestamp born = 2 [(confluent.field_meta).doc = "birth", (confluent.field_meta).tags = "PII"];
  oneof home { string cage = 3; string pond = 4; }
  reserved 9, 7;
}
enum Diet { DIET_UNSPECIFIED = 0; MEAT = 1; PLANTS = 2; }
`;
  const same: [string, string][] = [
    [
      'imports reordered',
      v1.replace(
        'import "google/protobuf/timestamp.proto";\nimport "confluent/meta.proto";',
        'import "confluent/meta.proto";\nimport "google/protobuf/timestamp.proto";',
      ),
    ],
    [
      'file options reordered',
      v1.replace(
        'option java_package = "com.example.zoo";\noption java_multiple_files = true;',
        'option java_multiple_files = true;\noption java_package = "com.example.zoo";',
      ),
    ],
    [
      'fields reordered',
      v1
        .replace('  string name = 1;\n', '')
        .replace('  reserved 9, 7;', '  reserved 9, 7;\n  string name = 1;'),
    ],
    [
      'a type written with its package',
      v1.replace('  google.protobuf.Timestamp born', '  .google.protobuf.Timestamp born'),
    ],
    [
      'a custom option written as one map',
      v1.replace(
        '[(confluent.field_meta).doc = "birth", (confluent.field_meta).tags = "PII"]',
        '[(confluent.field_meta) = { doc: "birth", tags: "PII" }]',
      ),
    ],
    [
      'oneof members reordered',
      v1.replace('string cage = 3; string pond = 4;', 'string pond = 4; string cage = 3;'),
    ],
    ['reserved numbers split', v1.replace('reserved 9, 7;', 'reserved 7;\n  reserved 9;')],
    ['enum values reordered', v1.replace('MEAT = 1; PLANTS = 2;', 'PLANTS = 2; MEAT = 1;')],
    ['comments and layout', `// zoo\n${v1.replace(/;\n/g, ';\n\n')}`],
  ];
  const normalized = protobufFormat.normalized(parse(v1));
  for (const [name, text] of same)
    test(`same version: ${name}`, () => assert.equal(protobufFormat.normalized(parse(text)), normalized));
  const different: [string, string][] = [
    ['a field renamed', v1.replace('string name = 1', 'string title = 1')],
    ['a field number changed', v1.replace('string name = 1', 'string name = 5')],
    [
      'messages reordered (message indexes change)',
      v1
        .replace('enum Diet', 'message Keeper { string name = 1; }\nenum Diet')
        .replace('message Animal', 'message Aardvark {}\nmessage Animal'),
    ],
    ['an option value changed', v1.replace('"birth"', '"hatched"')],
    ['the package', v1.replace('package zoo;', 'package zoo.v2;')],
  ];
  for (const [name, text] of different)
    test(`another version: ${name}`, () =>
      assert.notEqual(protobufFormat.normalized(parse(text)), normalized));
  test('canonical keeps the written order: fields reordered is another canonical string', () => {
    assert.notEqual(protobufFormat.canonical(parse(same[2]?.[1] ?? '')), protobufFormat.canonical(parse(v1)));
  });
});

describe('numbers in normalized options, as DecimalFormat prints them', () => {
  const cases: [string, string][] = [
    ['1.0', '1'],
    ['120.0e0', '120'],
    ['10f', '10'],
    ['1.23f', '1.23'],
    ['-2.0', '-2'],
    ['0.12345', '0.123'],
    ['0x1F', '31'],
    ['9223372036854775807', '9223372036854775807'],
    ['-inf', '-inf'],
    ['nan', 'nan'],
  ];
  for (const [raw, expected] of cases)
    test(`${raw} → ${expected}`, () => assert.equal(javaDecimalFormat(raw), expected));
});
