/** The naming lint's rules: stable ids, what each asks, and its default severity (warning for all). */
export const LINT_RULES = {
  SUBJECT_NAME:
    'the subject follows the configured subject name strategy ({topic}-key or {topic}-value by default)',
  TYPE_NAME_CASE: 'record, enum and fixed names are PascalCase',
  NAMESPACE_PATTERN: 'Avro namespaces match the configured pattern (dotted lowercase by default)',
  FIELD_NAME_CASE: 'field and property names are in the configured case (camelCase by default)',
  FIELD_NAME_CASE_CLASH: 'no two fields of one record differ only by case',
  DOC_MISSING: 'records, enums, fixed types and fields have a doc (JSON Schema: a description)',
  ENUM_DEFAULT_MISSING: 'Avro enums have a default symbol, so that adding a symbol stays forward compatible',
} as const;

export type LintRuleId = keyof typeof LINT_RULES;

export const LINT_RULE_IDS = Object.keys(LINT_RULES) as LintRuleId[];

export function isLintRuleId(id: string): id is LintRuleId {
  return Object.hasOwn(LINT_RULES, id);
}

/** The property that turns rules off for the object it sits on and everything inside it. */
export const IGNORE_PROPERTY = 'schemagate:ignore';
