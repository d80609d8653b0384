import type { FormatId } from '../formats/format.js';
import type { JsonValue } from '../formats/json/parse.js';
import { missingDocs } from '../repo/lint.js';
import { lintAvro, topLevelName } from './avro.js';
import type { LintOptions, LintProblem } from './finding.js';
import { lintJsonSchema } from './jsonschema.js';
import { lintProtobuf } from './protobuf.js';
import type { ProtoFile } from '../formats/protobuf/model.js';
import { IGNORE_PROPERTY, type LintRuleId } from './rules.js';

/** One schema file as the lint sees it: the JSON value of an Avro or JSON schema, or Protobuf text. */
export interface LintInput {
  format: FormatId;
  subject: string;
  /** The parsed JSON (Avro, JSON Schema); undefined for Protobuf. */
  value: JsonValue | undefined;
  /** The file's text: Protobuf's ignore comments live there. */
  text: string;
  /** The parsed `.proto` file, for the Protobuf rules. */
  proto?: ProtoFile;
}

/** Every naming problem of one file, before severities; the ones an inline ignore covers are left out. */
export function lintSchema(input: LintInput, options: LintOptions): LintProblem[] {
  const problems: LintProblem[] = [];
  const subject = subjectProblem(input, options);
  if (subject !== undefined) problems.push(subject);
  if (input.proto !== undefined) problems.push(...lintProtobuf(input.proto, options));
  if (input.value !== undefined) {
    problems.push(
      ...(input.format === 'avro' ? lintAvro(input.value, options) : lintJsonSchema(input.value, options)),
    );
    const docWord = input.format === 'avro' ? 'doc' : 'description';
    for (const m of missingDocs(input.format, input.value))
      problems.push({
        rule: 'DOC_MISSING',
        pointer: m.pointer,
        message: `${m.what} has no ${docWord}`,
        fix: `add a "${docWord}" that says what it means`,
      });
  }
  return problems.filter((p) => !isIgnored(input, p.rule, p.pointer));
}

function subjectProblem(input: LintInput, options: LintOptions): LintProblem | undefined {
  const { subject } = input;
  if (options.subjectStrategy === 'topic') {
    if (/^.+-(key|value)$/.test(subject)) return undefined;
    return {
      rule: 'SUBJECT_NAME',
      pointer: '',
      message: `subject '${subject}' is not {topic}-key or {topic}-value (the topic name strategy)`,
      fix: 'name the file after its topic (naming: topic and schemas/<topic>/value.avsc), or give it a subject with a `subjects` rule',
    };
  }
  const name = recordName(input);
  if (name === undefined) return undefined;
  const expected = options.subjectStrategy === 'record' ? name : `{topic}-${name}`;
  const ok = options.subjectStrategy === 'record' ? subject === name : subject.endsWith(`-${name}`);
  if (ok) return undefined;
  return {
    rule: 'SUBJECT_NAME',
    pointer: '',
    message: `subject '${subject}' is not ${expected} (the ${options.subjectStrategy} name strategy)`,
    fix: `give the file the subject ${expected} with a \`subjects\` rule`,
  };
}

/** The record name the record strategies name a subject after: Avro's full name, JSON Schema's title. */
function recordName(input: LintInput): string | undefined {
  if (input.value === undefined) return undefined;
  if (input.format === 'avro') return topLevelName(input.value);
  const v = input.value;
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v['title'] === 'string'
    ? v['title']
    : undefined;
}

/**
 * Whether an inline ignore covers a problem: `"schemagate:ignore": ["RULE"]` on the object at the
 * pointer or any object that holds it; in Protobuf a `// schemagate:ignore RULE` comment in the file.
 */
function isIgnored(input: LintInput, rule: LintRuleId, pointer: string): boolean {
  if (input.value === undefined) {
    for (const m of input.text.matchAll(/schemagate:ignore\s+([A-Z0-9_, ]+)/g))
      if (m[1]!.split(/[\s,]+/).includes(rule)) return true;
    return false;
  }
  let v: JsonValue | undefined = input.value;
  const tokens = pointer === '' ? [] : pointer.slice(1).split('/');
  for (let i = 0; ; i++) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const ignore = v[IGNORE_PROPERTY];
      if (Array.isArray(ignore) && ignore.includes(rule)) return true;
    }
    const token = tokens[i];
    if (token === undefined || v === null || typeof v !== 'object') return false;
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    v = Array.isArray(v) ? v[Number(key)] : v[key];
  }
}
