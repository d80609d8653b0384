import { toJSONSchema } from 'zod/v4/core';
import { fullNameOf, type Declaration } from './declare.js';
import { ModelMappingError } from './errors.js';
import { defOf, typeMeta, type ZodDef } from './zod-view.js';

export interface JsonSchemaMapping {
  schema: Record<string, unknown>;
  /** `$id`s of the shared base types the schema refers to. */
  references: string[];
}

/** The `$id` of a declaration's JSON Schema. */
export function jsonSchemaIdOf(decl: Declaration): string {
  return decl.id ?? fullNameOf(decl);
}

/**
 * A declaration's JSON Schema (draft 2020-12), by zod's own `toJSONSchema`: the declaration gives `$id`,
 * title and description; a type with `.meta({ id })` becomes a `$defs` entry, and a shared base type a
 * `$ref` to the base's own file (by its `$id`). schemagate's Avro options are left out.
 */
export function declarationToJsonSchema(
  decl: Declaration,
  bases: ReadonlyMap<ZodDef, string> = new Map(),
): JsonSchemaMapping {
  const own = defOf(decl.model);
  const references = new Set<string>();
  let schema: Record<string, unknown>;
  try {
    schema = toJSONSchema(decl.model as never, {
      target: 'draft-2020-12',
      unrepresentable: 'throw',
      io: 'output',
      override: (ctx) => {
        const json = ctx.jsonSchema as Record<string, unknown>;
        delete json.avro;
        const base = bases.get((ctx.zodSchema as unknown as { _zod: { def: ZodDef } })._zod.def);
        if (base === undefined || (ctx.zodSchema as unknown as { _zod: { def: ZodDef } })._zod.def === own)
          return;
        for (const k of Object.keys(json)) if (k !== 'description') delete json[k];
        json.$ref = base;
        references.add(base);
      },
    }) as Record<string, unknown>;
  } catch (e) {
    throw new ModelMappingError(
      fullNameOf(decl),
      '',
      `no JSON Schema: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const { $schema, ...rest } = schema;
  const doc = decl.doc ?? typeMeta(decl.model).description;
  return {
    schema: {
      $schema,
      $id: jsonSchemaIdOf(decl),
      title: decl.name,
      ...(doc === undefined ? {} : { description: doc }),
      ...rest,
    },
    references: [...references].sort(),
  };
}
