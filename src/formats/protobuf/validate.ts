import type { SchemaIssue } from '../format.js';
import {
  mapTypes,
  MAX_TAG_VALUE,
  SCALAR_TYPES,
  type EnumElement,
  type FieldElement,
  type MessageElement,
  type SourcePos,
  type TypeElement,
} from './model.js';
import { KNOWN_FILES } from './known-types.js';
import { PROTOBUF_RULES as RULES } from './rules.js';
import { resolveName, type ProtoFileSet, type TypeIndex } from './types.js';

function issue(rule: string, message: string, path: string[], at: SourcePos): SchemaIssue {
  return { rule, message, pointer: `/${path.join('/')}`, line: at.line, column: at.column };
}

/**
 * What the registry checks of a new Protobuf schema before it registers it (it builds descriptors
 * from it): imports present, types resolvable, field numbers valid and unique, names unique, and a
 * proto3 enum starting at zero. Every problem is reported, each at its line and column.
 */
export function validateProto(files: ProtoFileSet, index: TypeIndex): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const { main } = files;
  for (const name of [...main.imports, ...main.publicImports, ...main.weakImports]) {
    if (!files.dependencies.has(name) && !KNOWN_FILES.has(name))
      issues.push(
        issue(
          RULES.importMissing,
          `the import '${name}' is neither a reference given with the schema nor a well-known type`,
          [],
          main.importPositions.get(name) ?? { line: 1, column: 1 },
        ),
      );
  }
  const pkg = main.packageName ?? '';
  const checkType = (type: string, scope: string[], path: string[], at: SourcePos): void => {
    const parts = mapTypes(type) ?? [type];
    for (const t of parts) {
      if (SCALAR_TYPES.has(t)) continue;
      if (resolveName((n) => index.type(n), pkg, scope, t) === undefined)
        issues.push(issue(RULES.unknownType, `the type '${t}' is not defined (nor imported)`, path, at));
    }
  };
  const checkFields = (fields: FieldElement[], scope: string[], path: string[]): void => {
    const byNumber = new Map<number, FieldElement>();
    const byName = new Map<string, FieldElement>();
    for (const f of fields) {
      const here = [...path, String(f.tag)];
      checkType(f.type, scope, here, f.typePos);
      if (f.tag < 1 || f.tag > MAX_TAG_VALUE || (f.tag >= 19000 && f.tag <= 19999))
        issues.push(
          issue(
            RULES.numberRange,
            `field '${f.name}' has number ${f.tag}: numbers run from 1 to ${MAX_TAG_VALUE}, without 19000 to 19999`,
            here,
            f.pos,
          ),
        );
      const sameNumber = byNumber.get(f.tag);
      if (sameNumber !== undefined)
        issues.push(
          issue(
            RULES.duplicateNumber,
            `field '${f.name}' uses number ${f.tag}, already used by '${sameNumber.name}' (line ${sameNumber.pos.line})`,
            here,
            f.pos,
          ),
        );
      else byNumber.set(f.tag, f);
      const sameName = byName.get(f.name);
      if (sameName !== undefined)
        issues.push(
          issue(
            RULES.duplicateName,
            `field name '${f.name}' is already used (line ${sameName.pos.line})`,
            here,
            f.pos,
          ),
        );
      else byName.set(f.name, f);
    }
  };
  const checkEnum = (e: EnumElement, path: string[]): void => {
    const first = e.constants[0];
    if (main.syntax === 'proto3' && first !== undefined && first.tag !== 0)
      issues.push(
        issue(
          RULES.enumFirstValue,
          `the first value of enum '${e.name}' must be 0 in proto3`,
          path,
          first.pos,
        ),
      );
    const aliases = e.options.some(
      (o) => o.name === 'allow_alias' && 'value' in o.value && o.value.value === 'true',
    );
    const seen = new Map<number, string>();
    const names = new Set<string>();
    for (const c of e.constants) {
      const prior = seen.get(c.tag);
      if (prior !== undefined && !aliases)
        issues.push(
          issue(
            RULES.duplicateNumber,
            `enum value '${c.name}' uses number ${c.tag}, already used by '${prior}' (set option allow_alias = true to alias)`,
            [...path, String(c.tag)],
            c.pos,
          ),
        );
      if (!seen.has(c.tag)) seen.set(c.tag, c.name);
      if (names.has(c.name))
        issues.push(issue(RULES.duplicateName, `enum value name '${c.name}' is already used`, path, c.pos));
      names.add(c.name);
    }
  };
  const walk = (types: TypeElement[], scope: string[]): void => {
    for (const t of types) {
      const here = [...scope, t.name];
      if (t.kind === 'enum') {
        checkEnum(t, here);
        continue;
      }
      const m: MessageElement = t;
      checkFields([...m.fields, ...m.oneOfs.flatMap((o) => o.fields)], here, here);
      for (const x of m.extendDeclarations) {
        checkType(x.name, here, here, x.pos);
        for (const f of x.fields) checkType(f.type, here, here, f.typePos);
      }
      walk(m.nestedTypes, here);
    }
  };
  walk(main.types, []);
  for (const x of main.extendDeclarations) {
    checkType(x.name, [], [], x.pos);
    for (const f of x.fields) checkType(f.type, [], [], f.typePos);
  }
  for (const s of main.services)
    for (const r of s.rpcs) {
      checkType(r.requestType, [], [s.name, r.name], r.pos);
      checkType(r.responseType, [], [s.name, r.name], r.pos);
    }
  return issues;
}
