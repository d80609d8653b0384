import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { parseConfig } from '../../src/repo/config.js';
import { runCheck } from '../../src/repo/check.js';
import { STARTER_CONFIG } from '../../src/repo/init.js';
import { SchemagateError } from '../../src/errors.js';
import { TempRepo } from './git-fixture.js';

const root = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/validator.md', root), 'utf8');
const configSchema = JSON.parse(readFileSync(new URL('schemagate.schema.json', root), 'utf8')) as object;

/** The fenced blocks of a language that follow a heading. */
function blocks(lang: string, after: string): string[] {
  const start = doc.indexOf(after);
  assert.ok(start >= 0, after);
  return [...doc.slice(start).matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map(
    (m) => m[1]!,
  );
}

test('docs: the configuration example loads, and the shipped JSON Schema accepts it, this repo’s config and the starter', () => {
  const example = blocks('yaml', '## Configuration')[0]!;
  const config = parseConfig(example);
  assert.equal(config.naming, 'topic');
  assert.equal(config.subjects.length, 2);
  assert.equal(config.registry?.url, '${SCHEMA_REGISTRY_URL}');
  const validate = new Ajv({ strict: false }).compile(configSchema);
  for (const text of [example, readFileSync(new URL('schemagate.yaml', root), 'utf8'), STARTER_CONFIG]) {
    assert.ok(validate(parseYaml(text)), JSON.stringify(validate.errors));
  }
  assert.ok(!validate(parseYaml('compatibility: SIDEWAYS\n')));
  assert.ok(!validate(parseYaml('rot: x\n')));
});

test('docs: the bad-configuration message is what the CLI prints', () => {
  const shown = doc.match(/^schemagate: schemagate\.yaml:(\d+):(\d+): (.*)$/m)!;
  try {
    parseConfig('root: schemas\nbaseBranch: main\ncompatibility: SIDEWAYS\n');
    assert.fail('no error');
  } catch (e) {
    assert.ok(e instanceof SchemagateError);
    assert.equal(`${e.location.line}:${e.location.column}`, `${shown[1]}:${shown[2]}`);
    assert.ok(e.message.startsWith(shown[3]!.replace(/ …\)$/, '')), e.message);
  }
});

test('docs: the JSON contract example is what check --format json gives for that change', async () => {
  const shown = JSON.parse(blocks('json', 'The JSON contract:')[0]!) as {
    base: { commit: string };
    subjects: Array<{ findings: Array<{ commit: string }> }>;
  };
  const repo = new TempRepo();
  try {
    repo.write(
      'schemas/orders.avsc',
      '{\n  "type": "record",\n  "name": "Order",\n  "fields": [\n    {"name": "id", "type": "string"}\n  ]\n}\n',
    );
    const v1 = repo.commit('v1');
    repo.write(
      'schemas/orders.avsc',
      '{\n  "type": "record",\n  "name": "Order",\n  "fields": [\n    {"name": "id", "type": "string"},\n    {"name": "qty", "type": "int"}\n  ]\n}\n',
    );
    const report = JSON.parse(JSON.stringify(await runCheck({ cwd: repo.dir }))) as typeof shown;
    const normalize = (r: typeof shown, commit: string): string =>
      JSON.stringify(r).replaceAll(commit, 'C').replaceAll(commit.slice(0, 7), 'c');
    assert.equal(normalize(report, v1), normalize(shown, shown.base.commit));
  } finally {
    repo.cleanup();
  }
});

test('this repository’s schemas pass check --all, and the shared base type is a reference', async () => {
  const report = await runCheck({ cwd: new URL('.', root).pathname, mode: 'all', deepen: false });
  assert.equal(report.ok, true, JSON.stringify(report.subjects.flatMap((s) => s.findings)));
  assert.deepEqual(
    report.subjects.map((s) => [s.subject, s.level]),
    [
      ['agent.lifecycle.events-value', 'BACKWARD_TRANSITIVE'],
      ['capability.invocation.events-value', 'BACKWARD_TRANSITIVE'],
      ['clubhouse.events.EventBase', 'FULL_TRANSITIVE'],
      ['task.execution.events-value', 'BACKWARD_TRANSITIVE'],
    ],
  );
});

test('docs: the pre-commit framework example names the hook that .pre-commit-hooks.yaml defines', () => {
  const example = parseYaml(blocks('yaml', '**pre-commit framework**')[0]!) as {
    repos: Array<{ hooks: Array<{ id: string }> }>;
  };
  const defined = parseYaml(readFileSync(new URL('.pre-commit-hooks.yaml', root), 'utf8')) as Array<{
    id: string;
    entry: string;
    pass_filenames: boolean;
  }>;
  assert.equal(example.repos[0]!.hooks[0]!.id, defined[0]!.id);
  assert.equal(defined[0]!.entry, 'schemagate check --staged');
  assert.equal(defined[0]!.pass_filenames, false);
});

test('docs: the block init adds to a husky hook is the one the docs show', async () => {
  const { HUSKY_BLOCK } = await import('../../src/repo/init.js');
  assert.ok(blocks('sh', '## The pre-commit hook').includes(HUSKY_BLOCK), HUSKY_BLOCK);
});
