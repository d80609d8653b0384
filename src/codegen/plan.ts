import { SchemagateError } from '../errors.js';
import { DECLARATION, fullNameOf, type Declaration } from '../formats/zod/declare.js';
import type { MappingWarning } from '../formats/zod/errors.js';
import { declarationToAvro } from '../formats/zod/to-avro.js';
import { declarationToJsonSchema, jsonSchemaIdOf } from '../formats/zod/to-json-schema.js';
import { formatAvsc } from '../formats/zod/write-avsc.js';
import { defOf, type ZodDef } from '../formats/zod/zod-view.js';
import type { SchemagateConfig } from '../repo/config.js';
import { schemaPathOf } from './layout.js';

/** A declaration found in a module: where it came from, for messages. */
export interface LoadedDeclaration {
  module: string;
  /** The export's name. */
  exportName: string;
  declaration: Declaration;
}

export interface GeneratedFile {
  /** From the repository root, `/` separators. */
  path: string;
  text: string;
  declaration: Declaration;
  module: string;
}

export interface GenerationPlan {
  files: GeneratedFile[];
  warnings: MappingWarning[];
}

/**
 * The schema files the declarations give, in the project's layout: one per declaration, shared base
 * types referred to by name (Avro) or `$id` (JSON Schema). Two declarations writing one file, or two
 * bases with one name, are an error rather than a file that depends on the order of the modules.
 */
export function planGeneration(
  loaded: readonly LoadedDeclaration[],
  config: SchemagateConfig,
): GenerationPlan {
  const unique = dedupe(loaded);
  const avroBases = new Map<ZodDef, string>();
  const jsonBases = new Map<ZodDef, string>();
  for (const { declaration: d, module } of unique) {
    if (d[DECLARATION] !== 'base') continue;
    const def = defOf(d.model);
    if (avroBases.has(def))
      throw new SchemagateError(
        'INVALID_ARGUMENT',
        `${module}: the model of ${d.name} is declared as a base twice`,
      );
    avroBases.set(def, fullNameOf(d));
    jsonBases.set(def, jsonSchemaIdOf(d));
  }
  const files: GeneratedFile[] = [];
  const warnings: MappingWarning[] = [];
  const byPath = new Map<string, LoadedDeclaration>();
  for (const item of unique) {
    const { declaration: d, module } = item;
    const path = schemaPathOf(d, config, module);
    const other = byPath.get(path);
    if (other !== undefined)
      throw new SchemagateError(
        'INVALID_ARGUMENT',
        `${module}: ${item.exportName} and ${other.module}: ${other.exportName} would both write ${path}`,
      );
    byPath.set(path, item);
    let text: string;
    if (d.format === 'json')
      text = `${JSON.stringify(declarationToJsonSchema(d, jsonBases).schema, null, 2)}\n`;
    else {
      const mapped = declarationToAvro(d, avroBases);
      warnings.push(...mapped.warnings);
      text = formatAvsc(mapped.schema);
    }
    files.push({ path, text, declaration: d, module });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, warnings };
}

/** A declaration exported twice (re-exported by an index module) is one declaration. */
function dedupe(loaded: readonly LoadedDeclaration[]): LoadedDeclaration[] {
  const seen = new Set<Declaration>();
  return loaded.filter((l) => (seen.has(l.declaration) ? false : (seen.add(l.declaration), true)));
}
