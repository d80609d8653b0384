import type { FormatHandler, ParsedSchema } from '../format.js';

// Placeholder: the JSON Schema engine replaces this module.
const todo = (): never => {
  throw new Error('the JSON Schema engine is not available yet');
};
export const jsonSchemaFormat: FormatHandler<ParsedSchema> = {
  id: 'json',
  registryType: 'JSON',
  parse: todo,
  canonical: todo,
  normalized: todo,
  check: todo,
  diff: todo,
};
