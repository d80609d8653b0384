import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson, positionOf } from '../../src/formats/json/parse.js';
import { SchemagateError } from '../../src/errors.js';

test('values equal JSON.parse for well-formed input', () => {
  const cases = ['{"a":[1,2,{"b":null}],"c":"x\\u00e9\\n","d":-1.5e3,"e":true}', '"s"', '[]', '{}', '0'];
  for (const text of cases) assert.deepEqual(parseJson(text).value, JSON.parse(text));
});

test('positions of values and keys, with CRLF and a BOM', () => {
  const doc = parseJson('\uFEFF{\r\n  "type": "record",\r\n  "fields": [\r\n    {"name": "f1"}\r\n  ]\r\n}');
  assert.deepEqual(doc.positions.get('/type'), { line: 2, column: 11 });
  assert.deepEqual(doc.keys.get('/fields'), { line: 3, column: 3 });
  assert.deepEqual(doc.positions.get('/fields/0/name'), { line: 4, column: 14 });
  assert.deepEqual(positionOf(doc, '/fields/0/missing'), { line: 4, column: 5 });
});

test('errors name the line and column', () => {
  const table: Array<[string, number, number]> = [
    ['{\n  "a": 1,\n}', 2, 9],
    ['{\n  "a" 1\n}', 2, 7],
    ['[1, 2', 1, 6],
    ['{"a": "x\ny"}', 1, 9],
    ['', 1, 1],
    ['{} x', 1, 4],
  ];
  for (const [text, line, column] of table) {
    assert.throws(
      () => parseJson(text, 'f.avsc'),
      (e: unknown) => e instanceof SchemagateError && e.code === 'INVALID_JSON' && e.location.line === line && e.location.column === column && e.location.file === 'f.avsc',
      JSON.stringify(text),
    );
  }
});

test('__proto__ stays an ordinary key', () => {
  const v = parseJson('{"__proto__": {"x": 1}}').value as Record<string, unknown>;
  assert.deepEqual(Object.keys(v), ['__proto__']);
});
