import type { PairContext, PairFinding } from '../../compat/finding.js';
import type { Direction } from '../../compat/level.js';
import { SchemagateError } from '../../errors.js';
import type {
  FormatHandler,
  JsonBackedSchema,
  ParseOptions,
  ParseResult,
  SchemaChange,
  SchemaIssue,
} from '../format.js';
import { parseJson, positionOf, type JsonDocument, type JsonValue } from '../json/parse.js';
import { allowedChanges, type ChangeType, type Policy } from './changes.js';
import { compareSchemaNodes, stableJson, type JsonSchemaChange } from './diff.js';
import { draftOf, loadSchema, type ReferencedDocument } from './load.js';
import { explainChange, explainForwardChange } from './messages.js';
import type { JsonSchemaDraft, SchemaNode } from './model.js';
import { validateAgainstDraft } from './validate.js';

export {
  CHANGE_TYPES,
  STRICT_ALLOWED,
  LENIENT_ALLOWED,
  allowedChanges,
  parsePolicy,
  type ChangeType,
  type Policy,
} from './changes.js';
export { compareSchemaNodes, type JsonSchemaChange, type DiffOutcome } from './diff.js';
export { explainChange, explainForwardChange, type ChangeExplanation } from './messages.js';
export type { JsonSchemaDraft } from './model.js';

export interface JsonSchemaParsed extends JsonBackedSchema {
  format: 'json';
  draft: JsonSchemaDraft;
  /** The loaded model the diff works on, with `$ref`s resolved. */
  root: SchemaNode;
}

export interface JsonSchemaFormatOptions {
  /** The registry's `compatibilityPolicy`: STRICT (default) or LENIENT allow-list. */
  policy?: Policy;
}

function issueAt(doc: JsonDocument | undefined, rule: string, message: string, pointer: string): SchemaIssue {
  const pos = doc === undefined ? { line: 1, column: 1 } : positionOf(doc, pointer);
  return { rule, message, pointer, line: pos.line, column: pos.column };
}

function parseReferences(references: ParseOptions['references']): {
  docs: ReferencedDocument[];
  issues: SchemaIssue[];
} {
  const docs: ReferencedDocument[] = [];
  const issues: SchemaIssue[] = [];
  for (const r of references ?? []) {
    try {
      docs.push({ name: r.name, value: parseJson(r.text, r.name).value });
    } catch (e) {
      if (!(e instanceof SchemagateError)) throw e;
      issues.push({
        rule: 'INVALID_JSON',
        message: `the referenced schema '${r.name}' is not valid JSON: ${e.message} (line ${e.location.line ?? 1}, column ${e.location.column ?? 1})`,
        pointer: '',
        line: 1,
        column: 1,
      });
    }
  }
  return { docs, issues };
}

/** Parses and validates a JSON Schema: JSON syntax, the draft's meta-schema, `$ref`s and patterns. */
export function parseJsonSchema(text: string, options: ParseOptions = {}): ParseResult<JsonSchemaParsed> {
  let doc: JsonDocument;
  try {
    doc = parseJson(text, options.file);
  } catch (e) {
    if (!(e instanceof SchemagateError)) throw e;
    return {
      ok: false,
      issues: [
        {
          rule: 'INVALID_JSON',
          message: e.message,
          pointer: '',
          line: e.location.line ?? 1,
          column: e.location.column ?? 1,
        },
      ],
    };
  }
  const value = doc.value;
  if (typeof value !== 'boolean' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    return {
      ok: false,
      issues: [issueAt(doc, 'INVALID_SCHEMA', 'a JSON Schema must be an object or a boolean', '')],
    };
  }
  const draft = draftOf(value);
  // Old versions are read leniently, as the registry does (§4.4): only the new schema must be valid.
  const lenient = options.lenient === true;
  const issues: SchemaIssue[] = (lenient ? [] : validateAgainstDraft(value, draft)).map((m) =>
    issueAt(
      doc,
      'INVALID_SCHEMA',
      `invalid JSON Schema (${draft}): ${m.pointer === '' ? 'the schema' : `'#${m.pointer}'`} ${m.message}`,
      m.pointer,
    ),
  );
  const refs = parseReferences(options.references);
  issues.push(...refs.issues);
  const loaded = loadSchema(value, refs.docs);
  if (!lenient) for (const i of loaded.issues) issues.push(issueAt(doc, i.rule, i.message, i.pointer));
  if (issues.length > 0)
    return { ok: false, issues: issues.sort((x, y) => x.line - y.line || x.column - y.column) };
  const schema: JsonSchemaParsed = { format: 'json', text, doc, draft, root: loaded.root };
  if (options.file !== undefined) schema.file = options.file;
  return { ok: true, schema };
}

/** The deepest pointer at or above `pointer` that exists in `doc` (a change may name a keyword that is absent). */
function existingPointer(doc: JsonDocument, pointer: string): string {
  let p = pointer;
  while (p !== '' && !doc.positions.has(p)) p = p.slice(0, p.lastIndexOf('/'));
  return p;
}

export interface JsonSchemaDiffResult {
  changes: Array<{ type: ChangeType; path: string }>;
  compatible: boolean;
}

function toSchema(input: string | JsonValue, references: ParseOptions['references']): JsonSchemaParsed {
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  const r = parseJsonSchema(text, references === undefined ? {} : { references });
  if (!r.ok) {
    const first = r.issues[0]!;
    throw new SchemagateError('INVALID_SCHEMA', first.message, {
      line: first.line,
      column: first.column,
      pointer: first.pointer,
    });
  }
  return r.schema;
}

/**
 * The registry's `SchemaDiff.compare(original, update)`: every change as `{type, path}`, and whether all of
 * them are in the policy's allow-list (the BACKWARD verdict when original is old and update is new).
 * Schemas may be given as text or as parsed JSON; an invalid one throws SchemagateError('INVALID_SCHEMA').
 */
export function diffJsonSchemas(
  original: string | JsonValue,
  update: string | JsonValue,
  options: { policy?: Policy; references?: ParseOptions['references'] } = {},
): JsonSchemaDiffResult {
  const a = toSchema(original, options.references);
  const b = toSchema(update, options.references);
  const outcome = compareSchemaNodes(a.root, b.root, options.policy ?? 'strict');
  return {
    changes: outcome.changes.map((c) => ({ type: c.type, path: c.path })),
    compatible: outcome.compatible,
  };
}

function kindOf(type: ChangeType): SchemaChange['kind'] {
  if (type.endsWith('_ADDED') || type.includes('_ADDED_')) return 'added';
  if (type.endsWith('_REMOVED') || type.includes('_REMOVED_')) return 'removed';
  return 'changed';
}

/** A JSON Schema format handler with the given policy; `jsonSchemaFormat` is the STRICT one. */
export function jsonSchemaFormatWith(options: JsonSchemaFormatOptions = {}): FormatHandler<JsonSchemaParsed> {
  const policy: Policy = options.policy ?? 'strict';
  const allowed = allowedChanges(policy);
  return {
    id: 'json',
    registryType: 'JSON',
    parse: parseJsonSchema,
    canonical(schema) {
      return JSON.stringify(schema.doc.value);
    },
    normalized(schema) {
      return stableJson(schema.doc.value);
    },
    check(reader: JsonSchemaParsed, writer: JsonSchemaParsed, context: PairContext): PairFinding[] {
      // "reader can read writer's data" ⇔ SchemaDiff.compare(original = writer, update = reader) (§5).
      const outcome = compareSchemaNodes(writer.root, reader.root, policy);
      const candidateIsUpdate = context.reader === 'new';
      const candidate = candidateIsUpdate ? reader : writer;
      return outcome.changes
        .filter((c) => !allowed.has(c.type))
        .map((c: JsonSchemaChange) => {
          const e = context.reader === 'old' ? explainForwardChange(c) : explainChange(c);
          return {
            errorType: c.type,
            path: c.path,
            candidatePointer: existingPointer(
              candidate.doc,
              candidateIsUpdate ? c.updatePointer : c.originalPointer,
            ),
            message: e.message,
            fix: e.fix,
          };
        });
    },
    locate(schema, pointer) {
      return positionOf(schema.doc, pointer === '/' ? '' : pointer);
    },
    diff(from: JsonSchemaParsed, to: JsonSchemaParsed): SchemaChange[] {
      const forward = compareSchemaNodes(from.root, to.root, policy);
      const reverse = compareSchemaNodes(to.root, from.root, policy);
      const reverseBreaks = new Set(reverse.changes.filter((c) => !allowed.has(c.type)).map((c) => c.path));
      return forward.changes.map((c) => {
        const kind = kindOf(c.type);
        const breaks: Direction[] = [];
        if (!allowed.has(c.type)) breaks.push('new-reads-old');
        if (reverseBreaks.has(c.path)) breaks.push('old-reads-new');
        return {
          kind,
          pointer:
            kind === 'removed'
              ? existingPointer(from.doc, c.originalPointer)
              : existingPointer(to.doc, c.updatePointer),
          summary: `${c.type} ${c.path}: ${explainChange(c).message}`,
          breaks,
        };
      });
    },
  };
}

export const jsonSchemaFormat: FormatHandler<JsonSchemaParsed> = jsonSchemaFormatWith({ policy: 'strict' });
