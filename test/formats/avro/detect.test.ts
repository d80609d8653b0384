import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectFormat } from '../../../src/formats/registry.js';
import type { JsonValue } from '../../../src/formats/json/parse.js';

test('detectFormat tells Avro from JSON Schema', () => {
  const cases: [string, JsonValue | undefined, 'avro' | 'json'][] = [
    ['a.avsc', { type: 'object' }, 'avro'],
    ['a.json', { type: 'record', name: 'R', fields: [] }, 'avro'],
    ['a.json', { type: 'enum', name: 'E', symbols: ['A'] }, 'avro'],
    ['a.json', ['null', 'string'], 'avro'],
    ['a.json', 'string', 'avro'],
    ['a.json', { type: 'array', items: 'string' }, 'avro'],
    ['a.json', { type: 'array', items: ['null', 'long'] }, 'avro'],
    ['a.json', { type: 'map', values: 'long' }, 'avro'],
    ['a.json', { type: 'long' }, 'avro'],
    ['a.json', { type: 'array', items: { type: 'string' } }, 'json'],
    ['a.json', { type: 'object', properties: { a: { type: 'string' } } }, 'json'],
    ['a.json', { $schema: 'http://json-schema.org/draft-07/schema#' }, 'json'],
    ['a.json', { type: 'string' }, 'json'],
    ['a.json', undefined, 'json'],
  ];
  for (const [file, value, expected] of cases)
    assert.equal(detectFormat(file, value), expected, JSON.stringify(value));
});
