import { joinPointer, type JsonValue } from '../formats/json/parse.js';
import type { LintOptions, LintProblem } from './finding.js';
import { caseClashes, isInCase } from './naming.js';

type JsonObject = { [k: string]: JsonValue };
const isObject = (v: JsonValue | undefined): v is JsonObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Property names in the configured case, and no two properties of one object that differ only by case. */
export function lintJsonSchema(schema: JsonValue, options: LintOptions): LintProblem[] {
  const out: LintProblem[] = [];
  const walk = (v: JsonValue, pointer: string): void => {
    if (Array.isArray(v)) return v.forEach((b, i) => walk(b, joinPointer(pointer, i)));
    if (!isObject(v)) return;
    const props = v['properties'];
    if (isObject(props)) {
      const names = Object.keys(props);
      const at = (name: string): string => joinPointer(joinPointer(pointer, 'properties'), name);
      for (const name of names)
        if (!isInCase(name, options.fieldCase))
          out.push({
            rule: 'FIELD_NAME_CASE',
            pointer: at(name),
            message: `property '${name}' is not ${options.fieldCase}`,
            fix: `rename it (lint.fieldCase is ${options.fieldCase})`,
          });
      for (const c of caseClashes(names))
        out.push({
          rule: 'FIELD_NAME_CASE_CLASH',
          pointer: at(names[c.index]!),
          message: `property '${names[c.index]}' differs from property '${c.other}' only by case`,
          fix: 'give one of them another name: languages and stores that ignore case see one property',
        });
    }
    for (const [k, c] of Object.entries(v)) walk(c, joinPointer(pointer, k));
  };
  walk(schema, '');
  return out;
}
