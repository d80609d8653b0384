import AjvModule, { type ErrorObject } from 'ajv';
import Ajv2019Module from 'ajv/dist/2019.js';
import Ajv2020Module from 'ajv/dist/2020.js';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import type { JsonValue } from '../json/parse.js';
import type { JsonSchemaDraft } from './model.js';

/** A meta-schema violation: where (pointer into the schema, without '#') and what. */
export interface MetaIssue {
  pointer: string;
  message: string;
}

interface Validator {
  validateSchema(schema: JsonValue): boolean | Promise<unknown>;
  errors?: ErrorObject[] | null;
}

const validators = new Map<string, Validator>();

/**
 * One ajv instance per meta-schema, made on first use: ajv only checks the schema against its draft's
 * meta-schema here, and never compiles it, so the diff does not pay for ajv.
 */
function validatorFor(draft: JsonSchemaDraft): Validator {
  const key = draft === '2019-09' || draft === '2020-12' ? draft : 'legacy';
  let v = validators.get(key);
  if (v === undefined) {
    const options = { strict: false, allErrors: true, validateFormats: false } as const;
    if (key === '2019-09') v = new Ajv2019Module.default(options) as unknown as Validator;
    else if (key === '2020-12') v = new Ajv2020Module.default(options) as unknown as Validator;
    else {
      const ajv = new AjvModule.default(options);
      ajv.addMetaSchema(draft06);
      v = ajv as unknown as Validator;
    }
    validators.set(key, v);
  }
  return v;
}

function describe(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'enum' && Array.isArray(params['allowedValues']))
    return `must be one of ${(params['allowedValues'] as unknown[]).map((x) => JSON.stringify(x)).join(', ')}`;
  return e.message ?? `fails the '${e.keyword}' rule of the meta-schema`;
}

/**
 * Checks `schema` against the meta-schema of its draft. draft-04 is checked with draft-07's meta-schema,
 * minus the rules the two drafts disagree on (boolean `exclusiveMinimum`/`exclusiveMaximum`, `id`).
 */
export function validateAgainstDraft(schema: JsonValue, draft: JsonSchemaDraft): MetaIssue[] {
  const v = validatorFor(draft);
  let subject: JsonValue = schema;
  if (draft === 'draft-04' || draft === 'draft-06' || draft === 'draft-07') {
    if (
      typeof schema === 'object' &&
      schema !== null &&
      !Array.isArray(schema) &&
      typeof schema['$schema'] === 'string'
    ) {
      // ajv would look the draft-04 meta-schema up by this URL and fail; the checks below stand in for it.
      if (draft === 'draft-04') subject = { ...schema, $schema: 'http://json-schema.org/draft-07/schema#' };
    }
  }
  let valid: boolean | Promise<unknown>;
  try {
    valid = v.validateSchema(subject);
  } catch {
    // An unknown `$schema` URL: ajv cannot fetch it; check against the draft's own meta-schema instead.
    const { $schema: _ignored, ...rest } = subject as Record<string, JsonValue>;
    void _ignored;
    valid = v.validateSchema(rest);
  }
  if (valid === true) return [];
  const errors = v.errors ?? [];
  const out: MetaIssue[] = [];
  const byPointer = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    if (
      draft === 'draft-04' &&
      (e.instancePath.endsWith('/exclusiveMinimum') || e.instancePath.endsWith('/exclusiveMaximum'))
    )
      continue;
    const list = byPointer.get(e.instancePath) ?? [];
    list.push(e);
    byPointer.set(e.instancePath, list);
  }
  for (const [pointer, list] of byPointer) {
    // anyOf/oneOf failures only repeat what their branches said; keep the most specific messages.
    const specific = list.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
    // When a value failed every branch of an anyOf (say `type`: a known name, or an array of them),
    // the first branch's complaint is the one that reads well.
    const branched = list.some((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
    const firstBranches = branched ? specific.slice(0, 1) : specific;
    const chosen = firstBranches.length > 0 ? firstBranches : list;
    const messages = [...new Set(chosen.map(describe))];
    out.push({ pointer, message: messages.join(' or ') });
  }
  return out;
}
