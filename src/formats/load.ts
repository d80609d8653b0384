import type { FormatHandler, FormatId, ParsedSchema } from './format.js';

/** The JSON Schema allow-list: STRICT (the registry's default) or LENIENT (8.x `compatibilityPolicy`). */
export type JsonSchemaPolicy = 'strict' | 'lenient';

const loaded = new Map<string, Promise<FormatHandler<ParsedSchema>>>();

/**
 * The handler of a format, its engine imported on first use: the JSON Schema engine brings ajv (~40 ms
 * of module loading), which a hook checking Avro files only should not pay for. `formatById` in
 * registry.ts is the synchronous form, for callers that load both engines anyway.
 */
export function loadFormat(
  id: FormatId,
  options: { policy?: JsonSchemaPolicy } = {},
): Promise<FormatHandler<ParsedSchema>> {
  const policy = id === 'json' ? (options.policy ?? 'strict') : 'strict';
  const key = `${id}:${policy}`;
  let handler = loaded.get(key);
  if (handler === undefined) {
    handler =
      id === 'avro'
        ? import('./avro/index.js').then((m) => m.avroFormat as FormatHandler<ParsedSchema>)
        : id === 'protobuf'
          ? import('./protobuf/index.js').then((m) => m.protobufFormat as FormatHandler<ParsedSchema>)
          : import('./jsonschema/index.js').then(
              (m) =>
                (policy === 'strict'
                  ? m.jsonSchemaFormat
                  : m.jsonSchemaFormatWith({ policy })) as FormatHandler<ParsedSchema>,
            );
    loaded.set(key, handler);
  }
  return handler;
}
