import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { avroFormat, AVRO_RULES } from '../../../src/formats/avro/index.js';

function issues(
  text: string,
  options: Parameters<typeof avroFormat.parse>[1] = {},
): { rule: string; pointer: string; line: number; column: number; message: string }[] {
  const r = avroFormat.parse(text, options);
  return r.ok ? [] : r.issues;
}

const rules = (text: string, lenient = false) =>
  issues(text, { lenient }).map((i) => `${i.rule} ${i.pointer}`);
const rec = (fields: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'record', name: 'R', ...extra, fields });

describe('valid schemas parse', () => {
  const valid = [
    '"string"',
    '{"type":"string"}',
    '["null","string",{"type":"record","name":"A","fields":[]},{"type":"record","name":"B","fields":[]}]',
    rec([{ name: 'a', type: ['null', 'string'], default: null }]),
    // An object naming a named type: the registry accepts it (Avro 1.11–1.12.1; 1.12.2 refuses it).
    rec([
      { name: 'a', type: { type: 'fixed', name: 'F', size: 1 } },
      { name: 'b', type: { type: 'F' } },
    ]),
    rec([{ name: 'a', type: { type: 'int' }, default: 5 }]),
    '{"type":"record","name":"R","fields":[{"name":"a","type":"long","default":9007199254740993}]}',
    rec([{ name: 'a', type: 'double', default: 1 }]),
    rec([{ name: 'a', type: { type: 'array', items: 'int' }, default: [1, 2] }]),
    rec([{ name: 'a', type: { type: 'map', values: 'string' }, default: { k: 'v' } }]),
    rec([
      {
        name: 'a',
        type: {
          type: 'record',
          name: 'In',
          fields: [
            { name: 'x', type: 'int', default: 1 },
            { name: 'y', type: 'int' },
          ],
        },
        default: { y: 2 },
      },
    ]),
    rec([{ name: 'a', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } }]),
    rec([{ name: 'a', type: { type: 'fixed', name: 'D', size: 8, logicalType: 'decimal', precision: 18 } }]),
    rec([{ name: 'a', type: { type: 'enum', name: 'E', symbols: ['A', 'B'], default: 'B' }, default: 'A' }]),
    rec([{ name: 'next', type: ['null', 'R'] }]),
    rec([
      { name: 'a', type: { type: 'record', name: 'x.y.In', fields: [] } },
      { name: 'b', type: 'x.y.In' },
    ]),
    rec(
      [
        { name: 'a', type: { type: 'record', name: 'In', fields: [] } },
        { name: 'b', type: 'n.In' },
      ],
      { namespace: 'n' },
    ),
    rec([{ name: 'a', type: 'string', order: 'DESCENDING' }]),
    rec([{ name: 'a', type: 'string', doc: null }], { doc: null }),
    JSON.stringify({ type: 'fixed', name: 'int', namespace: 'n', size: 4 }),
  ];
  for (const text of valid) test(text.slice(0, 100), () => assert.deepEqual(issues(text), []));
});

describe('each rule, with its pointer', () => {
  const cases: [string, string, string[]][] = [
    ['invalid record name', rec([], { name: '1R' }), [`${AVRO_RULES.INVALID_NAME} /name`]],
    [
      'invalid field name',
      rec([{ name: 'a-b', type: 'int' }]),
      [`${AVRO_RULES.INVALID_NAME} /fields/0/name`],
    ],
    ['invalid namespace', rec([], { namespace: 'a..b' }), [`${AVRO_RULES.INVALID_NAME} /namespace`]],
    [
      'invalid enum symbol',
      rec([{ name: 'e', type: { type: 'enum', name: 'E', symbols: ['ok', '9no'] } }]),
      [`${AVRO_RULES.INVALID_NAME} /fields/0/type/symbols/1`],
    ],
    [
      'primitive name as a type name',
      JSON.stringify({ type: 'fixed', name: 'int', size: 1 }),
      [`${AVRO_RULES.INVALID_NAME} /name`],
    ],
    [
      'duplicate field',
      rec([
        { name: 'a', type: 'int' },
        { name: 'a', type: 'long' },
      ]),
      [`${AVRO_RULES.DUPLICATE_FIELD} /fields/1/name`],
    ],
    [
      'duplicate symbol',
      rec([{ name: 'e', type: { type: 'enum', name: 'E', symbols: ['A', 'A'] } }]),
      [`${AVRO_RULES.DUPLICATE_SYMBOL} /fields/0/type/symbols/1`],
    ],
    [
      'type defined twice',
      rec([
        { name: 'a', type: { type: 'fixed', name: 'F', size: 1 } },
        { name: 'b', type: { type: 'fixed', name: 'F', size: 2 } },
      ]),
      [`${AVRO_RULES.DUPLICATE_NAME} /fields/1/type/name`],
    ],
    [
      'duplicate union branch',
      rec([{ name: 'a', type: ['int', 'string', 'int'] }]),
      [`${AVRO_RULES.UNION_DUPLICATE_BRANCH} /fields/0/type/2`],
    ],
    [
      'two arrays in a union',
      rec([
        {
          name: 'a',
          type: [
            { type: 'array', items: 'int' },
            { type: 'array', items: 'long' },
          ],
        },
      ]),
      [`${AVRO_RULES.UNION_DUPLICATE_BRANCH} /fields/0/type/1`],
    ],
    [
      'union in a union',
      rec([{ name: 'a', type: ['int', ['null']] }]),
      [`${AVRO_RULES.UNION_NESTED} /fields/0/type/1`],
    ],
    [
      'string default null',
      rec([{ name: 'a', type: 'string', default: null }]),
      [`${AVRO_RULES.INVALID_DEFAULT} /fields/0/default`],
    ],
    [
      'union default matching no branch',
      rec([{ name: 'a', type: ['null', 'string'], default: 5 }]),
      [`${AVRO_RULES.INVALID_DEFAULT} /fields/0/default`],
    ],
    [
      'int default 1.5',
      rec([{ name: 'a', type: 'int', default: 1.5 }]),
      [`${AVRO_RULES.INVALID_DEFAULT} /fields/0/default`],
    ],
    [
      'int default out of range',
      rec([{ name: 'a', type: 'int', default: 2147483648 }]),
      [`${AVRO_RULES.INVALID_DEFAULT} /fields/0/default`],
    ],
    [
      'array default with a bad item',
      rec([{ name: 'a', type: { type: 'array', items: 'int' }, default: [1, 'x'] }]),
      [`${AVRO_RULES.INVALID_DEFAULT} /fields/0/default`],
    ],
    [
      'record default missing a field without default',
      rec([
        {
          name: 'a',
          type: { type: 'record', name: 'In', fields: [{ name: 'y', type: 'int' }] },
          default: {},
        },
      ]),
      [`${AVRO_RULES.INVALID_DEFAULT} /fields/0/default`],
    ],
    [
      'enum default not a symbol',
      rec([{ name: 'e', type: { type: 'enum', name: 'E', symbols: ['A'], default: 'B' } }]),
      [`${AVRO_RULES.INVALID_ENUM_DEFAULT} /fields/0/type/default`],
    ],
    [
      'fixed without size',
      rec([{ name: 'f', type: { type: 'fixed', name: 'F' } }]),
      [`${AVRO_RULES.MISSING_ATTRIBUTE} /fields/0/type`],
    ],
    [
      'fixed with a negative size',
      rec([{ name: 'f', type: { type: 'fixed', name: 'F', size: -1 } }]),
      [`${AVRO_RULES.INVALID_FIXED_SIZE} /fields/0/type/size`],
    ],
    [
      'fixed with a fractional size',
      rec([{ name: 'f', type: { type: 'fixed', name: 'F', size: 1.5 } }]),
      [`${AVRO_RULES.INVALID_FIXED_SIZE} /fields/0/type/size`],
    ],
    ['unknown type', rec([{ name: 'a', type: 'str' }]), [`${AVRO_RULES.UNKNOWN_TYPE} /fields/0/type`]],
    [
      'a name defined nowhere',
      rec([{ name: 'a', type: ['null', 'Later'] }]),
      [`${AVRO_RULES.UNKNOWN_TYPE} /fields/0/type/1`],
    ],
    [
      'an object naming a type defined nowhere',
      rec([{ name: 'b', type: { type: 'Nowhere' } }]),
      [`${AVRO_RULES.UNKNOWN_TYPE} /fields/0/type/type`],
    ],
    ['field without type', rec([{ name: 'a' }]), [`${AVRO_RULES.MISSING_ATTRIBUTE} /fields/0`]],
    [
      'record without fields',
      JSON.stringify({ type: 'record', name: 'R' }),
      [`${AVRO_RULES.MISSING_ATTRIBUTE} `],
    ],
    [
      'bad order',
      rec([{ name: 'a', type: 'int', order: 'up' }]),
      [`${AVRO_RULES.INVALID_ORDER} /fields/0/order`],
    ],
    ['a number is not a schema', '5', [`${AVRO_RULES.SCHEMA_SHAPE} `]],
    [
      'nested schema as a top-level type',
      '{"type":{"type":"int"}}',
      [`${AVRO_RULES.INVALID_ATTRIBUTE} /type`],
    ],
  ];
  for (const [name, text, expected] of cases) test(name, () => assert.deepEqual(rules(text), expected));

  test('all problems are reported at once, each with its line and column', () => {
    const text = [
      '{',
      '  "type": "record",',
      '  "name": "R",',
      '  "fields": [',
      '    {"name": "a", "type": "strng"},',
      '    {"name": "b", "type": "int", "default": "x"},',
      '    {"name": "a", "type": "int"}',
      '  ]',
      '}',
    ].join('\n');
    const got = issues(text).map((i) => `${i.rule}@${i.line}:${i.column}`);
    // Names are resolved when the whole schema is read (a type may be defined after its use).
    assert.deepEqual(got, [
      `${AVRO_RULES.DUPLICATE_FIELD}@7:14`,
      `${AVRO_RULES.UNKNOWN_TYPE}@5:27`,
      `${AVRO_RULES.INVALID_DEFAULT}@6:45`,
    ]);
  });

  test('invalid JSON is one INVALID_JSON issue at its line and column', () => {
    assert.deepEqual(
      issues('{\n  "type": "record",\n  "name": "R",\n}').map((i) => [i.rule, i.line, i.column]),
      [[AVRO_RULES.INVALID_JSON, 3, 14]],
    );
  });
});

describe('lenient parsing (stored schemas)', () => {
  test('skips default checks (testBadDefaultNull)', () => {
    const text = rec([
      { name: 'f1', type: ['null', 'int'], default: 'null' },
      { name: 'f2', type: 'string', default: 5 },
    ]);
    assert.equal(rules(text).length, 2);
    assert.deepEqual(rules(text, true), []);
  });
  test('still rejects structural problems', () => {
    assert.deepEqual(
      rules(
        rec([
          { name: 'a', type: 'int' },
          { name: 'a', type: 'int' },
        ]),
        true,
      ),
      [`${AVRO_RULES.DUPLICATE_FIELD} /fields/1/name`],
    );
  });
});

describe('references', () => {
  const money =
    '{"type":"record","name":"Money","namespace":"com.acme","fields":[{"name":"cents","type":"long"}]}';
  test('named types from references resolve', () => {
    const text = rec([{ name: 'price', type: 'com.acme.Money' }]);
    assert.equal(rules(text)[0], `${AVRO_RULES.UNKNOWN_TYPE} /fields/0/type`);
    assert.deepEqual(issues(text, { references: [{ name: 'com.acme.Money', text: money }] }), []);
  });
  test('references may use earlier references', () => {
    const order =
      '{"type":"record","name":"Order","namespace":"com.acme","fields":[{"name":"total","type":"Money"}]}';
    const text = rec([{ name: 'o', type: 'com.acme.Order' }]);
    assert.deepEqual(
      issues(text, {
        references: [
          { name: 'com.acme.Money', text: money },
          { name: 'com.acme.Order', text: order },
        ],
      }),
      [],
    );
  });
  test('a broken reference is reported as such', () => {
    const got = issues('"int"', { references: [{ name: 'X', text: '{"type":' }] });
    assert.equal(got[0]?.rule, AVRO_RULES.INVALID_JSON);
    assert.match(got[0]?.message ?? '', /reference 'X'/);
  });
});
