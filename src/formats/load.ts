import type { FormatHandler, FormatId, ParsedSchema } from './format.js';

const loaded = new Map<FormatId, Promise<FormatHandler<ParsedSchema>>>();

/**
 * The handler of a format, its engine imported on first use: the JSON Schema engine brings ajv (~40 ms
 * of module loading), which a hook checking Avro files only should not pay for. `formatById` in
 * registry.ts is the synchronous form, for callers that load both engines anyway.
 */
export function loadFormat(id: FormatId): Promise<FormatHandler<ParsedSchema>> {
  let handler = loaded.get(id);
  if (handler === undefined) {
    handler =
      id === 'avro'
        ? import('./avro/index.js').then((m) => m.avroFormat as FormatHandler<ParsedSchema>)
        : import('./jsonschema/index.js').then((m) => m.jsonSchemaFormat as FormatHandler<ParsedSchema>);
    loaded.set(id, handler);
  }
  return handler;
}
