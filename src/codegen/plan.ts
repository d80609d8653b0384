import { SchemagateError } from '../errors.js';
import { DECLARATION, fullNameOf, type Declaration } from '../formats/zod/declare.js';
import { parseAvro } from '../formats/avro/parse.js';
import { ModelMappingError, type MappingWarning } from '../formats/zod/errors.js';
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
  const avroTexts = new Map<string, string>();
  // Bases first: a message's text is checked with the texts of the bases it refers to.
  const ordered = [...unique].sort((a, b) => rank(a) - rank(b));
  for (const item of ordered) {
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
      assertValidAvro(fullNameOf(d), path, text, mapped.references, avroTexts);
      avroTexts.set(fullNameOf(d), text);
    }
    files.push({ path, text, declaration: d, module });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, warnings };
}

const rank = (l: LoadedDeclaration): number => (l.declaration[DECLARATION] === 'base' ? 0 : 1);

/**
 * A generated schema is read back with the registry's rules before it is written: what the mapper
 * produced and Avro refuses (a nested type named like a base it also uses, say) is an error naming the
 * model, never a file that `check` would refuse later.
 */
function assertValidAvro(
  model: string,
  path: string,
  text: string,
  references: readonly string[],
  texts: ReadonlyMap<string, string>,
): void {
  const parsed = parseAvro(text, {
    file: path,
    references: references.map((name) => ({ name, text: texts.get(name) ?? '' })),
  });
  if (!parsed.ok) {
    const first = parsed.issues[0];
    throw new ModelMappingError(
      model,
      '',
      `the generated schema is not valid Avro: ${first?.message ?? 'refused'}`,
    );
  }
}

/** A declaration exported twice (re-exported by an index module) is one declaration. */
function dedupe(loaded: readonly LoadedDeclaration[]): LoadedDeclaration[] {
  const seen = new Set<Declaration>();
  return loaded.filter((l) => (seen.has(l.declaration) ? false : (seen.add(l.declaration), true)));
}
