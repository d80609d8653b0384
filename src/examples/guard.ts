import { directionsOf, isTransitive, type CompatibilityLevel } from '../compat/level.js';
import { SchemagateError } from '../errors.js';
import type { ParsedSchema, SchemaReference } from '../formats/format.js';
import { parseJson, positionOf, type JsonDocument } from '../formats/json/parse.js';
import type { Finding } from '../report/model.js';
import type { ParsedVersion } from '../repo/versions.js';
import { dataEngineOf } from './engines.js';

/** One committed example: its path and bytes. */
export interface Example {
  file: string;
  bytes: Buffer;
}

export interface GuardInput {
  level: CompatibilityLevel;
  candidate: ParsedSchema;
  /** Every version of the subject's history, oldest first (the candidate not among them). */
  versions: ParsedVersion[];
  examples: Example[];
  /** The documents the schemas reference (JSON Schema `$ref`s to other files). */
  references?: readonly SchemaReference[];
}

/**
 * The data-level guard: each example must still be read in the direction the level requires. BACKWARD:
 * an example that is data of an earlier version (the latest, or every one when transitive) must be read
 * by the new schema; FORWARD: an example that is data of the new schema must be read by those versions'
 * readers; FULL both. An example that is data of no version at all is EXAMPLE_INVALID: it guards nothing.
 */
export async function exampleFindings(input: GuardInput): Promise<Finding[]> {
  const engine = dataEngineOf(input.candidate.format, input.references);
  if (engine === undefined) return [];
  const against = isTransitive(input.level) ? input.versions : input.versions.slice(-1);
  const directions = directionsOf(input.level);
  const out: Finding[] = [];
  for (const example of input.examples) {
    let doc: JsonDocument;
    try {
      doc = parseJson(example.bytes.toString('utf8'), example.file);
    } catch (e) {
      const at = e instanceof SchemagateError ? e.location : {};
      out.push(
        finding(example.file, { line: at.line ?? 1, column: at.column ?? 1 }, 'EXAMPLE_INVALID', '', {
          message: `the example is not JSON: ${(e as Error).message}`,
          fix: 'fix the JSON, or remove the file from the examples',
        }),
      );
      continue;
    }
    const at = (pointer: string): { line: number; column: number } => positionOf(doc, pointer);
    const newIssue = await engine.decodes(input.candidate, doc.value);
    const writtenWith: ParsedVersion[] = [];
    for (const v of input.versions)
      if ((await engine.decodes(v.schema, doc.value)) === undefined) writtenWith.push(v);
    if (newIssue !== undefined && writtenWith.length === 0) {
      out.push(
        finding(example.file, at(newIssue.path), 'EXAMPLE_INVALID', newIssue.path, {
          message: `the example is data of neither the new schema nor any earlier version: ${newIssue.reason}`,
          fix: 'correct the example (Avro: the JSON encoding, unions as {"type": value}), or remove it',
        }),
      );
      continue;
    }
    if (directions.includes('new-reads-old'))
      for (const v of against.filter((x) => writtenWith.includes(x))) {
        const issue = await engine.reads(v.schema, input.candidate, doc.value);
        if (issue !== undefined)
          out.push(
            finding(example.file, at(issue.path), 'EXAMPLE_NOT_READABLE', issue.path, {
              message: `written with version ${v.version} (${v.commit.slice(0, 7)}), the new schema cannot read it: ${issue.reason} (${input.level})`,
              fix: 'keep the new schema able to read old data (a default, an alias, the old symbol), or choose another compatibility level',
              direction: 'new-reads-old',
              version: v.version,
              commit: v.commit,
            }),
          );
      }
    if (directions.includes('old-reads-new') && newIssue === undefined)
      for (const v of against) {
        const issue = await engine.reads(input.candidate, v.schema, doc.value);
        if (issue !== undefined)
          out.push(
            finding(example.file, at(issue.path), 'EXAMPLE_NOT_READABLE', issue.path, {
              message: `written with the new schema, readers of version ${v.version} (${v.commit.slice(0, 7)}) cannot read it: ${issue.reason} (${input.level})`,
              fix: 'keep old readers able to read new data (a default on removed fields, an enum default), or choose another compatibility level',
              direction: 'old-reads-new',
              version: v.version,
              commit: v.commit,
            }),
          );
      }
  }
  return out;
}

function finding(
  file: string,
  pos: { line: number; column: number },
  rule: 'EXAMPLE_INVALID' | 'EXAMPLE_NOT_READABLE',
  path: string,
  rest: Pick<Finding, 'message' | 'fix'> & Partial<Pick<Finding, 'direction' | 'version' | 'commit'>>,
): Finding {
  return {
    rule,
    severity: 'error',
    path,
    file,
    line: pos.line,
    column: pos.column,
    version: null,
    commit: null,
    ...rest,
  };
}
