import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { avroFormat, parsingCanonicalForm } from '../../../src/formats/avro/index.js';
import { MAX_JSON_DEPTH } from '../../../src/formats/json/parse.js';
import { runCli } from '../../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sg-depth-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function nestedArrays(levels: number, leaf = '"long"'): string {
  let t = leaf;
  for (let i = 0; i < levels; i++) t = `{"type":"array","items":${t}}`;
  return `{"type":"record","name":"R","fields":[{"name":"a","type":${t}}]}`;
}

function nestedRecords(levels: number, leaf = '"long"'): string {
  let t = leaf;
  for (let i = 0; i < levels; i++) t = `{"type":"record","name":"R${i}","fields":[{"name":"f","type":${t}}]}`;
  return t;
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

test('10,000-deep Avro (arrays or records) and JSON: exit 2 with the limit, not an internal error', async () => {
  let json = '{}';
  for (let i = 0; i < 10_000; i++) json = `{"type":"object","properties":{"a":${json}}}`;
  const cases: [string, string[]][] = [
    ['arrays.avsc', ['compat']],
    ['records.avsc', ['compat']],
    ['deep.json', ['compat', '--type', 'json']],
  ];
  const texts: Record<string, string> = {
    'arrays.avsc': nestedArrays(10_000),
    'records.avsc': nestedRecords(10_000),
    'deep.json': json,
  };
  for (const [name, args] of cases) {
    const path = file(name, texts[name] as string);
    const run = await runCli([...args, path, path]);
    assert.equal(run.code, 2, `${name}: ${run.stderr}`);
    assert.match(
      run.stderr,
      new RegExp(`${name}:1:\\d+: INVALID_JSON .*more than ${MAX_JSON_DEPTH} levels deep`),
    );
    assert.doesNotMatch(run.stderr, /INTERNAL_ERROR|RangeError|\n\s+at /);
    const asJson = await runCli([...args, '--json', path, path]);
    assert.equal(asJson.code, 2);
    assert.equal((JSON.parse(asJson.stdout) as { error: { code: string } }).error.code, 'INVALID_SCHEMA');
  }
});

test('just under the limit every Avro function still works (no stack overflow)', () => {
  for (const [reader, writer] of [
    [nestedArrays(MAX_JSON_DEPTH - 5), nestedArrays(MAX_JSON_DEPTH - 5, '"int"')],
    [nestedRecords(330), nestedRecords(330, '"int"')],
  ] as const) {
    const r = avroFormat.parse(reader);
    const w = avroFormat.parse(writer);
    assert.ok(r.ok && w.ok);
    assert.equal(avroFormat.check(r.schema, w.schema, { reader: 'new', writer: 'old' }).length, 0);
    assert.equal(avroFormat.check(w.schema, r.schema, { reader: 'new', writer: 'old' }).length, 1);
    assert.equal(avroFormat.diff(w.schema, r.schema).length, 1);
    assert.ok(avroFormat.canonical(r.schema).length > 0);
    assert.ok(avroFormat.normalized(r.schema).length > 0);
    assert.ok(parsingCanonicalForm(r.schema).length > 0);
  }
});
