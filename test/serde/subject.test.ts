import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SerdeError, subjectName, type SubjectNameStrategy } from '../../src/serde/index.js';
import { thrown } from './support.js';

test('subject name strategies name subjects as Confluent does', () => {
  const custom: SubjectNameStrategy = (topic, role, name) => `${role}.${topic}.${name ?? 'anon'}`;
  const cases: Array<[SubjectNameStrategy, string, 'key' | 'value', string | undefined, string]> = [
    ['topic', 'orders', 'value', 'com.acme.Order', 'orders-value'],
    ['topic', 'orders', 'key', undefined, 'orders-key'],
    ['record', 'orders', 'value', 'com.acme.Order', 'com.acme.Order'],
    ['record', 'payments', 'key', 'com.acme.Order', 'com.acme.Order'],
    ['topic-record', 'orders', 'value', 'com.acme.Order', 'orders-com.acme.Order'],
    [custom, 'orders', 'key', undefined, 'key.orders.anon'],
    [custom, 'orders', 'value', 'X', 'value.orders.X'],
  ];
  for (const [strategy, topic, role, name, expected] of cases) {
    assert.equal(subjectName(strategy, topic, role, name), expected, `${String(strategy)} ${topic} ${role}`);
  }
});

test('record strategies need a named schema', () => {
  for (const strategy of ['record', 'topic-record'] as const) {
    const error = thrown(() => subjectName(strategy, 'orders', 'value', undefined));
    assert.ok(error instanceof SerdeError);
    assert.equal(error.reason, 'NO_SUBJECT');
    assert.match(error.message, new RegExp(`the ${strategy} subject name strategy needs a named schema`));
  }
});
