import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { avroRecord, startTestRegistry, type TestRegistry } from './support.js';

const TEMPLATES = [
  '/subjects/{s}/versions',
  '/subjects/{s}',
  '/subjects/{s}/versions/{v}',
  '/subjects/{s}/versions/{v}/schema',
  '/subjects/{s}/versions/{v}/referencedby',
  '/compatibility/subjects/{s}/versions/{v}',
  '/compatibility/subjects/{s}/versions',
  '/config/{s}',
  '/mode/{s}',
  '/schemas/ids/{v}',
  '/schemas/ids/{v}/versions',
  '/subjects',
  '/config',
  '/mode',
];

const segment = fc.oneof(
  fc.constantFrom('base', 'latest', '1', '-1', '0', '2147483648', '__GLOBAL', ':.:', ':.ctx:x', '%', '..'),
  fc.string({ maxLength: 12 }),
);

const body = fc.oneof(
  fc.json(),
  fc.string(),
  fc.record({
    schema: fc.oneof(fc.constant(avroRecord('base', ['a'], ['b'])), fc.string(), fc.json()),
    schemaType: fc.option(fc.constantFrom('AVRO', 'JSON', 'PROTOBUF', 'avro', 'XML'), { nil: undefined }),
    references: fc.option(
      fc.array(fc.record({ name: fc.string(), subject: segment, version: fc.integer({ min: -2, max: 3 }) }), {
        maxLength: 2,
      }),
      {
        nil: undefined,
      },
    ),
    compatibility: fc.option(fc.constantFrom('NONE', 'full', 'bogus'), { nil: undefined }),
    mode: fc.option(fc.constantFrom('READONLY', 'READWRITE', 'IMPORT', 'nope'), { nil: undefined }),
    id: fc.option(fc.integer({ min: -1, max: 5 }), { nil: undefined }),
  }),
);

describe('random requests', () => {
  let r: TestRegistry;
  before(async () => {
    r = await startTestRegistry();
    await r.call('POST', '/subjects/base/versions', { schema: avroRecord('base', ['a']) });
  });
  after(async () => {
    await r.stop();
  });

  it('never answer 500, always answer JSON with the registry error envelope, and leave the server serving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
        fc.constantFrom(...TEMPLATES),
        segment,
        segment,
        fc.option(body, { nil: undefined }),
        fc.constantFrom(
          '',
          '?deleted=true',
          '?permanent=true',
          '?verbose=true',
          '?force=true',
          '?normalize=true&limit=x',
        ),
        async (method, template, s, v, payload, query) => {
          const path =
            template.replace('{s}', encodeURIComponent(s)).replace('{v}', encodeURIComponent(v)) + query;
          const sent =
            method === 'GET' || method === 'DELETE'
              ? undefined
              : typeof payload === 'string'
                ? payload
                : JSON.stringify(payload ?? null);
          const res = await r.call(method, path, sent);
          assert.notEqual(res.status, 500, `${method} ${path} ${sent ?? ''} → ${res.text}`);
          assert.ok(res.status < 500, `${method} ${path} → ${res.status} ${res.text}`);
          if (res.status >= 400) {
            const e = res.body as { error_code?: unknown; message?: unknown };
            assert.equal(typeof e.error_code, 'number', res.text);
            assert.equal(typeof e.message, 'string', res.text);
          }
          // Leave the registry writable for the next run.
          if (path.startsWith('/mode')) await r.call('DELETE', '/mode');
        },
      ),
      { numRuns: 300 },
    );
    // Random deletes may have removed anything; the server must still answer.
    assert.equal((await r.call('GET', '/subjects?deleted=true')).status, 200);
  });
});
