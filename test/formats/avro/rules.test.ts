import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { avroFormat } from '../../../src/formats/avro/index.js';
import { avro, record } from './fixtures.js';

const NEW_READS_OLD = { reader: 'new', writer: 'old' } as const;
const OLD_READS_NEW = { reader: 'old', writer: 'new' } as const;

/** The findings of "reader reads writer" as `errorType path` strings. */
function findings(reader: string, writer: string): string[] {
  return avroFormat
    .check(avro(reader, true), avro(writer, true), NEW_READS_OLD)
    .map((f) => `${f.errorType} ${f.path}`);
}

const field = (type: unknown, name = 'f', extra: Record<string, unknown> = {}) =>
  record('R', [{ name, type, ...extra }]);

describe('promotions (reader ← writer)', () => {
  const allowed: [string, string][] = [
    ['long', 'int'],
    ['float', 'int'],
    ['float', 'long'],
    ['double', 'int'],
    ['double', 'long'],
    ['double', 'float'],
    ['string', 'bytes'],
    ['bytes', 'string'],
  ];
  for (const [r, w] of allowed) {
    test(`${r} reads ${w}`, () => assert.deepEqual(findings(field(r), field(w)), []));
  }
  const refused: [string, string][] = [
    ['int', 'long'],
    ['int', 'float'],
    ['long', 'float'],
    ['long', 'double'],
    ['float', 'double'],
    ['int', 'string'],
    ['boolean', 'int'],
    ['string', 'null'],
    ['null', 'string'],
    ['bytes', 'int'],
  ];
  for (const [r, w] of refused) {
    test(`${r} cannot read ${w}: TYPE_MISMATCH`, () => {
      const [f, ...rest] = avroFormat.check(avro(field(r)), avro(field(w)), NEW_READS_OLD);
      assert.equal(rest.length, 0);
      assert.equal(f?.errorType, 'TYPE_MISMATCH');
      assert.equal(f?.path, '/fields/0/type');
      assert.equal(
        f?.additionalInfo,
        `reader type: ${r.toUpperCase()} not compatible with writer type: ${w.toUpperCase()}`,
      );
    });
  }
  for (const p of ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']) {
    test(`${p} reads ${p}`, () => assert.deepEqual(findings(field(p), field(p)), []));
  }
  test('logical types are ignored', () => {
    assert.deepEqual(findings(field({ type: 'long', logicalType: 'timestamp-millis' }), field('long')), []);
    assert.deepEqual(findings(field('long'), field({ type: 'int', logicalType: 'date' })), []);
  });
});

describe('named types', () => {
  test('a renamed record is NAME_MISMATCH at /name', () => {
    const f = avroFormat.check(avro(record('B', [])), avro(record('A', [])), NEW_READS_OLD);
    assert.deepEqual(
      f.map((x) => [x.errorType, x.path, x.additionalInfo, x.candidatePointer]),
      [['NAME_MISMATCH', '/name', 'expected: A', '/name']],
    );
    assert.match(f[0]?.fix ?? '', /aliases/);
  });
  test('a namespace change alone is tolerated (unqualified names match)', () => {
    assert.deepEqual(findings(record('R', [], { namespace: 'b' }), record('R', [], { namespace: 'a' })), []);
  });
  test('a reader alias naming the writer full name matches', () => {
    assert.deepEqual(
      findings(record('B', [], { namespace: 'n', aliases: ['n.A'] }), record('A', [], { namespace: 'n' })),
      [],
    );
    assert.deepEqual(
      findings(record('B', [], { namespace: 'n', aliases: ['A'] }), record('A', [], { namespace: 'n' })),
      [],
    );
    assert.deepEqual(
      findings(record('B', [], { namespace: 'n', aliases: ['x.A'] }), record('A', [], { namespace: 'n' })),
      ['NAME_MISMATCH /name'],
    );
  });
  test('fixed: size and name are both checked, each reported', () => {
    const r = field({ type: 'fixed', name: 'H', size: 16 });
    const w = field({ type: 'fixed', name: 'G', size: 8 });
    const got = avroFormat.check(avro(r), avro(w), NEW_READS_OLD);
    assert.deepEqual(
      got.map((f) => [f.errorType, f.path, f.additionalInfo]),
      [
        ['NAME_MISMATCH', '/fields/0/type/name', 'expected: G'],
        ['FIXED_SIZE_MISMATCH', '/fields/0/type/size', 'expected: 8, found: 16'],
      ],
    );
    assert.equal(got[1]?.candidatePointer, '/fields/0/type/size');
  });
  test('enum: missing writer symbols are sorted; an enum default makes it compatible', () => {
    const w = field({ type: 'enum', name: 'E', symbols: ['A', 'D', 'C', 'B'] });
    const [f] = avroFormat.check(
      avro(field({ type: 'enum', name: 'E', symbols: ['A', 'B'] })),
      avro(w),
      NEW_READS_OLD,
    );
    assert.equal(f?.errorType, 'MISSING_ENUM_SYMBOLS');
    assert.equal(f?.path, '/fields/0/type/symbols');
    assert.equal(f?.additionalInfo, '[C, D]');
    assert.equal(
      f?.message,
      "The new schema is missing enum symbols '[C, D]' at path '/fields/0/type/symbols' in the old schema",
    );
    assert.equal(f?.fix, "add symbols 'C', 'D' or an enum default");
    assert.deepEqual(findings(field({ type: 'enum', name: 'E', symbols: ['A', 'B'], default: 'A' }), w), []);
  });
  test('FORWARD: a symbol added to the new enum points at it in the candidate', () => {
    const oldS = avro(field({ type: 'enum', name: 'E', symbols: ['A', 'B'] }));
    const newS = avro(field({ type: 'enum', name: 'E', symbols: ['A', 'B', 'C'] }));
    const [f] = avroFormat.check(oldS, newS, OLD_READS_NEW);
    assert.equal(f?.candidatePointer, '/fields/0/type/symbols/2');
    assert.equal(
      f?.message,
      "The old schema is missing enum symbols '[C]' at path '/fields/0/type/symbols' in the new schema",
    );
    assert.match(f?.fix ?? '', /remove symbol 'C'/);
  });
  test('named type references resolve to their definition', () => {
    const def = { type: 'record', name: 'Money', fields: [{ name: 'cents', type: 'long' }] };
    const r = record('R', [
      { name: 'a', type: def },
      { name: 'b', type: 'Money' },
    ]);
    const w = record('R', [
      { name: 'a', type: { ...def, fields: [{ name: 'cents', type: 'string' }] } },
      { name: 'b', type: 'Money' },
    ]);
    const got = avroFormat.check(avro(r), avro(w), NEW_READS_OLD);
    assert.deepEqual(
      got.map((f) => [f.errorType, f.path]),
      [
        ['TYPE_MISMATCH', '/fields/0/type/fields/0/type'],
        ['TYPE_MISMATCH', '/fields/1/type/fields/0/type'],
      ],
    );
  });
});

describe('records', () => {
  test('a removed field is fine for the new reader; an added field needs a default', () => {
    assert.deepEqual(
      findings(
        record('R', [{ name: 'a', type: 'int' }]),
        record('R', [
          { name: 'a', type: 'int' },
          { name: 'b', type: 'int' },
        ]),
      ),
      [],
    );
    assert.deepEqual(
      findings(
        record('R', [
          { name: 'a', type: 'int' },
          { name: 'b', type: 'int' },
        ]),
        record('R', [{ name: 'a', type: 'int' }]),
      ),
      ['READER_FIELD_MISSING_DEFAULT_VALUE /fields/1'],
    );
    assert.deepEqual(
      findings(
        record('R', [
          { name: 'a', type: 'int' },
          { name: 'b', type: 'int', default: 0 },
        ]),
        record('R', [{ name: 'a', type: 'int' }]),
      ),
      [],
    );
  });
  test('every incompatibility is reported, not only the first', () => {
    const w = record('R', [
      { name: 'a', type: 'long' },
      { name: 'b', type: 'string' },
    ]);
    const r = record('R', [
      { name: 'a', type: 'int' },
      { name: 'b', type: 'boolean' },
      { name: 'c', type: 'int' },
      { name: 'd', type: 'int' },
    ]);
    assert.deepEqual(findings(r, w), [
      'TYPE_MISMATCH /fields/0/type',
      'TYPE_MISMATCH /fields/1/type',
      'READER_FIELD_MISSING_DEFAULT_VALUE /fields/2',
      'READER_FIELD_MISSING_DEFAULT_VALUE /fields/3',
    ]);
  });
  test('field aliases match writer fields; two matches are ambiguous', () => {
    assert.deepEqual(
      findings(
        record('R', [{ name: 'b', type: 'int', aliases: ['a'] }]),
        record('R', [{ name: 'a', type: 'int' }]),
      ),
      [],
    );
    assert.deepEqual(
      findings(
        record('R', [{ name: 'b', type: 'int', aliases: ['a'] }]),
        record('R', [
          { name: 'a', type: 'int' },
          { name: 'b', type: 'int' },
        ]),
      ),
      ['AMBIGUOUS_FIELD_ALIAS /fields/0'],
    );
  });
  test("Java's quirk: a missing enum field with an enum default is compared with the writer record", () => {
    const r = record('R', [{ name: 'e', type: { type: 'enum', name: 'E', symbols: ['A'], default: 'A' } }]);
    assert.deepEqual(findings(r, record('R', [])), ['TYPE_MISMATCH /fields/0/type']);
  });
  test('nested record inside an array', () => {
    const inner = (fields: unknown[]) => ({ type: 'array', items: { type: 'record', name: 'I', fields } });
    assert.deepEqual(
      findings(
        field(
          inner([
            { name: 'x', type: 'int' },
            { name: 'y', type: 'int' },
          ]),
        ),
        field(inner([{ name: 'x', type: 'int' }])),
      ),
      ['READER_FIELD_MISSING_DEFAULT_VALUE /fields/0/type/items/fields/1'],
    );
  });
  test('nested record inside a map', () => {
    const inner = (t: string) => ({
      type: 'map',
      values: { type: 'record', name: 'I', fields: [{ name: 'x', type: t }] },
    });
    const [f] = avroFormat.check(avro(field(inner('int'))), avro(field(inner('string'))), NEW_READS_OLD);
    assert.equal(f?.path, '/fields/0/type/values/fields/0/type');
    assert.equal(f?.candidatePointer, '/fields/0/type/values/fields/0/type');
  });
  test('nested record inside a union: MISSING_UNION_BRANCH at the writer branch, with the reason', () => {
    const inner = (fields: unknown[]) => ['null', { type: 'record', name: 'I', fields }];
    const [f, ...rest] = avroFormat.check(
      avro(
        field(
          inner([
            { name: 'x', type: 'int' },
            { name: 'y', type: 'int' },
          ]),
        ),
      ),
      avro(field(inner([{ name: 'x', type: 'int' }]))),
      NEW_READS_OLD,
    );
    assert.equal(rest.length, 0);
    assert.equal(f?.errorType, 'MISSING_UNION_BRANCH');
    assert.equal(f?.path, '/fields/0/type/1');
    assert.equal(f?.additionalInfo, 'reader union lacking writer type: RECORD');
    assert.match(f?.message ?? '', /READER_FIELD_MISSING_DEFAULT_VALUE at \/fields\/1/);
  });
  test('array versus map is TYPE_MISMATCH', () => {
    assert.deepEqual(
      findings(field({ type: 'array', items: 'int' }), field({ type: 'map', values: 'int' })),
      ['TYPE_MISMATCH /fields/0/type'],
    );
  });
  test('array items and map values are compared with promotions', () => {
    assert.deepEqual(
      findings(field({ type: 'array', items: 'long' }), field({ type: 'array', items: 'int' })),
      [],
    );
    assert.deepEqual(
      findings(field({ type: 'map', values: 'int' }), field({ type: 'map', values: 'long' })),
      ['TYPE_MISMATCH /fields/0/type/values'],
    );
  });
});

describe('unions', () => {
  test('reader union reads a writer type when any branch reads it (branch order irrelevant)', () => {
    assert.deepEqual(findings(field(['string', 'null', 'long']), field('int')), []);
    assert.deepEqual(findings(field(['string', 'null']), field('int')), [
      'MISSING_UNION_BRANCH /fields/0/type',
    ]);
  });
  test('a writer union needs every branch readable; each failing branch is a finding', () => {
    assert.deepEqual(findings(field('string'), field(['null', 'string', 'int'])), [
      'TYPE_MISMATCH /fields/0/type',
      'TYPE_MISMATCH /fields/0/type',
    ]);
  });
  test('union to union: each writer branch the reader lacks', () => {
    assert.deepEqual(findings(field(['null']), field(['null', 'string', 'int'])), [
      'MISSING_UNION_BRANCH /fields/0/type/1',
      'MISSING_UNION_BRANCH /fields/0/type/2',
    ]);
    assert.deepEqual(findings(field(['int', 'null']), field(['null', 'int'])), []);
  });
  test('an empty writer union is readable by anything', () => {
    assert.deepEqual(findings(field('int'), field([])), []);
  });
  test('FORWARD: a union branch added in the new schema points at that branch', () => {
    const [f] = avroFormat.check(
      avro(field(['null', 'string'])),
      avro(field(['null', 'string', 'int'])),
      OLD_READS_NEW,
    );
    assert.equal(f?.candidatePointer, '/fields/0/type/2');
    assert.match(f?.fix ?? '', /remove int/);
  });
});

describe('recursive types', () => {
  const list = (valueType: string, extra: unknown[] = []) =>
    record('Node', [{ name: 'value', type: valueType }, { name: 'next', type: ['null', 'Node'] }, ...extra]);
  test('a recursive type is compatible with itself and with a promoted copy', () => {
    assert.deepEqual(findings(list('int'), list('int')), []);
    assert.deepEqual(findings(list('long'), list('int')), []);
  });
  test('an incompatibility inside a recursive type is found once, not forever', () => {
    assert.deepEqual(findings(list('int'), list('long')), ['TYPE_MISMATCH /fields/0/type']);
    assert.deepEqual(findings(list('int', [{ name: 'x', type: 'int' }]), list('int')), [
      'READER_FIELD_MISSING_DEFAULT_VALUE /fields/2',
    ]);
  });
});
