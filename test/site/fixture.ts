import { TempRepo } from '../repo/git-fixture.js';

const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

export const MONEY = {
  type: 'record',
  name: 'Money',
  namespace: 'com.acme',
  fields: [
    { name: 'units', type: 'long', doc: 'whole units' },
    { name: 'currency', type: 'string', default: 'EUR' },
  ],
};

const order = (extra: Array<Record<string, unknown>>): unknown => ({
  type: 'record',
  name: 'Order',
  namespace: 'com.acme',
  doc: 'An order placed in the shop',
  fields: [
    { name: 'id', type: 'string', doc: 'order id' },
    { name: 'total', type: 'com.acme.Money' },
    { name: 'placed', type: { type: 'long', logicalType: 'timestamp-millis' } },
    ...extra,
  ],
});

const NOTE = { name: 'note', type: ['null', 'string'], default: null, aliases: ['remark'] };
const STATUS = { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'] } };

export const ADDRESS = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'address.json',
  type: 'object',
  properties: { street: { type: 'string' }, city: { type: 'string', description: 'city name' } },
  required: ['city'],
};

const customer = (props: Record<string, unknown>, required: string[]): unknown => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: { name: { type: 'string' }, address: { $ref: 'address.json' }, ...props },
  required,
  additionalProperties: false,
});

/** A Protobuf schema with a message from another file, a well-known type, an enum, a oneof and comments. */
const payment = (extra: string): string => `syntax = "proto3";
package acme;
import "currency.proto";
import "google/protobuf/timestamp.proto";

// A payment for an order.
message Payment {
  // payment id
  string id = 1;
  acme.Currency currency = 2;
  int64 amount_cents = 3;
  repeated Method methods = 4;
  google.protobuf.Timestamp paid_at = 5;
${extra}  oneof source {
    string card = 7;
    string iban = 8;
  }

  enum Method {
    UNKNOWN = 0;
    CARD = 1;
  }
}
`;

/**
 * A repository with an Avro subject that takes a named type from another file (orders-value uses
 * com.acme.Money from money.avsc) in three versions (the third breaks BACKWARD), a key subject, and a
 * JSON Schema subject with a `$ref` to another file, in two versions, and a Protobuf subject that imports
 * another file, in two versions (the second adds a map field).
 */
export function docsRepo(): TempRepo {
  const repo = new TempRepo();
  repo
    .write('schemagate.yaml', 'compatibility: BACKWARD\n')
    .write('schemas/money.avsc', json(MONEY))
    .write('schemas/orders-value.avsc', json(order([])))
    .write('schemas/orders-key.avsc', json({ type: 'string' }))
    .write('schemas/address.json', json(ADDRESS))
    .write('schemas/customer.json', json(customer({}, ['name'])))
    .write(
      'schemas/currency.proto',
      'syntax = "proto3";\npackage acme;\nmessage Currency { string code = 1; }\n',
    )
    .write('schemas/payment.proto', payment(''))
    .commit('first schemas');
  repo.write('schemas/orders-value.avsc', json(order([NOTE]))).commit('orders: optional note');
  repo
    .write('schemas/customer.json', json(customer({ email: { type: 'string', format: 'email' } }, ['name'])))
    .commit('customer: email');
  repo
    .write('schemas/orders-value.avsc', json(order([NOTE, STATUS])))
    .commit('orders: status without default');
  repo
    .write('schemas/payment.proto', payment('  map<string, string> labels = 6;\n'))
    .commit('payment: labels');
  return repo;
}
