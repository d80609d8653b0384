import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig, resolveRegistryUrl, DEFAULT_CONFIG } from '../../src/repo/config.js';
import { subjectSettings } from '../../src/repo/subjects.js';
import { matchesGlob } from '../../src/repo/glob.js';
import { SchemagateError } from '../../src/errors.js';

test('an empty file means the defaults', () => {
  const c = parseConfig('');
  assert.equal(c.root, 'schemas');
  assert.equal(c.compatibility, 'BACKWARD');
  assert.equal(c.naming, 'file');
  assert.equal(c.allowDelete, false);
  assert.equal(c.baseBranch, undefined);
  assert.equal(c.jsonSchemaPolicy, 'strict');
});

test('every key is read', () => {
  const c = parseConfig(
    [
      'root: ./avro/',
      'baseBranch: trunk',
      'compatibility: full_transitive',
      'naming: topic',
      'allowDelete: true',
      'jsonSchemaPolicy: lenient',
      'registry:',
      '  url: ${REG}/api',
      'lint:',
      '  requireDoc: true',
      'subjects:',
      '  - match: "avro/orders/**"',
      '    compatibility: NONE',
      '    subject: "orders-{name}"',
      '  - match: "*.json"',
      '    format: jsonschema',
    ].join('\n'),
  );
  assert.equal(c.root, 'avro');
  assert.equal(c.baseBranch, 'trunk');
  assert.equal(c.compatibility, 'FULL_TRANSITIVE');
  assert.equal(c.naming, 'topic');
  assert.equal(c.allowDelete, true);
  assert.equal(c.lint.requireDoc, true);
  assert.equal(c.jsonSchemaPolicy, 'lenient');
  assert.deepEqual(c.subjects, [
    { match: 'avro/orders/**', compatibility: 'NONE', subject: 'orders-{name}' },
    { match: '*.json', format: 'json' },
  ]);
  assert.equal(resolveRegistryUrl(c, { REG: 'http://localhost:8081' }), 'http://localhost:8081/api');
  assert.throws(() => resolveRegistryUrl(c, {}), /REG is not set/);
});

test('bad configuration: one error with the line, exit 2', () => {
  const table: Array<[string, number, RegExp]> = [
    ['root: schemas\ncompatibility: SIDEWAYS\n', 2, /unknown compatibility level 'SIDEWAYS'/],
    ['root: schemas\nsubjects:\n  - compatibility: NONE\n', 3, /needs 'match'/],
    ['root: schemas\n\nrot: x\n', 3, /unknown key 'rot'/],
    ['allowDelete: maybe\n', 1, /true or false/],
    ['naming: path\n', 1, /'file' or 'topic'/],
    ['root: schemas\njsonSchemaPolicy: loose\n', 2, /'strict' or 'lenient', not 'loose'/],
    ['root: [1\n  x: 2\n', 1, /invalid YAML/],
    ['root: schemas\nroot: again\n', 2, /invalid YAML/],
    ['- a\n- b\n', 1, /must be a mapping/],
    ['root: ../elsewhere\n', 1, /inside the repository/],
  ];
  for (const [text, line, message] of table) {
    assert.throws(
      () => parseConfig(text),
      (e: unknown) =>
        e instanceof SchemagateError &&
        e.code === 'INVALID_CONFIG' &&
        e.exitCode === 2 &&
        e.location.line === line &&
        message.test(e.message) &&
        e.location.file === 'schemagate.yaml',
      text,
    );
  }
});

test('subject naming: file, topic, and rule overrides (later rules win)', () => {
  const file = { ...DEFAULT_CONFIG };
  assert.equal(subjectSettings('schemas/orders-value.avsc', file).subject, 'orders-value');
  assert.equal(subjectSettings('schemas/nested/deep/orders.avsc', file).subject, 'orders');
  const topic = { ...DEFAULT_CONFIG, naming: 'topic' as const };
  assert.equal(subjectSettings('schemas/orders/value.avsc', topic).subject, 'orders-value');
  assert.equal(subjectSettings('schemas/agent/lifecycle/value.avsc', topic).subject, 'agent.lifecycle-value');
  assert.equal(subjectSettings('schemas/top.avsc', topic).subject, 'top');
  const rules = {
    ...DEFAULT_CONFIG,
    subjects: [
      { match: 'schemas/**', compatibility: 'FULL' as const },
      { match: 'shared/*.avsc', subject: 'com.acme.{name}', compatibility: 'NONE' as const },
    ],
  };
  assert.deepEqual(subjectSettings('schemas/shared/Base.avsc', rules), {
    subject: 'com.acme.Base',
    level: 'NONE',
    format: undefined,
  });
  assert.deepEqual(subjectSettings('schemas/orders.avsc', rules), {
    subject: 'orders',
    level: 'FULL',
    format: undefined,
  });
});

test('globs', () => {
  assert.ok(matchesGlob('schemas/a/b/c.avsc', 'schemas/**/*.avsc'));
  assert.ok(matchesGlob('schemas/c.avsc', 'schemas/**/*.avsc'));
  assert.ok(!matchesGlob('schemas/a/c.avsc', 'schemas/*.avsc'));
  assert.ok(matchesGlob('x.json', '*.{avsc,json}'));
  assert.ok(!matchesGlob('x.jsonx', '*.{avsc,json}'));
  assert.ok(matchesGlob('a.b', 'a.b') && !matchesGlob('aXb', 'a.b'));
});

test('a subjects rule may force Protobuf; an unknown format names the three', () => {
  const c = parseConfig('subjects:\n  - match: "legacy/*.json"\n    format: proto\n');
  assert.deepEqual(c.subjects, [{ match: 'legacy/*.json', format: 'protobuf' }]);
  assert.throws(
    () => parseConfig('subjects:\n  - match: "x"\n    format: thrift\n'),
    /'avro', 'json' or 'protobuf'/,
  );
});
