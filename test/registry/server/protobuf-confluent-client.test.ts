import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SchemaRegistryClient } from '@confluentinc/schemaregistry';
import { startTestRegistry, type TestRegistry } from './support.js';

// Confluent's own JavaScript client against `registry serve` for Protobuf: it must accept our answers
// for a schema with a reference (registry-protocol.md §3, §4).

const ADDRESS =
  'syntax = "proto3";\npackage acme.geo;\n\nmessage Address {\n  string street = 1;\n  string city = 2;\n}\n';
const CUSTOMER =
  'syntax = "proto3";\npackage acme.crm;\n\nimport "acme/geo/address.proto";\nimport "google/protobuf/timestamp.proto";\n\n' +
  'message Customer {\n  string name = 1;\n  acme.geo.Address address = 2;\n  google.protobuf.Timestamp since = 3;\n}\n';
const CUSTOMER_RETYPED = CUSTOMER.replace('string name = 1;', 'int32 name = 1;');
const REFS = [{ name: 'acme/geo/address.proto', subject: 'address-value', version: 1 }];

for (const shapes of ['7', '8'] as const) {
  describe(`@confluentinc/schemaregistry, Protobuf with a reference (${shapes}.x shapes)`, () => {
    let r: TestRegistry;
    let client: SchemaRegistryClient;
    before(async () => {
      r = await startTestRegistry({ shapes });
      client = new SchemaRegistryClient({ baseURLs: [r.url], maxRetries: 0 });
    });
    after(async () => {
      await client.close();
      await r.stop();
    });

    it('registers, looks up, fetches by id and latest, checks compatibility and refuses a breaking change', async () => {
      assert.equal(await client.register('address-value', { schemaType: 'PROTOBUF', schema: ADDRESS }), 1);
      const customer = { schemaType: 'PROTOBUF', schema: CUSTOMER, references: REFS };
      assert.equal(await client.register('customer-value', customer), 2);
      assert.equal(await client.getId('customer-value', customer), 2);

      const byId = await client.getBySubjectAndId('customer-value', 2);
      assert.deepEqual([byId.schemaType, byId.schema, byId.references], ['PROTOBUF', CUSTOMER, REFS]);
      const latest = await client.getLatestSchemaMetadata('customer-value');
      assert.deepEqual([latest.id, latest.version, latest.schema], [2, 1, CUSTOMER]);
      assert.deepEqual(latest.references, REFS);

      const retyped = { schemaType: 'PROTOBUF', schema: CUSTOMER_RETYPED, references: REFS };
      assert.equal(await client.testSubjectCompatibility('customer-value', retyped), false);
      await assert.rejects(client.register('customer-value', retyped), (e: Error & { status?: number }) => {
        assert.equal(e.status, 409);
        assert.match(e.message, /FIELD_SCALAR_KIND_CHANGED/);
        return true;
      });
      await assert.rejects(
        client.register('orphan-value', { schemaType: 'PROTOBUF', schema: CUSTOMER }),
        (e: Error & { status?: number }) => {
          assert.equal(e.status, 422);
          return true;
        },
      );
    });
  });
}
