import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCheck } from '../../src/repo/check.js';
import { TempRepo, record } from './git-fixture.js';
import { schemagate } from './run-cli.js';

const ID = { name: 'id', type: 'string' };
const COLOR = (symbols: string[]): unknown => ({ type: 'enum', name: 'Color', symbols });

async function withRepo(body: (repo: TempRepo) => Promise<void>): Promise<void> {
  const repo = new TempRepo();
  try {
    await body(repo);
  } finally {
    repo.cleanup();
  }
}

const rows = (
  findings: Array<{ rule: string; file: string; path: string; line: number; column: number }>,
): string[] =>
  findings
    .filter((f) => f.rule.startsWith('EXAMPLE_'))
    .map((f) => `${f.rule} ${f.file}:${f.line}:${f.column} ${f.path}`);

test('examples guard, BACKWARD: an enum symbol the new schema drops fails on the example that uses it', async () => {
  await withRepo(async (repo) => {
    repo.write(
      'schemas/orders/value.avsc',
      record('Order', [ID, { name: 'color', type: COLOR(['RED', 'BLUE']) }]),
    );
    repo.write('schemas/orders/examples/red.json', '{"id": "a", "color": "RED"}\n');
    repo.write('schemas/orders/examples/blue.json', '{\n  "id": "b",\n  "color": "BLUE"\n}\n');
    repo.commit('v1');
    // The schema rules refuse this too; the example shows it on data, and the red example still passes.
    repo.write('schemas/orders/value.avsc', record('Order', [ID, { name: 'color', type: COLOR(['RED']) }]));
    const report = await runCheck({ cwd: repo.dir });
    const s = report.subjects.find((x) => x.file === 'schemas/orders/value.avsc')!;
    assert.deepEqual(rows(s.findings), [
      'EXAMPLE_NOT_READABLE schemas/orders/examples/blue.json:3:12 /color',
    ]);
    const f = s.findings.find((x) => x.rule === 'EXAMPLE_NOT_READABLE')!;
    assert.equal(f.version, 1);
    assert.equal(f.direction, 'new-reads-old');
    assert.match(
      f.message,
      /written with version 1 \([0-9a-f]{7}\), the new schema cannot read it: the reader's enum 'Color' has no symbol 'BLUE'/,
    );
    // The examples are not schemas: no subject for them.
    assert.equal(report.subjects.length, 1);
  });
});

test('examples guard, FORWARD: a field removed without a default fails for old readers; BACKWARD passes', async () => {
  await withRepo(async (repo) => {
    repo.write('schemagate.yaml', 'compatibility: FORWARD\n');
    repo.write('schemas/orders/value.avsc', record('Order', [ID, { name: 'qty', type: 'int' }]));
    repo.write('schemas/orders/examples/one.json', '{"id": "a"}\n');
    repo.commit('v1');
    repo.write('schemas/orders/value.avsc', record('Order', [ID]));
    const forward = await runCheck({ cwd: repo.dir });
    const s = forward.subjects[0]!;
    assert.deepEqual(rows(s.findings), ['EXAMPLE_NOT_READABLE schemas/orders/examples/one.json:1:1 /qty']);
    assert.match(
      s.findings.find((x) => x.rule === 'EXAMPLE_NOT_READABLE')!.message,
      /readers of version 1 .* 'qty' .* no default/,
    );

    repo.write('schemagate.yaml', 'compatibility: BACKWARD\n');
    const backward = await runCheck({ cwd: repo.dir });
    assert.deepEqual(rows(backward.subjects[0]!.findings), []);
    assert.equal(backward.ok, true);
  });
});

test('examples guard: transitive levels read examples of every version; an example of no version is EXAMPLE_INVALID', async () => {
  await withRepo(async (repo) => {
    repo.write(
      'schemagate.yaml',
      'compatibility: BACKWARD_TRANSITIVE\nexamples: "{dir}/samples/{name}/*.json"\n',
    );
    repo.write('schemas/orders.avsc', record('Order', [ID, { name: 'n', type: 'int' }]));
    repo.write('schemas/samples/orders/v1.json', '{"id": "a", "n": 1}\n');
    repo.commit('v1');
    repo.write('schemas/orders.avsc', record('Order', [ID, { name: 'n', type: 'long' }]));
    repo.commit('v2');
    // v3 narrows back to int. An example is data of every version it decodes with: v1.json is v2 data too
    // (a long the int reader cannot take, whatever its value), and v2.json is v2 data only.
    repo.write('schemas/samples/orders/v2.json', '{"id": "b", "n": 5000000000}\n');
    repo.write('schemas/samples/orders/typo.json', '{"id": "c", "n": "x"}\n');
    repo.write('schemas/orders.avsc', record('Order', [ID, { name: 'n', type: 'int' }]));
    const report = await runCheck({ cwd: repo.dir });
    assert.deepEqual(rows(report.subjects[0]!.findings).sort(), [
      'EXAMPLE_INVALID schemas/samples/orders/typo.json:1:18 /n',
      'EXAMPLE_NOT_READABLE schemas/samples/orders/v1.json:1:18 /n',
      'EXAMPLE_NOT_READABLE schemas/samples/orders/v2.json:1:18 /n',
    ]);
    const v1 = report.subjects[0]!.findings.filter((f) => f.file.endsWith('v1.json'));
    assert.deepEqual(
      v1.map((f) => f.version),
      [2],
    );
    // Non-transitive BACKWARD reads against the latest version only: the same answer here, from v2.
    repo.write('schemagate.yaml', 'compatibility: BACKWARD\nexamples: "{dir}/samples/{name}/*.json"\n');
    const latest = await runCheck({ cwd: repo.dir });
    assert.equal(rows(latest.subjects[0]!.findings).length, 3);
  });
});

test('examples guard in the CLI: every report format names the example file; JSON Schema examples too', async () => {
  await withRepo(async (repo) => {
    repo.write(
      'schemas/users.json',
      JSON.stringify({
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties: { age: { type: 'integer' } },
      }),
    );
    repo.write('schemas/examples/adult.json', '{"age": 40}\n');
    repo.commit('v1');
    // Adding a maximum: BACKWARD (the new schema reads old data) fails on the example that exceeds it.
    repo.write(
      'schemas/users.json',
      JSON.stringify({
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties: { age: { type: 'integer', maximum: 30 } },
      }),
    );
    const text = await schemagate(['check'], repo.dir);
    assert.equal(text.code, 1, text.stdout + text.stderr);
    assert.match(
      text.stdout,
      /^schemas\/examples\/adult\.json:1:9: EXAMPLE_NOT_READABLE written with version 1/m,
    );
    const gh = await schemagate(['check', '--format', 'github'], repo.dir);
    assert.match(
      gh.stdout,
      /^::error file=schemas\/examples\/adult\.json,line=1,col=9,title=schemagate EXAMPLE_NOT_READABLE::/m,
    );
    const sarif = (await schemagate(['check', '--format', 'sarif'], repo.dir)).stdout;
    assert.match(sarif, /"ruleId": ?"EXAMPLE_NOT_READABLE"/);
    assert.match((await schemagate(['check', '--format', 'junit'], repo.dir)).stdout, /EXAMPLE_NOT_READABLE/);
    assert.match(
      (await schemagate(['check', '--format', 'markdown'], repo.dir)).stdout,
      /EXAMPLE_NOT_READABLE/,
    );
  });
});

test('examples: a template outside the repository is INVALID_CONFIG; example files are never schemas', async () => {
  const { parseConfig } = await import('../../src/repo/config.js');
  const { isSchemaPath } = await import('../../src/repo/subjects.js');
  assert.throws(
    () => parseConfig('examples: "../elsewhere/*.json"\n'),
    /'examples' must be a glob inside the schema root/,
  );
  const config = parseConfig('');
  assert.equal(isSchemaPath('schemas/orders/examples/a.json', config), false);
  assert.equal(isSchemaPath('schemas/orders/value.json', config), true);
  const custom = parseConfig('examples: "{dir}/samples/{name}/*.json"\n');
  assert.equal(isSchemaPath('schemas/samples/orders/a.json', custom), false);
  assert.equal(isSchemaPath('schemas/orders/examples/a.json', custom), true);
});
