/**
 * The demo's own small schema set, used when this repository's `schemas/` folder has no schema files
 * (for instance in a package installed without it).
 */
export const SAMPLE_SCHEMAS: Record<string, string> = {
  'schemas/customers/address.avsc': `${JSON.stringify(
    {
      type: 'record',
      name: 'Address',
      namespace: 'com.example.customers',
      doc: 'A postal address.',
      fields: [
        { name: 'street', type: 'string' },
        { name: 'city', type: 'string' },
        { name: 'country', type: 'string', doc: 'ISO 3166-1 alpha-2 code.' },
      ],
    },
    null,
    2,
  )}\n`,
  'schemas/customers/customer.avsc': `${JSON.stringify(
    {
      type: 'record',
      name: 'Customer',
      namespace: 'com.example.customers',
      doc: 'A customer as the customer service publishes it.',
      fields: [
        { name: 'id', type: 'string' },
        { name: 'name', type: 'string' },
        { name: 'address', type: 'com.example.customers.Address' },
      ],
    },
    null,
    2,
  )}\n`,
  'schemas/orders/order-placed.avsc': `${JSON.stringify(
    {
      type: 'record',
      name: 'OrderPlaced',
      namespace: 'com.example.orders',
      doc: 'An order was placed.',
      fields: [
        { name: 'orderId', type: 'string' },
        { name: 'customerId', type: 'string' },
        { name: 'amountCents', type: 'long' },
        { name: 'currency', type: 'string', default: 'EUR' },
      ],
    },
    null,
    2,
  )}\n`,
  'schemas/payments/payment-captured.json': `${JSON.stringify(
    {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'PaymentCaptured',
      type: 'object',
      properties: {
        paymentId: { type: 'string' },
        orderId: { type: 'string' },
        amountCents: { type: 'integer' },
      },
      required: ['paymentId', 'orderId', 'amountCents'],
    },
    null,
    2,
  )}\n`,
};
