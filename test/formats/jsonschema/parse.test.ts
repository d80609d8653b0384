import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHANGE_TYPES,
  diffJsonSchemas,
  explainChange,
  explainForwardChange,
  jsonSchemaFormat,
  parseJsonSchema,
} from '../../../src/formats/jsonschema/index.js';
import { formatById } from '../../../src/formats/registry.js';
import { SchemagateError } from '../../../src/errors.js';

test('the registry hands out this engine for JSON', () => {
  assert.equal(formatById('json'), jsonSchemaFormat);
  assert.equal(jsonSchemaFormat.registryType, 'JSON');
});

test('every meta-schema violation is reported with its line and column', () => {
  const text =
    '{\n  "type": "object",\n  "properties": {\n    "a": { "type": "strin" },\n    "b": { "minLength": -1 }\n  },\n  "required": "a"\n}';
  const r = parseJsonSchema(text, { file: 's.json' });
  assert.equal(r.ok, false);
  if (r.ok) return;
  const got = r.issues.map((i) => [i.rule, i.pointer, i.line, i.column]);
  assert.deepEqual(got, [
    ['INVALID_SCHEMA', '/properties/a/type', 4, 20],
    ['INVALID_SCHEMA', '/properties/b/minLength', 5, 25],
    ['INVALID_SCHEMA', '/required', 7, 15],
  ]);
  assert.match(r.issues[0]!.message, /draft-07.*'#\/properties\/a\/type' must be one of/);
});

test('drafts are detected from $schema and validated with their own meta-schema', () => {
  const d2020 = parseJsonSchema(
    '{"$schema":"https://json-schema.org/draft/2020-12/schema","prefixItems":[{"type":"string"}],"items":false}',
  );
  assert.ok(d2020.ok && d2020.schema.draft === '2020-12');
  const bad2020 = parseJsonSchema(
    '{"$schema":"https://json-schema.org/draft/2020-12/schema","prefixItems":{"type":"string"}}',
  );
  assert.equal(bad2020.ok, false);
  const d2019 = parseJsonSchema(
    '{"$schema":"https://json-schema.org/draft/2019-09/schema","dependentRequired":{"a":["b"]}}',
  );
  assert.ok(d2019.ok && d2019.schema.draft === '2019-09');
  const d6 = parseJsonSchema(
    '{"$schema":"http://json-schema.org/draft-06/schema#","type":"string","maxLength":3}',
  );
  assert.ok(d6.ok && d6.schema.draft === 'draft-06');
  const d4 = parseJsonSchema(
    '{"$schema":"http://json-schema.org/draft-04/schema#","type":"number","maximum":3,"exclusiveMaximum":true}',
  );
  assert.ok(d4.ok && d4.schema.draft === 'draft-04', JSON.stringify(d4));
  const d7 = parseJsonSchema('{"type":"string"}');
  assert.ok(d7.ok && d7.schema.draft === 'draft-07');
});

test('an unresolvable $ref and an invalid pattern are issues at their position', () => {
  const r = parseJsonSchema(
    '{\n  "properties": {\n    "a": { "$ref": "#/definitions/nope" },\n    "b": { "$ref": "other.json" },\n    "c": { "type": "string", "pattern": "([a-z" }\n  }\n}',
  );
  assert.equal(r.ok, false);
  if (r.ok) return;
  const got = r.issues.map((i) => [i.rule, i.pointer, i.line]).sort();
  assert.deepEqual(got, [
    ['INVALID_PATTERN', '/properties/c/pattern', 5],
    ['UNRESOLVED_REF', '/properties/a/$ref', 3],
    ['UNRESOLVED_REF', '/properties/b/$ref', 4],
  ]);
  assert.match(
    r.issues.find((i) => i.pointer === '/properties/b/$ref')!.message,
    /pass the referenced schema as a reference/,
  );
});

test('$refs to other files resolve through the given references', () => {
  const text = '{"properties":{"c":{"$ref":"customer.json"},"id":{"$ref":"common.json#/definitions/id"}}}';
  const r = parseJsonSchema(text, {
    references: [
      { name: 'customer.json', text: '{"type":"object"}' },
      { name: 'common.json', text: '{"definitions":{"id":{"type":"string"}}}' },
    ],
  });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  const broken = parseJsonSchema(text, {
    references: [
      { name: 'customer.json', text: '{"type":' },
      { name: 'common.json', text: '{}' },
    ],
  });
  assert.equal(broken.ok, false);
});

test('malformed JSON and non-schema JSON are issues, not exceptions', () => {
  const r = parseJsonSchema('{\n  "type": "string",\n}', { file: 'x.json' });
  assert.ok(!r.ok && r.issues[0]!.rule === 'INVALID_JSON' && r.issues[0]!.line === 2);
  const n = parseJsonSchema('42');
  assert.ok(!n.ok && n.issues[0]!.rule === 'INVALID_SCHEMA');
  assert.ok(parseJsonSchema('true').ok);
});

test('canonical keeps key order compactly; normalized ignores formatting and key order', () => {
  const a = parseJsonSchema(
    '{\n  "type": "object",\n  "properties": { "b": {"type":"string"}, "a": {"type": "integer"} }\n}',
  );
  const b = parseJsonSchema('{"properties":{"a":{"type":"integer"},"b":{"type":"string"}},"type":"object"}');
  assert.ok(a.ok && b.ok);
  assert.equal(
    jsonSchemaFormat.canonical(a.schema),
    '{"type":"object","properties":{"b":{"type":"string"},"a":{"type":"integer"}}}',
  );
  assert.notEqual(jsonSchemaFormat.canonical(a.schema), jsonSchemaFormat.canonical(b.schema));
  assert.equal(jsonSchemaFormat.normalized(a.schema), jsonSchemaFormat.normalized(b.schema));
});

test('diff() lists every change with the directions it breaks', () => {
  const from = parseJsonSchema(
    '{"type":"object","properties":{"a":{"type":"number"},"b":{"type":"string"}},"additionalProperties":false}',
  );
  const to = parseJsonSchema(
    '{"type":"object","properties":{"a":{"type":"integer"},"c":{"type":"string"}},"additionalProperties":false,"title":"T"}',
  );
  assert.ok(from.ok && to.ok);
  const changes = jsonSchemaFormat.diff(from.schema, to.schema);
  const byType = Object.fromEntries(changes.map((c) => [c.summary.split(' ')[0], c]));
  assert.deepEqual(byType['TYPE_NARROWED']?.breaks, ['new-reads-old']);
  assert.equal(byType['TYPE_NARROWED']?.pointer, '/properties/a');
  assert.equal(byType['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL']?.kind, 'removed');
  assert.deepEqual(byType['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL']?.breaks, ['new-reads-old']);
  assert.equal(byType['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL']?.pointer, '/properties/b');
  // Adding c to a closed object is fine for new readers, but old readers reject it.
  assert.deepEqual(byType['OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL']?.breaks, ['old-reads-new']);
  assert.deepEqual(byType['TITLE_CHANGED']?.breaks, []);
});

test('diffJsonSchemas takes text or values and throws a typed error on an invalid schema', () => {
  assert.deepEqual(diffJsonSchemas('{"type":"integer"}', { type: 'number' }), {
    changes: [{ type: 'TYPE_EXTENDED', path: '#/' }],
    compatible: true,
  });
  assert.throws(
    () => diffJsonSchemas({ type: 'nope' }, {}),
    (e) => e instanceof SchemagateError && e.code === 'INVALID_SCHEMA',
  );
});

test('check() names the candidate pointer on the side that is new', () => {
  const old = parseJsonSchema(
    '{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}',
  );
  const neu = parseJsonSchema(
    '{"type":"object","properties":{"a":{"type":"string"},"z":{"type":"string"}},"additionalProperties":false}',
  );
  assert.ok(old.ok && neu.ok);
  assert.deepEqual(jsonSchemaFormat.check(neu.schema, old.schema, { reader: 'new', writer: 'old' }), []);
  const forward = jsonSchemaFormat.check(old.schema, neu.schema, { reader: 'old', writer: 'new' });
  assert.deepEqual(
    forward.map((f) => [f.errorType, f.path, f.candidatePointer]),
    [['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL', '#/properties/z', '/properties/z']],
  );
  assert.match(forward[0]!.message, /property 'z' was added, but the old schema is closed/);
  assert.match(forward[0]!.fix, /keep 'z' out of the new schema/);
});

test('old versions parse leniently: meta-schema violations and unresolved refs do not block them', () => {
  const text = '{"type":"object","properties":{"a":{"type":"strin"},"b":{"$ref":"#/definitions/missing"}}}';
  assert.equal(parseJsonSchema(text).ok, false);
  const lenient = parseJsonSchema(text, { lenient: true });
  assert.ok(lenient.ok);
  const bad = parseJsonSchema('{"type":', { lenient: true });
  assert.equal(bad.ok, false);
});

test('every change type has its own sentence and fix, in both directions', () => {
  for (const type of CHANGE_TYPES) {
    const change = {
      type,
      path: '#/properties/age',
      originalPointer: '/properties/age',
      updatePointer: '/properties/age',
      from: 1,
      to: 2,
    };
    const e = explainChange(change);
    assert.ok(!e.message.startsWith(type) && e.fix !== 'revert this change', `${type} has no explanation`);
    const f = explainForwardChange(change);
    assert.ok(f.message.length > 10 && f.fix.length > 5);
  }
});

test("the registry's path and the pointer into the file differ where the registry renames a keyword", () => {
  const pair = (a: string, b: string): ReturnType<typeof jsonSchemaFormat.check> => {
    const old = parseJsonSchema(a);
    const neu = parseJsonSchema(b);
    assert.ok(old.ok && neu.ok);
    return jsonSchemaFormat.check(neu.schema, old.schema, { reader: 'new', writer: 'old' });
  };
  const modern = '"$schema":"https://json-schema.org/draft/2020-12/schema"';
  const tuple = pair(
    `{${modern},"prefixItems":[{"type":"string"}],"items":{"type":"number"}}`,
    `{${modern},"prefixItems":[{"type":"boolean"}],"items":{"type":"integer"}}`,
  );
  assert.deepEqual(tuple.map((f) => [f.errorType, f.path, f.candidatePointer]).sort(), [
    ['TYPE_CHANGED', '#/items/0', '/prefixItems/0'],
    ['TYPE_NARROWED', '#/additionalItems', '/items'],
  ]);
  const deps = pair(
    `{${modern},"dependentRequired":{"card":["cvv"]}}`,
    `{${modern},"dependentRequired":{"card":["cvv","zip"]}}`,
  );
  assert.deepEqual(
    deps.map((f) => [f.errorType, f.path, f.candidatePointer]),
    [['DEPENDENCY_ARRAY_EXTENDED', '#/dependencies/card', '/dependentRequired/card']],
  );
  const title = jsonSchemaFormat.diff(
    (parseJsonSchema('{"title":"a","type":"string"}') as { ok: true; schema: never }).schema,
    (parseJsonSchema('{"title":"b","type":"string"}') as { ok: true; schema: never }).schema,
  );
  assert.deepEqual(
    title.map((c) => [c.summary.split(':')[0], c.pointer]),
    [['TITLE_CHANGED #/', '/title']],
  );
});

test('COMBINED_TYPE_SUBSCHEMAS_CHANGED names the old subschemas left without a counterpart', () => {
  const check = (a: unknown, b: unknown): string[] => {
    const old = parseJsonSchema(JSON.stringify(a));
    const neu = parseJsonSchema(JSON.stringify(b));
    assert.ok(old.ok && neu.ok);
    return jsonSchemaFormat
      .check(neu.schema, old.schema, { reader: 'new', writer: 'old' })
      .map((f) => `${f.errorType}: ${f.message}`);
  };
  assert.deepEqual(
    check(
      { oneOf: [{ type: 'string' }, { type: 'integer', minimum: 0 }] },
      { oneOf: [{ type: 'integer', minimum: 5 }, { type: 'string' }] },
    ),
    [
      'COMBINED_TYPE_SUBSCHEMAS_CHANGED: the subschemas of the root schema changed so that some old subschema has no compatible counterpart (oneOf/1)',
    ],
  );
  // In a schema the loader splits in parts ({"type":…,"enum":…}), the part is named by its kind.
  assert.match(
    check({ type: 'string', enum: ['a', 'b'] }, { type: 'string', enum: ['a'] })[0]!,
    /no compatible counterpart \(enum\)$/,
  );
});
