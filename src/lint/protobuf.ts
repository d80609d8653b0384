import type { FieldElement, ProtoFile, TypeElement } from '../formats/protobuf/model.js';
import type { LintOptions, LintProblem } from './finding.js';
import { caseClashes, isInCase } from './naming.js';

/**
 * The naming rules over a `.proto` file as written: message and enum names PascalCase, field names
 * snake_case (the Protobuf style guide's case, whatever `lint.fieldCase` says: the JSON mapping turns
 * them into lowerCamelCase), no two fields of a message that differ only by case, and the package
 * against the namespace pattern. Positions are the declarations'.
 */
export function lintProtobuf(proto: ProtoFile, options: LintOptions): LintProblem[] {
  const out: LintProblem[] = [];
  if (proto.packageName !== undefined && !new RegExp(options.namespace, 'u').test(proto.packageName))
    out.push({
      rule: 'NAMESPACE_PATTERN',
      pointer: '',
      position: proto.packagePos ?? { line: 1, column: 1 },
      message: `package '${proto.packageName}' does not match ${options.namespace}`,
      fix: 'use a package the pattern accepts (lint.namespace in schemagate.yaml)',
    });
  const walk = (t: TypeElement, outer: string): void => {
    const full = outer === '' ? t.name : `${outer}.${t.name}`;
    if (!isInCase(t.name, 'PascalCase'))
      out.push({
        rule: 'TYPE_NAME_CASE',
        pointer: '',
        position: t.pos,
        message: `${t.kind} name '${t.name}' is not PascalCase`,
        fix: 'rename it (the name is part of the wire contract for Any and the registry)',
      });
    if (t.kind === 'enum') return;
    const fields: FieldElement[] = [...t.fields, ...t.oneOfs.flatMap((o) => o.fields)];
    for (const f of fields)
      if (!isInCase(f.name, 'snake_case'))
        out.push({
          rule: 'FIELD_NAME_CASE',
          pointer: '',
          position: f.pos,
          message: `field '${f.name}' of '${full}' is not snake_case (the Protobuf style)`,
          fix: 'rename it: the tag, not the name, is on the wire, but the JSON mapping and generated code use the name',
        });
    const names = fields.map((f) => f.name);
    for (const c of caseClashes(names))
      out.push({
        rule: 'FIELD_NAME_CASE_CLASH',
        pointer: '',
        position: fields[c.index]!.pos,
        message: `field '${names[c.index]}' of '${full}' differs from field '${c.other}' only by case`,
        fix: 'give one of them another name',
      });
    for (const n of t.nestedTypes) walk(n, full);
  };
  for (const t of proto.types) walk(t, '');
  return out;
}
