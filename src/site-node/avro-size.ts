import avsc from 'avsc';
import type { SchemaReference } from '../formats/format.js';

/**
 * The binary size of an example message (Avro JSON encoding, unions wrapped) as avsc encodes it;
 * undefined when avsc refuses the schema or the value (the page then shows no size).
 */
export function avroEncodedSize(
  text: string,
  references: readonly SchemaReference[],
  value: unknown,
): number | undefined {
  try {
    const registry = {};
    for (const r of references)
      avsc.Type.forSchema(JSON.parse(r.text) as avsc.Schema, { registry, wrapUnions: true });
    const type = avsc.Type.forSchema(JSON.parse(text) as avsc.Schema, { registry, wrapUnions: true });
    return type.toBuffer(type.fromString(JSON.stringify(value))).length;
  } catch {
    return undefined;
  }
}
