import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { avroFormat, AVRO_RULES, AVRO_WARNINGS } from '../../../src/formats/avro/index.js';
import { askAvroJava, type OracleAnswer } from '../../support/avro-java.js';
import { startTestRegistry, type TestRegistry } from '../../registry/server/support.js';
import { runCli } from '../../support/cli.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One test per family where the registry (Avro Java 1.12) and a reading of the Avro specification part:
// each case states our answer, and the same case goes through Avro Java, which must agree.

const rec = (fields: unknown[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ type: 'record', name: 'R', ...extra, fields });

interface ValidityCase {
  name: string;
  text: string;
  /** Rule ids of the issues as a new schema; [] = valid. */
  asNew: string[];
  /** Valid as a stored schema? */
  storedValid: boolean;
  warnings?: string[];
}

const validity: ValidityCase[] = [
  {
    name: 'a union default may match any branch, not only the first',
    text: rec([
      { name: 'a', type: ['null', 'string'], default: 'x' },
      { name: 'b', type: ['int', { type: 'array', items: 'long' }], default: [1] },
    ]),
    asNew: [],
    storedValid: true,
  },
  {
    name: 'a union default matching no branch is invalid',
    text: rec([{ name: 'a', type: ['null', 'string'], default: 1 }]),
    asNew: [AVRO_RULES.INVALID_DEFAULT],
    storedValid: true,
  },
  {
    name: 'a named type may be used before its definition (forward reference)',
    text: rec([
      { name: 'a', type: ['null', 'Later'], default: null },
      { name: 'b', type: { type: 'fixed', name: 'Later', size: 2 } },
    ]),
    asNew: [],
    storedValid: true,
  },
  {
    name: 'a forward-referenced enum is checked as a placeholder record: a string default fails',
    text: rec([
      { name: 'a', type: 'E', default: 'X' },
      { name: 'b', type: { type: 'enum', name: 'E', symbols: ['X'] } },
    ]),
    asNew: [AVRO_RULES.INVALID_DEFAULT],
    storedValid: true,
  },
  {
    name: 'a recursive record whose field default is a record value is refused',
    text: rec([{ name: 'next', type: ['null', 'R'], default: {} }]),
    asNew: [AVRO_RULES.RECURSIVE_DEFAULT],
    storedValid: true,
  },
  {
    name: 'a recursive record with a null or empty array default is fine',
    text: rec([
      { name: 'next', type: ['null', 'R'], default: null },
      { name: 'kids', type: { type: 'array', items: 'R' }, default: [] },
    ]),
    asNew: [],
    storedValid: true,
  },
  {
    name: 'an inner record default needing its enclosing record is refused',
    text: rec([
      {
        name: 'in',
        type: {
          type: 'record',
          name: 'In',
          fields: [{ name: 'up', type: ['null', 'R'], default: null }],
        },
        default: { up: {} },
      },
    ]),
    asNew: [AVRO_RULES.RECURSIVE_DEFAULT],
    storedValid: true,
  },
  {
    name: 'a non-numeric default for a double is invalid, stored or new',
    text: rec([{ name: 'd', type: 'double', default: 'abc' }]),
    asNew: [AVRO_RULES.INVALID_DEFAULT],
    storedValid: false,
  },
  {
    name: 'a numeric string default for a float is read as a number',
    text: rec([{ name: 'f', type: 'float', default: ' 2.5 ' }]),
    asNew: [],
    storedValid: true,
  },
  {
    name: 'an unqualified reference from a namespaced record to an enclosing record without namespace fails',
    text: rec([
      {
        name: 'in',
        type: {
          type: 'record',
          name: 'In',
          namespace: 'ns',
          fields: [{ name: 'up', type: ['null', 'R'], default: null }],
        },
      },
    ]),
    asNew: [AVRO_RULES.UNKNOWN_TYPE],
    storedValid: false,
  },
  {
    name: 'the same reference to an enclosing record in the same namespace resolves',
    text: rec(
      [
        {
          name: 'in',
          type: { type: 'record', name: 'In', fields: [{ name: 'up', type: ['null', 'R'], default: null }] },
        },
      ],
      { namespace: 'ns' },
    ),
    asNew: [],
    storedValid: true,
  },
  {
    name: 'a field alias naming a sibling field is a warning, not an error',
    text: rec([
      { name: 'c', type: 'int', aliases: ['d'] },
      { name: 'd', type: 'int' },
    ]),
    asNew: [],
    storedValid: true,
    warnings: [AVRO_WARNINGS.FIELD_ALIAS_NAMES_SIBLING],
  },
  {
    name: 'a decimal whose precision does not fit its fixed is a warning, not an error',
    text: rec([
      { name: 'd', type: { type: 'fixed', name: 'D', size: 2, logicalType: 'decimal', precision: 5 } },
    ]),
    asNew: [],
    storedValid: true,
    warnings: [AVRO_WARNINGS.DECIMAL_PRECISION_EXCEEDS_FIXED],
  },
  {
    name: 'a decimal without precision is a warning (Avro ignores the logical type)',
    text: rec([{ name: 'd', type: { type: 'bytes', logicalType: 'decimal' } }]),
    asNew: [],
    storedValid: true,
    warnings: [AVRO_WARNINGS.INVALID_DECIMAL],
  },
  {
    name: 'a namespace or doc that is not a string is ignored, as Avro ignores it',
    text: rec([{ name: 'a', type: 'int', doc: ['x'] }], { namespace: 5, doc: 7 }),
    asNew: [],
    storedValid: true,
    warnings: [
      AVRO_WARNINGS.IGNORED_ATTRIBUTE,
      AVRO_WARNINGS.IGNORED_ATTRIBUTE,
      AVRO_WARNINGS.IGNORED_ATTRIBUTE,
    ],
  },
  {
    name: 'an empty namespace resets to the null namespace: a short name no longer finds the enclosing one',
    text: rec(
      [
        { name: 'a', type: { type: 'fixed', name: 'F', size: 1 } },
        {
          name: 'b',
          type: { type: 'record', name: 'In', namespace: '', fields: [{ name: 'f', type: 'F' }] },
        },
      ],
      { namespace: 'ns' },
    ),
    asNew: [AVRO_RULES.UNKNOWN_TYPE],
    storedValid: false,
  },
];

interface PairCase {
  name: string;
  reader: string;
  writer: string;
  /** `errorType path registryPath` of each finding. */
  findings: string[];
}

const inner = (x: string): unknown => ({ type: 'record', name: 'In', fields: [{ name: 'x', type: x }] });

const pairs: PairCase[] = [
  {
    name: 'a union writer against a non-union reader: Avro adds the branch index',
    reader: rec([{ name: 'a', type: 'int' }]),
    writer: rec([{ name: 'a', type: ['int', 'string'] }]),
    findings: ['TYPE_MISMATCH /fields/0/type /fields/0/type/1'],
  },
  {
    name: 'a named type met a second time repeats Avro first location',
    reader: rec([
      { name: 'a', type: { type: 'enum', name: 'E', symbols: ['X'] } },
      { name: 'b', type: 'E' },
    ]),
    writer: rec([
      { name: 'a', type: { type: 'enum', name: 'E', symbols: ['X', 'Y'] } },
      { name: 'b', type: 'E' },
    ]),
    findings: [
      'MISSING_ENUM_SYMBOLS /fields/0/type/symbols /fields/0/type/symbols',
      'MISSING_ENUM_SYMBOLS /fields/1/type/symbols /fields/0/type/symbols',
    ],
  },
  {
    name: 'union branches are probed in a fresh context: a later meeting repeats the relative path',
    reader: rec([
      { name: 'a', type: ['null', inner('int')] },
      { name: 'b', type: 'In' },
    ]),
    writer: rec([
      { name: 'a', type: ['null', inner('string')] },
      { name: 'b', type: 'In' },
    ]),
    findings: [
      'MISSING_UNION_BRANCH /fields/0/type/1 /fields/0/type/1',
      'TYPE_MISMATCH /fields/1/type/fields/0/type /fields/0/type',
    ],
  },
  {
    name: 'a pair first met as a union probe keeps that fresh context when met again',
    reader: rec([
      {
        name: 'a',
        type: [
          'null',
          { type: 'record', name: 'A', fields: [{ name: 'x', type: 'int' }] },
          { type: 'record', name: 'B', fields: [{ name: 'x', type: 'long' }] },
        ],
      },
      { name: 'b', type: 'A' },
    ]),
    writer: rec([
      { name: 'a', type: { type: 'record', name: 'B', fields: [{ name: 'x', type: 'string' }] } },
      { name: 'b', type: 'B' },
    ]),
    findings: [
      'MISSING_UNION_BRANCH /fields/0/type /fields/0/type',
      'NAME_MISMATCH /fields/1/type/name /name',
      'TYPE_MISMATCH /fields/1/type/fields/0/type /fields/0/type',
    ],
  },
  {
    name: 'a reader field whose alias is its own name matches its writer field twice',
    reader: rec([{ name: 'a', type: 'int', aliases: ['a'] }]),
    writer: rec([{ name: 'a', type: 'int' }]),
    findings: ['AMBIGUOUS_FIELD_ALIAS /fields/0 /fields/0'],
  },
  {
    name: 'a reader field whose name and alias match two writer fields',
    reader: rec([{ name: 'a', type: 'int', aliases: ['b'] }]),
    writer: rec([
      { name: 'a', type: 'int' },
      { name: 'b', type: 'int' },
    ]),
    findings: ['AMBIGUOUS_FIELD_ALIAS /fields/0 /fields/0'],
  },
];

let java: OracleAnswer[] = [];

before(async () => {
  java = await askAvroJava([
    ...validity.map((c) => ({ reader: c.text, writer: '"null"' })),
    ...pairs.map((c) => ({ reader: c.reader, writer: c.writer })),
  ]);
});

describe('schema validity as Avro Java 1.12 decides it', () => {
  validity.forEach((c, i) => {
    test(c.name, () => {
      const asNew = avroFormat.parse(c.text);
      assert.deepEqual(asNew.ok ? [] : asNew.issues.map((x) => x.rule), c.asNew);
      assert.equal(avroFormat.parse(c.text, { lenient: true }).ok, c.storedValid);
      if (asNew.ok)
        assert.deepEqual(
          asNew.schema.warnings.map((w) => w.rule),
          c.warnings ?? [],
        );
      const answer = java[i] as OracleAnswer;
      assert.equal(answer.readerNew === null, c.asNew.length === 0, `Avro Java as new: ${answer.readerNew}`);
      assert.equal(answer.readerOld === null, c.storedValid, `Avro Java as stored: ${answer.readerOld}`);
    });
  });

  test('a float/double string default is written back as the number Java read', () => {
    const p = avroFormat.parse(rec([{ name: 'f', type: 'double', default: '2.5' }]));
    assert.ok(p.ok);
    assert.match(avroFormat.canonical(p.schema), /"default":2\.5\}/);
  });

  test('messages say what to do', () => {
    const recursive = avroFormat.parse(validity[4]?.text ?? '');
    assert.ok(!recursive.ok);
    assert.match(recursive.issues[0]?.message ?? '', /Schema fields not set yet.*null/);
    const enclosing = avroFormat.parse(validity[9]?.text ?? '');
    assert.ok(!enclosing.ok);
    assert.match(enclosing.issues[0]?.message ?? '', /'ns\.R'.*Give 'R' a namespace/);
  });
});

describe('findings and locations as Avro Java reports them', () => {
  pairs.forEach((c, i) => {
    test(c.name, () => {
      const r = avroFormat.parse(c.reader);
      const w = avroFormat.parse(c.writer, { lenient: true });
      assert.ok(r.ok && w.ok);
      const findings = avroFormat.check(r.schema, w.schema, { reader: 'new', writer: 'old' });
      assert.deepEqual(
        findings.map((f) => `${f.errorType} ${f.path} ${f.registryPath ?? ''}`),
        c.findings,
      );
      const answer = (java[validity.length + i] as OracleAnswer).compat;
      assert.ok(answer !== undefined);
      if (answer.exception !== undefined) {
        assert.equal(findings[0]?.additionalInfo, answer.exception);
      } else {
        assert.deepEqual(
          (answer.incompatibilities ?? []).map((x) => `${x.type} ${x.location}`),
          findings.map((f) => `${f.errorType} ${f.registryPath ?? ''}`),
        );
      }
    });
  });
});

describe('registry serve', () => {
  let registry: TestRegistry;
  before(async () => {
    registry = await startTestRegistry();
  });
  after(async () => {
    await registry.stop();
  });

  test('refuses a recursive record whose default Avro cannot check (422), accepts what Avro accepts', async () => {
    const refused = await registry.call('POST', '/subjects/rec-value/versions', {
      schema: validity[4]?.text,
    });
    assert.equal(refused.status, 422);
    assert.equal((refused.body as { error_code: number }).error_code, 42201);
    for (const c of [validity[0], validity[2], validity[11], validity[12]]) {
      const ok = await registry.call('POST', `/subjects/ok-${c?.name.length}/versions`, { schema: c?.text });
      assert.equal(ok.status, 200, `${c?.name}: ${ok.text}`);
    }
  });

  test('a 409 body carries Avro locations and the exception text for an ambiguous alias', async () => {
    const subject = '/subjects/loc-value/versions';
    const first = pairs[0] as PairCase;
    assert.equal((await registry.call('POST', subject, { schema: first.writer })).status, 200);
    const conflict = await registry.call('POST', `/compatibility${subject}/latest?verbose=true`, {
      schema: first.reader,
    });
    assert.equal(conflict.status, 200);
    const messages = (conflict.body as { messages: string[] }).messages;
    assert.match(messages[0] ?? '', /path '\/fields\/0\/type\/1'/);
    const amb = pairs[4] as PairCase;
    assert.equal(
      (await registry.call('POST', '/subjects/amb-value/versions', { schema: amb.writer })).status,
      200,
    );
    const refused = await registry.call('POST', '/subjects/amb-value/versions', { schema: amb.reader });
    assert.equal(refused.status, 409);
    assert.match(
      refused.text,
      /Unexpected exception during compatibility check: Reader record field a type:INT pos:0 matches multiple fields/,
    );
  });
});

describe('schemagate compat', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-parity-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  test('a warning is printed and is no refusal; --json carries it and the registry path', async () => {
    const old = write('v1.avsc', pairs[0]?.writer ?? '');
    const sibling = validity[11] as ValidityCase;
    const plain = await runCli(['compat', '--level', 'NONE', write('v2.avsc', sibling.text)]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.match(
      plain.stderr,
      /v2\.avsc:1:\d+: warning AVRO_FIELD_ALIAS_NAMES_SIBLING the alias 'd' of field 'c'/,
    );
    const json = await runCli(['compat', '--json', old, write('v3.avsc', pairs[0]?.reader ?? '')]);
    assert.equal(json.code, 1);
    const out = JSON.parse(json.stdout) as { findings: { path: string; registryPath: string }[] };
    assert.deepEqual(
      out.findings.map((f) => [f.path, f.registryPath]),
      [['/fields/0/type', '/fields/0/type/1']],
    );
  });
});
