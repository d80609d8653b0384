import { TempRepo } from '../repo/git-fixture.js';

/** Schemas that use every mapping: a shared base in its own file, nested and reused named types, JSON Schema $defs. */
export const SCHEMAS: Record<string, unknown> = {
  'schemas/base.avsc': {
    type: 'record',
    name: 'Base',
    namespace: 'com.acme',
    doc: 'What every event has.',
    fields: [
      { name: 'id', type: 'string', doc: 'Unique id.' },
      { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' }, doc: 'When it happened.' },
    ],
  },
  'schemas/orders/value.avsc': {
    type: 'record',
    name: 'OrderPlaced',
    namespace: 'com.acme.orders',
    doc: 'An order was placed.\nSecond line of the doc.',
    fields: [
      { name: 'base', type: 'com.acme.Base', doc: 'The common part.' },
      { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'], default: 'NEW' } },
      {
        name: 'lines',
        type: {
          type: 'array',
          items: {
            type: 'record',
            name: 'Line',
            fields: [
              { name: 'sku', type: 'string' },
              { name: 'qty', type: 'int' },
              { name: 'price', type: 'double' },
            ],
          },
        },
      },
      { name: 'gift', type: ['null', 'Line'], default: null, doc: 'A line given for free.' },
      { name: 'note', type: ['null', 'string'], default: null },
      { name: 'attrs', type: { type: 'map', values: ['null', 'long'] } },
      { name: 'hash', type: { type: 'fixed', name: 'Md5', size: 16 } },
      { name: 'raw', type: 'bytes' },
      { name: 'flag', type: 'boolean' },
    ],
  },
  'schemas/users.json': {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'user',
    description: 'A user of the shop.',
    type: 'object',
    required: ['name', 'role'],
    properties: {
      name: { type: 'string', description: 'Display name.' },
      age: { type: 'integer' },
      role: { enum: ['admin', 'buyer'] },
      address: { $ref: '#/definitions/address' },
      tags: { type: 'array', items: { type: 'string' } },
      'x-legacy': { type: ['string', 'null'] },
    },
    definitions: {
      address: {
        type: 'object',
        description: 'Where to ship.',
        required: ['city'],
        properties: { city: { type: 'string' }, zip: { type: 'string' } },
      },
    },
  },
};

export function typesRepo(): TempRepo {
  const repo = new TempRepo();
  for (const [path, schema] of Object.entries(SCHEMAS))
    repo.write(path, `${JSON.stringify(schema, null, 2)}\n`);
  repo.commit('schemas');
  return repo;
}
