import type { FormatHandler, ParsedSchema } from '../format.js';

// Placeholder: the Avro engine replaces this module.
const todo = (): never => {
  throw new Error('the Avro engine is not available yet');
};
export const avroFormat: FormatHandler<ParsedSchema> = {
  id: 'avro',
  registryType: 'AVRO',
  parse: todo,
  canonical: todo,
  normalized: todo,
  check: todo,
  diff: todo,
};
