import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintFindings } from '../../src/lint/findings.js';
import { parseConfig } from '../../src/repo/config.js';
import { loadSchema } from '../../src/repo/schema-file.js';

/** A case in the typescript-eslint style: a schema text, and the findings expected as `RULE line:col`. */
interface Case {
  name: string;
  file?: string;
  subject?: string;
  config?: string;
  code: string;
  errors: string[];
}

async function lint(c: Case): Promise<string[]> {
  const file = c.file ?? 'schemas/orders/value.avsc';
  const loaded = await loadSchema(file, Buffer.from(c.code), {});
  assert.ok(loaded.ok, `${c.name}: the case's schema must load`);
  const config = parseConfig(c.config ?? '');
  return lintFindings(file, c.subject ?? 'orders-value', loaded, config, {
    inCheck: false,
    strict: false,
  }).map((f) => `${f.rule} ${f.line}:${f.column}`);
}

// Every field documented, so that only the rule under test speaks.
const valid: Case[] = [
  {
    name: 'a documented PascalCase record with camelCase fields under a topic subject',
    code: `{"type": "record", "name": "OrderPlaced", "namespace": "com.acme.orders", "doc": "An order.",
 "fields": [{"name": "orderId", "type": "string", "doc": "Id."},
  {"name": "status", "doc": "S.", "type": {"type": "enum", "name": "Status", "doc": "S.", "symbols": ["NEW", "UNKNOWN"], "default": "UNKNOWN"}}]}`,
    errors: [],
  },
  {
    name: 'snake_case fields when configured',
    config: 'lint:\n  fieldCase: snake_case\n',
    code: `{"type": "record", "name": "A", "doc": "A.", "fields": [{"name": "order_id", "type": "string", "doc": "Id."}]}`,
    errors: [],
  },
  {
    name: 'record subject strategy: the subject is the full name',
    subject: 'com.acme.Order',
    config: 'lint:\n  subjectStrategy: record\n',
    code: `{"type": "record", "name": "Order", "namespace": "com.acme", "doc": "O.", "fields": []}`,
    errors: [],
  },
  {
    name: 'topic-record subject strategy',
    subject: 'orders-com.acme.Order',
    config: 'lint:\n  subjectStrategy: topic-record\n',
    code: `{"type": "record", "name": "com.acme.Order", "doc": "O.", "fields": []}`,
    errors: [],
  },
  {
    name: 'an inline ignore on the record covers its fields',
    code: `{"type": "record", "name": "A", "doc": "A.", "schemagate:ignore": ["FIELD_NAME_CASE"],
 "fields": [{"name": "Order_ID", "type": "string", "doc": "Id."}]}`,
    errors: [],
  },
  {
    name: 'a rule turned off',
    config: 'lint:\n  rules:\n    DOC_MISSING: "off"\n',
    code: `{"type": "record", "name": "A", "fields": [{"name": "a", "type": "string"}]}`,
    errors: [],
  },
  {
    name: 'JSON Schema: described camelCase properties',
    file: 'schemas/orders/value.json',
    code: `{"$schema": "http://json-schema.org/draft-07/schema#", "description": "O.", "type": "object",
 "properties": {"orderId": {"type": "string", "description": "Id."}}}`,
    errors: [],
  },
  {
    name: 'Protobuf: a comment ignores the subject rule',
    file: 'schemas/orders.proto',
    subject: 'orders',
    code: `syntax = "proto3";\n// schemagate:ignore SUBJECT_NAME\nmessage Order { string id = 1; }\n`,
    errors: [],
  },
  {
    name: 'Protobuf: Protobuf-style names in a package',
    file: 'schemas/orders/value.proto',
    code: `syntax = "proto3";\npackage acme.orders;\nmessage OrderPlaced { string order_id = 1; Status status = 2; }\nenum Status { NEW = 0; }\n`,
    errors: [],
  },
];

const invalid: Case[] = [
  {
    name: 'subject outside the topic strategy',
    subject: 'orders',
    code: `{"type": "record", "name": "A", "doc": "A.", "fields": []}`,
    errors: ['SUBJECT_NAME 1:1'],
  },
  {
    name: 'record subject strategy with another name',
    subject: 'orders-value',
    config: 'lint:\n  subjectStrategy: record\n',
    code: `{"type": "record", "name": "Order", "namespace": "com.acme", "doc": "O.", "fields": []}`,
    errors: ['SUBJECT_NAME 1:1'],
  },
  {
    name: 'record, nested enum and fixed names not PascalCase',
    code: `{"type": "record", "name": "order_placed", "doc": "O.",
 "fields": [{"name": "s", "doc": "S.", "type": {"type": "enum", "name": "status", "doc": "S.", "symbols": ["A"], "default": "A"}},
  {"name": "h", "doc": "H.", "type": {"type": "fixed", "name": "md5Hash", "size": 16, "doc": "H."}}]}`,
    errors: ['TYPE_NAME_CASE 1:28', 'TYPE_NAME_CASE 2:73', 'TYPE_NAME_CASE 3:64'],
  },
  {
    name: 'namespace against the default and a configured pattern',
    code: `{"type": "record", "name": "A", "namespace": "Com.Acme", "doc": "A.",
 "fields": [{"name": "b", "doc": "B.", "type": {"type": "record", "name": "x.y.B", "doc": "B.", "fields": []}}]}`,
    errors: ['NAMESPACE_PATTERN 1:46'],
  },
  {
    name: 'a configured namespace pattern, also through a dotted name',
    config: "lint:\n  namespace: '^com\\.acme\\.'\n",
    code: `{"type": "record", "name": "A", "namespace": "com.acme.orders", "doc": "A.",
 "fields": [{"name": "b", "doc": "B.", "type": {"type": "record", "name": "org.other.B", "doc": "B.", "fields": []}}]}`,
    errors: ['NAMESPACE_PATTERN 2:75'],
  },
  {
    name: 'field names in another case, and two that differ only by case',
    code: `{"type": "record", "name": "A", "doc": "A.", "fields": [
  {"name": "order_id", "type": "string", "doc": "Id."},
  {"name": "total", "type": "int", "doc": "T."},
  {"name": "Total", "type": "int", "doc": "T."}]}`,
    errors: ['FIELD_NAME_CASE 2:12', 'FIELD_NAME_CASE 4:12', 'FIELD_NAME_CASE_CLASH 4:12'],
  },
  {
    name: 'missing docs on the record and a field (the requireDoc rule)',
    code: `{"type": "record", "name": "A",
 "fields": [{"name": "a", "type": "string", "doc": "A."},
  {"name": "b", "type": "string"}]}`,
    errors: ['DOC_MISSING 1:1', 'DOC_MISSING 3:3'],
  },
  {
    name: 'an enum without a default symbol',
    code: `{"type": "record", "name": "A", "doc": "A.",
 "fields": [{"name": "s", "doc": "S.", "type": {"type": "enum", "name": "S", "doc": "S.", "symbols": ["X"]}}]}`,
    errors: ['ENUM_DEFAULT_MISSING 2:48'],
  },
  {
    name: 'an ignore names one rule only',
    code: `{"type": "record", "name": "A", "doc": "A.", "fields": [
  {"name": "Bad_Name", "type": "string", "schemagate:ignore": ["DOC_MISSING"]}]}`,
    errors: ['FIELD_NAME_CASE 2:12'],
  },
  {
    name: 'a severity of error from the configuration',
    config: 'lint:\n  rules:\n    FIELD_NAME_CASE: error\n',
    code: `{"type": "record", "name": "A", "doc": "A.", "fields": [{"name": "B", "type": "string", "doc": "B."}]}`,
    errors: ['FIELD_NAME_CASE 1:66'],
  },
  {
    name: 'JSON Schema: property case, clash and description',
    file: 'schemas/orders/value.json',
    code: `{"$schema": "http://json-schema.org/draft-07/schema#", "description": "O.", "type": "object",
 "properties": {
  "order_id": {"type": "string", "description": "Id."},
  "orderId": {"type": "string", "description": "Id."},
  "orderid": {"type": "string"}}}`,
    errors: ['FIELD_NAME_CASE 3:15', 'FIELD_NAME_CASE_CLASH 5:14', 'DOC_MISSING 5:14'],
  },
  {
    name: 'Protobuf: message, enum and field names, a case clash, and the package',
    file: 'schemas/orders/value.proto',
    code: `syntax = "proto3";
package Acme.Orders;
message order_placed {
  string order_ID = 1;
  string order_id = 2;
  oneof payer { string PayerName = 3; }
  enum status { NEW = 0; }
  message Line { string sku = 1; }
}
`,
    errors: [
      'NAMESPACE_PATTERN 2:1',
      'TYPE_NAME_CASE 3:1',
      'FIELD_NAME_CASE 4:3',
      'FIELD_NAME_CASE_CLASH 5:3',
      'FIELD_NAME_CASE 6:17',
      'TYPE_NAME_CASE 7:3',
    ],
  },
  {
    name: 'Protobuf: the subject rule without an ignore',
    file: 'schemas/orders.proto',
    subject: 'orders',
    code: `syntax = "proto3";\nmessage Order { string id = 1; }\n`,
    errors: ['SUBJECT_NAME 1:1'],
  },
];

for (const c of valid)
  test(`lint valid: ${c.name}`, async () => {
    assert.deepEqual(await lint(c), []);
  });

for (const c of invalid)
  test(`lint invalid: ${c.name}`, async () => {
    const sorted = (xs: string[]): string[] => [...xs].sort();
    assert.deepEqual(sorted(await lint(c)), sorted(c.errors));
  });

test('lint severities: configured error, --strict turns warnings into errors, off drops', async () => {
  const code = `{"type": "record", "name": "a", "doc": "A.", "fields": [{"name": "B", "type": "string", "doc": "B."}]}`;
  const loaded = await loadSchema('schemas/o/value.avsc', Buffer.from(code), {});
  assert.ok(loaded.ok);
  const config = parseConfig('lint:\n  rules:\n    FIELD_NAME_CASE: error\n    TYPE_NAME_CASE: info\n');
  const run = (strict: boolean): string[] =>
    lintFindings('f', 'o-value', loaded, config, { inCheck: false, strict }).map(
      (f) => `${f.rule}:${f.severity}`,
    );
  assert.deepEqual(run(false).sort(), ['FIELD_NAME_CASE:error', 'TYPE_NAME_CASE:info']);
  const warn = parseConfig('');
  assert.deepEqual(
    lintFindings('f', 'o-value', loaded, warn, { inCheck: false, strict: true }).map((f) => f.severity),
    ['error', 'error'],
  );
  // In check, nothing runs unless lint.check (or requireDoc for DOC_MISSING alone).
  assert.deepEqual(lintFindings('f', 'o', loaded, warn, { inCheck: true, strict: false }), []);
});

test('lint config: unknown rule, bad severity, bad case and a broken pattern are INVALID_CONFIG with a line', () => {
  for (const [text, pattern] of [
    ['lint:\n  rules:\n    NO_SUCH_RULE: error\n', /3:5.*unknown rule 'NO_SUCH_RULE'/],
    ['lint:\n  rules:\n    DOC_MISSING: loud\n', /3:18.*must be one of off, info, warning, error/],
    ['lint:\n  fieldCase: kebab\n', /2:14.*must be one of camelCase, snake_case, PascalCase/],
    ["lint:\n  namespace: '(['\n", /2:14.*not a regular expression/],
  ] as const) {
    assert.throws(
      () => parseConfig(text),
      (e: Error & { format?: () => string }) => pattern.test(e.format?.() ?? ''),
      text,
    );
  }
});
