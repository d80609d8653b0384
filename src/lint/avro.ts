import { joinPointer, type JsonValue } from '../formats/json/parse.js';
import type { LintOptions, LintProblem } from './finding.js';
import { caseClashes, isInCase } from './naming.js';

type JsonObject = { [k: string]: JsonValue };
const isObject = (v: JsonValue | undefined): v is JsonObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const NAMED = new Set(['record', 'error', 'enum', 'fixed']);

/** The full name of the schema's top-level named type, for the record subject strategies. */
export function topLevelName(schema: JsonValue): string | undefined {
  if (!isObject(schema) || typeof schema['name'] !== 'string') return undefined;
  const name = schema['name'];
  const ns = schema['namespace'];
  return name.includes('.') || typeof ns !== 'string' || ns === '' ? name : `${ns}.${name}`;
}

/** The naming rules over the named types and fields of an Avro schema (DOC_MISSING is the shared rule's). */
export function lintAvro(schema: JsonValue, options: LintOptions): LintProblem[] {
  const out: LintProblem[] = [];
  const namespacePattern = new RegExp(options.namespace, 'u');
  const walk = (v: JsonValue, pointer: string): void => {
    if (Array.isArray(v)) return v.forEach((b, i) => walk(b, joinPointer(pointer, i)));
    if (!isObject(v)) return;
    const t = v['type'];
    if (typeof t === 'string' && NAMED.has(t) && typeof v['name'] === 'string') {
      namedType(v, t, v['name'], pointer);
      return;
    }
    if (t === 'array' && v['items'] !== undefined) walk(v['items'], `${pointer}/items`);
    else if (t === 'map' && v['values'] !== undefined) walk(v['values'], `${pointer}/values`);
    else if (t !== undefined && typeof t !== 'string') walk(t, `${pointer}/type`);
  };
  const namedType = (v: JsonObject, kind: string, name: string, pointer: string): void => {
    const dot = name.lastIndexOf('.');
    const short = name.slice(dot + 1);
    const namespace = dot >= 0 ? name.slice(0, dot) : v['namespace'];
    if (!isInCase(short, 'PascalCase'))
      out.push({
        rule: 'TYPE_NAME_CASE',
        pointer: `${pointer}/name`,
        message: `${kind} name '${short}' is not PascalCase`,
        fix: `rename it to '${toPascal(short)}' (a rename needs an alias to stay compatible)`,
      });
    if (typeof namespace === 'string' && namespace !== '' && !namespacePattern.test(namespace))
      out.push({
        rule: 'NAMESPACE_PATTERN',
        pointer: dot >= 0 ? `${pointer}/name` : `${pointer}/namespace`,
        message: `namespace '${namespace}' does not match ${options.namespace}`,
        fix: 'use a namespace the pattern accepts (lint.namespace in schemagate.yaml)',
      });
    if (kind === 'enum' && v['default'] === undefined)
      out.push({
        rule: 'ENUM_DEFAULT_MISSING',
        pointer,
        message: `enum '${short}' has no default symbol: a reader that meets a symbol added later fails`,
        fix: 'add "default" with the symbol old readers should use for symbols they do not know (such as "UNKNOWN")',
      });
    const fields = v['fields'];
    if (!Array.isArray(fields)) return;
    const names = fields.map((f) => (isObject(f) && typeof f['name'] === 'string' ? f['name'] : ''));
    fields.forEach((f, i) => {
      if (!isObject(f)) return;
      const fp = `${pointer}/fields/${i}`;
      const fieldName = names[i]!;
      if (fieldName !== '' && !isInCase(fieldName, options.fieldCase))
        out.push({
          rule: 'FIELD_NAME_CASE',
          pointer: `${fp}/name`,
          message: `field '${fieldName}' of '${short}' is not ${options.fieldCase}`,
          fix: `rename it (lint.fieldCase is ${options.fieldCase}); a rename needs an alias to stay compatible`,
        });
      if (f['type'] !== undefined) walk(f['type'], `${fp}/type`);
    });
    for (const c of caseClashes(names))
      out.push({
        rule: 'FIELD_NAME_CASE_CLASH',
        pointer: `${pointer}/fields/${c.index}/name`,
        message: `field '${names[c.index]}' of '${short}' differs from field '${c.other}' only by case`,
        fix: 'give one of them another name: languages and stores that ignore case see one field',
      });
  };
  walk(schema, '');
  return out;
}

/** `order_line` and `orderLine` → `OrderLine`, for the fix. */
export function toPascal(name: string): string {
  return name
    .split(/[_\-\s]+/)
    .filter((p) => p !== '')
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}
