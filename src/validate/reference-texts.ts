import type { SchemaReference } from '../formats/format.js';
import type { SerdeRegistry, SerdeSchema, SerdeSchemaReference } from '../serde/registry.js';
import { SerdeError } from '../serde/errors.js';

/**
 * The documents a JSON Schema references, served to the serializers' compiler as a registry that holds
 * each under its reference name (version 1): the compiler adds them to ajv as the registry's references.
 * Only `getVersion` is asked for; the other calls have nothing to answer.
 */
export class ReferenceTexts implements SerdeRegistry {
  private readonly texts: Map<string, string>;

  constructor(references: readonly SchemaReference[]) {
    this.texts = new Map(references.map((r) => [r.name, r.text]));
  }

  /** The references as the serializers name them. */
  references(): SerdeSchemaReference[] {
    return [...this.texts.keys()].map((name) => ({ name, subject: name, version: 1 }));
  }

  async getVersion(subject: string): Promise<SerdeSchema & { id: number; version: number }> {
    const text = this.texts.get(subject);
    if (text === undefined)
      throw new SerdeError('INVALID_SCHEMA', `no referenced document named '${subject}'`);
    return { schema: text, schemaType: 'JSON', id: 0, version: 1 };
  }

  register(): never {
    throw new SerdeError('INVALID_SCHEMA', 'referenced documents are read only');
  }

  lookup(): never {
    throw new SerdeError('INVALID_SCHEMA', 'referenced documents are read only');
  }

  getSchemaById(): never {
    throw new SerdeError('INVALID_SCHEMA', 'referenced documents have no ids');
  }
}
