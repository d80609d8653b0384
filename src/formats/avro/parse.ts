import { isSchemagateError } from '../../errors.js';
import type { ParseOptions, ParseResult, SchemaIssue } from '../format.js';
import {
  escapePointerToken,
  parseJson,
  positionOf,
  type JsonDocument,
  type JsonObject,
  type JsonValue,
} from '../json/parse.js';
import { defaultProblem, FieldsNotSetYet, javaParsesDouble } from './defaults.js';
import {
  isNamed,
  isPrimitiveName,
  unionBranchKey,
  type AvroEnum,
  type AvroField,
  type AvroFixed,
  type AvroNamed,
  type AvroRecord,
  type AvroSchema,
  type AvroType,
  type JsonAttr,
} from './model.js';
import { isValidName, isValidNamespace, nameProblem, qualify } from './names.js';

/** Stable rule ids of the problems the parser reports. */
export const AVRO_RULES = {
  INVALID_JSON: 'INVALID_JSON',
  SCHEMA_SHAPE: 'AVRO_SCHEMA_SHAPE',
  MISSING_ATTRIBUTE: 'AVRO_MISSING_ATTRIBUTE',
  INVALID_ATTRIBUTE: 'AVRO_INVALID_ATTRIBUTE',
  UNKNOWN_TYPE: 'AVRO_UNKNOWN_TYPE',
  INVALID_NAME: 'AVRO_INVALID_NAME',
  DUPLICATE_NAME: 'AVRO_DUPLICATE_NAME',
  DUPLICATE_FIELD: 'AVRO_DUPLICATE_FIELD',
  DUPLICATE_SYMBOL: 'AVRO_DUPLICATE_SYMBOL',
  UNION_DUPLICATE_BRANCH: 'AVRO_UNION_DUPLICATE_BRANCH',
  UNION_NESTED: 'AVRO_UNION_NESTED',
  INVALID_DEFAULT: 'AVRO_INVALID_DEFAULT',
  INVALID_ENUM_DEFAULT: 'AVRO_INVALID_ENUM_DEFAULT',
  INVALID_FIXED_SIZE: 'AVRO_INVALID_FIXED_SIZE',
  INVALID_ORDER: 'AVRO_INVALID_ORDER',
  REFERENCE: 'AVRO_INVALID_REFERENCE',
  /** A record default that Avro Java cannot check: it needs a record whose fields are not set yet. */
  RECURSIVE_DEFAULT: 'AVRO_RECURSIVE_DEFAULT',
} as const;

/** Rule ids of warnings: schemas the registry accepts, but that are likely mistakes. */
export const AVRO_WARNINGS = {
  /** A decimal's precision or scale that Avro Java ignores (the logical type is dropped). */
  INVALID_DECIMAL: 'AVRO_INVALID_DECIMAL',
  /** A fixed decimal whose precision needs more bytes than the fixed has. */
  DECIMAL_PRECISION_EXCEEDS_FIXED: 'AVRO_DECIMAL_PRECISION_EXCEEDS_FIXED',
  /** A `namespace` or `doc` that is not a string: Avro Java reads it as absent. */
  IGNORED_ATTRIBUTE: 'AVRO_IGNORED_ATTRIBUTE',
  /** A field alias naming another field of the same record: readers see two matching writer fields. */
  FIELD_ALIAS_NAMES_SIBLING: 'AVRO_FIELD_ALIAS_NAMES_SIBLING',
} as const;

// Attributes Avro Java interprets; every other key is kept as a custom property (Schema.SCHEMA_RESERVED…).
const SCHEMA_RESERVED = new Set([
  'doc',
  'fields',
  'items',
  'name',
  'namespace',
  'size',
  'symbols',
  'values',
  'type',
  'aliases',
]);
const ENUM_RESERVED = new Set([...SCHEMA_RESERVED, 'default']);
const FIELD_RESERVED = new Set(['default', 'doc', 'name', 'order', 'type', 'aliases']);

/** `joinPointer` without the two regular expressions in the common case (names never need escaping). */
function joinPointer(base: string, token: string | number): string {
  if (typeof token === 'number') return `${base}/${token}`;
  return token.includes('~') || token.includes('/')
    ? `${base}/${escapePointerToken(token)}`
    : `${base}/${token}`;
}

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (o: JsonObject, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Offsets of line starts, split as `parseJson` splits lines, to find a number's source text from its position. */
function numberTextLookup(
  text: string,
  doc: JsonDocument,
): (pointer: string, value: number) => string | undefined {
  let starts: number[] | undefined;
  // Without a fraction, an exponent or a negative zero anywhere in the text, a safe integer is written as
  // String(value): no need to compute every value's position (the costly part) to read it back.
  const plainIntegers = !/[0-9][.eE]|-0(?![0-9])/.test(text);
  return (pointer, value) => {
    if (plainIntegers && Number.isSafeInteger(value)) return String(value);
    const at = doc.positions.get(pointer);
    if (at === undefined) return undefined;
    if (starts === undefined) {
      starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0a) starts.push(i + 1);
        else if (c === 0x0d) {
          if (text.charCodeAt(i + 1) === 0x0a) i++;
          starts.push(i + 1);
        }
      }
    }
    const offset = (starts[at.line - 1] ?? 0) + at.column - 1;
    const re = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    re.lastIndex = offset;
    return re.exec(text)?.[0];
  };
}

interface PendingDefault {
  field?: AvroField;
  type: AvroType;
  usePointer: string;
  attr: JsonAttr;
  what: string;
}

class Parser {
  readonly issues: SchemaIssue[] = [];
  readonly warnings: SchemaIssue[] = [];
  private readonly pendingDefaults: PendingDefault[] = [];
  private readonly numberText: (pointer: string, value: number) => string | undefined;
  /** Pointers where a name was used before its type was complete: Avro Java's placeholders while parsing. */
  private readonly placeholderUses = new Set<string>();
  /** Names used before their type was defined at all, resolved (by exact full name) when parsing ends. */
  private readonly unresolved = new Map<
    AvroType,
    { fullName: string; written: string; pointer: string; space: string | undefined }
  >();
  /** Named types in the order Java's parser completes them (a record after its fields). */
  readonly completionOrder: AvroNamed[] = [];

  constructor(
    private readonly text: string,
    private readonly doc: JsonDocument,
    private readonly source: number,
    private readonly named: Map<string, AvroNamed>,
    /** Full names of the types complete so far (Java's parse context): references, then this schema's. */
    private readonly completed: Set<string>,
    private readonly lenient: boolean,
    private readonly label: string | undefined,
  ) {
    this.numberText = numberTextLookup(text, doc);
  }

  issue(rule: string, message: string, pointer: string, preferKey = false): void {
    const at = positionOf(this.doc, pointer, preferKey);
    const msg = this.label === undefined ? message : `in reference '${this.label}': ${message}`;
    this.issues.push({ rule, message: msg, pointer, line: at.line, column: at.column });
  }

  warn(rule: string, message: string, pointer: string): void {
    const at = positionOf(this.doc, pointer);
    this.warnings.push({ rule, message, pointer, line: at.line, column: at.column });
  }

  private complete(t: AvroNamed): void {
    if (this.named.get(t.fullName) !== t) return;
    this.completed.add(t.fullName);
    this.completionOrder.push(t);
  }

  attr(value: JsonValue, pointer: string): JsonAttr {
    return { value, pointer, numberText: this.numberText };
  }

  props(o: JsonObject, pointer: string, reserved: Set<string>): [string, JsonAttr][] {
    const out: [string, JsonAttr][] = [];
    // Object.keys, not Object.entries: no [key, value] pair per attribute, most of which are reserved.
    for (const k of Object.keys(o))
      if (!reserved.has(k)) out.push([k, this.attr(o[k] as JsonValue, joinPointer(pointer, k))]);
    return out;
  }

  /** Resolves the names used before their definition; then, for a new schema, checks the defaults as Java does. */
  finish(root: AvroType | undefined): AvroType | undefined {
    const resolved = this.resolveForward(root);
    if (this.lenient) return resolved;
    const clean = this.issues.length === 0 && resolved !== undefined;
    for (const d of this.pendingDefaults) if (d.field !== undefined) d.type = d.field.type;
    const failed = new Set<PendingDefault>();
    // Java checks each default while parsing (placeholders for incomplete types)…
    for (const d of this.pendingDefaults) {
      const problem = defaultProblem(d.type, d.usePointer, d.attr, {
        placeholder: (p) => this.placeholderUses.has(p),
      });
      if (problem !== undefined) {
        failed.add(d);
        this.issue(AVRO_RULES.INVALID_DEFAULT, `invalid default for ${d.what}: ${problem}`, d.attr.pointer);
      }
    }
    // …and again when it rebuilds the resolved schema, record by record.
    // Without a name used before its type was complete there are no placeholders and no cycles: the
    // second pass would see exactly what the first saw.
    if (clean && failed.size === 0 && this.placeholderUses.size > 0) this.checkDefaultsAsResolved(resolved);
    return resolved;
  }

  /**
   * Avro Java's resolving visit (SchemaResolver): records are rebuilt depth first, in the order the parser
   * completed them, and each field's default is checked when its record is rebuilt. A default that needs
   * the fields of a record still being rebuilt (an enclosing one) makes Java throw: the schema is refused.
   */
  private checkDefaultsAsResolved(root: AvroType): void {
    const byField = new Map<AvroField, PendingDefault>();
    for (const d of this.pendingDefaults) if (d.field !== undefined) byField.set(d.field, d);
    const state = new Map<AvroRecord, number>(); // -1 while open, else the round it was completed in
    let round = 0;
    const open = (r: AvroRecord): boolean => state.get(r) === -1;
    const visit = (start: AvroType): void => {
      const visited = new Set<AvroType>();
      const stack: { t: AvroType; after?: AvroRecord }[] = [{ t: start }];
      const edge = (t: AvroType, use: string, out: { t: AvroType }[]): void => {
        // A placeholder: Java rebuilds its target in a visit of its own, unless that target was met already.
        if (this.placeholderUses.has(use)) {
          if (t.kind === 'record' && !state.has(t)) visit(t);
          return;
        }
        out.push({ t });
      };
      while (stack.length > 0) {
        const { t, after } = stack.pop() as { t: AvroType; after?: AvroRecord };
        if (after !== undefined) {
          if (state.get(after) !== -1) continue;
          for (const f of after.fields) {
            const d = byField.get(f);
            if (d === undefined) continue;
            try {
              const problem = defaultProblem(d.type, d.usePointer, d.attr, { open });
              if (problem !== undefined)
                this.issue(
                  AVRO_RULES.INVALID_DEFAULT,
                  `invalid default for ${d.what}: ${problem}`,
                  d.attr.pointer,
                );
            } catch (e) {
              if (!(e instanceof FieldsNotSetYet)) throw e;
              this.issue(
                AVRO_RULES.RECURSIVE_DEFAULT,
                `invalid default for ${d.what}: it needs the fields of record '${e.record.fullName}', which encloses it; Avro Java cannot check such a default ("Schema fields not set yet") and the registry refuses the schema. Use null (with a union whose first branch is "null") or an empty array instead`,
                d.attr.pointer,
              );
              return;
            }
          }
          state.set(after, round);
          continue;
        }
        if (visited.has(t)) continue;
        const children: { t: AvroType; after?: AvroRecord }[] = [];
        switch (t.kind) {
          case 'record': {
            visited.add(t);
            const done = state.get(t);
            if (done !== undefined && done !== -1 && done < round) continue;
            if (done === undefined) state.set(t, -1);
            children.push({ t, after: t });
            for (let i = t.fields.length - 1; i >= 0; i--) {
              const f = t.fields[i] as AvroField;
              edge(f.type, f.typePointer, children);
            }
            break;
          }
          case 'union':
            visited.add(t);
            for (let i = t.branches.length - 1; i >= 0; i--)
              edge(t.branches[i] as AvroType, t.branchPointers[i] ?? '', children);
            break;
          case 'array':
            visited.add(t);
            edge(t.items, t.itemsPointer, children);
            break;
          case 'map':
            visited.add(t);
            edge(t.values, t.valuesPointer, children);
            break;
          default:
            break;
        }
        // `children` is in stack order already: the record's after-step first, then its children last to first.
        stack.push(...children);
      }
    };
    for (const t of this.completionOrder) {
      round++;
      if (t.kind === 'record') visit(t);
      if (this.issues.length > 0) return;
    }
    round++;
    if (!isNamed(root)) visit(root);
  }

  /** Replaces the placeholders of names used before their definition; an undefined name is an error. */
  private resolveForward(root: AvroType | undefined): AvroType | undefined {
    if (this.unresolved.size === 0 || root === undefined) return root;
    const target = (t: AvroType): AvroType => {
      const u = this.unresolved.get(t);
      if (u === undefined) return t;
      const found = this.named.get(u.fullName);
      if (found !== undefined) return found;
      this.undefinedName(u.written, u.fullName, u.pointer, u.space);
      return t;
    };
    const seen = new Set<AvroType>();
    const walk = (t: AvroType): void => {
      if (seen.has(t)) return;
      seen.add(t);
      switch (t.kind) {
        case 'record':
          for (const f of t.fields) walk((f.type = target(f.type)));
          return;
        case 'union':
          t.branches.forEach((b, i) => walk((t.branches[i] = target(b))));
          return;
        case 'array':
          walk((t.items = target(t.items)));
          return;
        case 'map':
          walk((t.values = target(t.values)));
          return;
        default:
          return;
      }
    };
    const top = target(root);
    walk(top);
    for (const t of this.completionOrder) walk(t);
    return top;
  }

  private undefinedName(written: string, fullName: string, pointer: string, space: string | undefined): void {
    const plain = qualify(written, undefined).fullName;
    const enclosing = plain !== fullName ? this.named.get(plain) : undefined;
    this.issue(
      AVRO_RULES.UNKNOWN_TYPE,
      enclosing !== undefined
        ? `unknown type '${written}': inside namespace '${space ?? ''}' it means '${fullName}', which is not defined; the record '${plain}' (no namespace) is not complete at this point, and Avro Java looks a name up in the current namespace only until then ("Undefined schema: ${fullName}"). Give '${plain}' a namespace and write its full name here`
        : `unknown type '${written}': not a primitive type, and no named type '${fullName}' is defined in this schema or given as a reference (Avro: "Undefined schema: ${fullName}")`,
      pointer,
    );
  }

  parseType(value: JsonValue, pointer: string, space: string | undefined): AvroType | undefined {
    if (typeof value === 'string') return this.resolveName(value, pointer, space);
    if (Array.isArray(value)) return this.parseUnion(value, pointer, space);
    if (!isObject(value)) {
      this.issue(
        AVRO_RULES.SCHEMA_SHAPE,
        `expected a schema (a type name, an object with a 'type' or a union array), found ${JSON.stringify(value)}`,
        pointer,
      );
      return undefined;
    }
    const typePointer = joinPointer(pointer, 'type');
    if (!has(value, 'type')) {
      this.issue(AVRO_RULES.MISSING_ATTRIBUTE, "a schema object needs a 'type'", pointer);
      return undefined;
    }
    const type = value['type'];
    if (typeof type !== 'string') {
      this.issue(
        AVRO_RULES.INVALID_ATTRIBUTE,
        "'type' of a schema object must be a string (a nested schema is only allowed as a field's type)",
        typePointer,
      );
      return undefined;
    }
    if (isPrimitiveName(type)) {
      const t = {
        kind: type,
        pointer,
        props: this.props(value, pointer, SCHEMA_RESERVED),
        source: this.source,
      };
      if (type === 'bytes') this.checkDecimal(value, pointer, undefined);
      return t;
    }
    switch (type) {
      case 'record':
      case 'error':
        return this.parseRecord(value, pointer, space, type === 'error');
      case 'enum':
        return this.parseEnum(value, pointer, space);
      case 'fixed':
        return this.parseFixed(value, pointer, space);
      case 'array': {
        if (!has(value, 'items')) {
          this.issue(AVRO_RULES.MISSING_ATTRIBUTE, "an array needs 'items'", pointer);
          return undefined;
        }
        const itemsPointer = joinPointer(pointer, 'items');
        const items = this.parseType(value['items'] as JsonValue, itemsPointer, space);
        return (
          items && {
            kind: 'array',
            items,
            itemsPointer,
            pointer,
            props: this.props(value, pointer, SCHEMA_RESERVED),
            source: this.source,
          }
        );
      }
      case 'map': {
        if (!has(value, 'values')) {
          this.issue(AVRO_RULES.MISSING_ATTRIBUTE, "a map needs 'values'", pointer);
          return undefined;
        }
        const valuesPointer = joinPointer(pointer, 'values');
        const values = this.parseType(value['values'] as JsonValue, valuesPointer, space);
        return (
          values && {
            kind: 'map',
            values,
            valuesPointer,
            pointer,
            props: this.props(value, pointer, SCHEMA_RESERVED),
            source: this.source,
          }
        );
      }
      default:
        // `{"type": "com.acme.Money"}` names a named type. Avro 1.11 through 1.12.1 read it so, and the
        // registry accepts it (Confluent's RestApiTest.testSchemaReferencesMultipleLevels registers one);
        // Avro 1.12.2 alone refuses it (docs/compatibility.md).
        return this.resolveName(type, typePointer, space);
    }
  }

  /**
   * A type name, as Avro Java's parse context finds it: a complete type by its name in the current
   * namespace, else by the name as written; otherwise a placeholder for the name in the current namespace,
   * resolved (by that full name only) when parsing ends.
   */
  private resolveName(name: string, pointer: string, space: string | undefined): AvroType | undefined {
    if (isPrimitiveName(name)) return { kind: name, pointer, props: [], source: this.source };
    if (['record', 'enum', 'fixed', 'array', 'map', 'error'].includes(name)) {
      this.issue(
        AVRO_RULES.UNKNOWN_TYPE,
        `'${name}' must be written as an object, e.g. {"type": "${name}", …}`,
        pointer,
      );
      return undefined;
    }
    const fullName = qualify(name, space).fullName;
    const plain = qualify(name, undefined).fullName;
    const complete = this.completed.has(fullName) ? fullName : this.completed.has(plain) ? plain : undefined;
    if (complete !== undefined) return this.named.get(complete);
    this.placeholderUses.add(pointer);
    const inProgress = this.named.get(fullName);
    if (inProgress !== undefined) return inProgress;
    const placeholder: AvroType = { kind: 'null', pointer, props: [], source: this.source };
    this.unresolved.set(placeholder, { fullName, written: name, pointer, space });
    return placeholder;
  }

  private parseUnion(value: JsonValue[], pointer: string, space: string | undefined): AvroType | undefined {
    const branches: AvroType[] = [];
    const branchPointers: string[] = [];
    const seen = new Map<string, number>();
    let ok = true;
    value.forEach((b, i) => {
      const p = joinPointer(pointer, i);
      if (Array.isArray(b)) {
        this.issue(
          AVRO_RULES.UNION_NESTED,
          'a union cannot contain another union directly; merge the branches into one union',
          p,
        );
        ok = false;
        return;
      }
      const t = this.parseType(b, p, space);
      if (t === undefined) {
        ok = false;
        return;
      }
      // A name not defined yet counts by the full name it will resolve to.
      const key = this.unresolved.get(t)?.fullName ?? unionBranchKey(t);
      const first = seen.get(key);
      if (first !== undefined) {
        this.issue(
          AVRO_RULES.UNION_DUPLICATE_BRANCH,
          `the union has '${key}' twice (branches ${first} and ${i}); a union may hold each type (and each named type) once`,
          p,
        );
        ok = false;
        return;
      }
      seen.set(key, i);
      branches.push(t);
      branchPointers.push(p);
    });
    return ok
      ? { kind: 'union', branches, branchPointers, pointer, props: [], source: this.source }
      : undefined;
  }

  /** Name, namespace, aliases and doc of a named type; registers it so later (and recursive) uses resolve. */
  private defineNamed<T extends AvroNamed>(
    o: JsonObject,
    pointer: string,
    space: string | undefined,
    make: (base: Omit<AvroNamed, 'kind'>) => T,
  ): T | undefined {
    const nameValue = o['name'];
    if (typeof nameValue !== 'string') {
      this.issue(
        has(o, 'name') ? AVRO_RULES.INVALID_ATTRIBUTE : AVRO_RULES.MISSING_ATTRIBUTE,
        `a ${String(o['type'])} needs a 'name' (a string)`,
        has(o, 'name') ? joinPointer(pointer, 'name') : pointer,
      );
      return undefined;
    }
    let ns = space;
    if (has(o, 'namespace')) {
      const nsValue = o['namespace'];
      if (typeof nsValue !== 'string' && nsValue !== null) {
        this.warn(
          AVRO_WARNINGS.IGNORED_ATTRIBUTE,
          "'namespace' is not a string, so Avro ignores it (the enclosing namespace applies)",
          joinPointer(pointer, 'namespace'),
        );
      } else if (typeof nsValue === 'string') {
        // Avro Java's lenient parser (the registry's, for stored schemas and `validateNewSchemas:
        // false`) checks no namespace.
        if (!this.lenient && !isValidNamespace(nsValue))
          this.issue(
            AVRO_RULES.INVALID_NAME,
            `'${nsValue}' is not a valid namespace (dot-separated Avro names)`,
            joinPointer(pointer, 'namespace'),
          );
        ns = nsValue;
      }
    }
    const written = this.lenient ? qualify(nameValue, ns) : undefined;
    const problem =
      written === undefined ? nameProblem(nameValue, ns) : nameProblem(written.name, written.namespace);
    if (problem !== undefined) this.issue(AVRO_RULES.INVALID_NAME, problem, joinPointer(pointer, 'name'));
    const q = qualify(nameValue, ns);
    const aliases: string[] = [];
    const aliasValue = o['aliases'];
    if (aliasValue !== undefined) {
      if (!Array.isArray(aliasValue) || aliasValue.some((a) => typeof a !== 'string')) {
        this.issue(
          AVRO_RULES.INVALID_ATTRIBUTE,
          "'aliases' must be an array of names",
          joinPointer(pointer, 'aliases'),
        );
      } else {
        aliasValue.forEach((a, i) => {
          const alias = a as string;
          const p = nameProblem(alias);
          if (p !== undefined)
            this.issue(
              AVRO_RULES.INVALID_NAME,
              `alias ${p}`,
              joinPointer(joinPointer(pointer, 'aliases'), i),
            );
          const full = qualify(alias, q.namespace).fullName;
          if (!aliases.includes(full)) aliases.push(full);
        });
      }
    }
    const doc = o['doc'];
    // Built by assignment, not spreads: this runs for every named type of every version in a history.
    const base: Omit<AvroNamed, 'kind'> = {
      name: q.name,
      namespace: q.namespace,
      fullName: q.fullName,
      aliases,
      pointer,
      props: [],
      source: this.source,
    };
    if (typeof doc === 'string') base.doc = doc;
    // `"doc": null` means no doc, as in Java.
    if (doc !== undefined && doc !== null && typeof doc !== 'string')
      this.warn(
        AVRO_WARNINGS.IGNORED_ATTRIBUTE,
        "'doc' is not a string, so Avro ignores it",
        joinPointer(pointer, 'doc'),
      );
    const t = make(base);
    if (this.named.has(q.fullName)) {
      this.issue(
        AVRO_RULES.DUPLICATE_NAME,
        `the type '${q.fullName}' is already defined; define it once and refer to it by name`,
        joinPointer(pointer, 'name'),
      );
    } else {
      this.named.set(q.fullName, t);
    }
    return t;
  }

  private parseRecord(
    o: JsonObject,
    pointer: string,
    space: string | undefined,
    error: boolean,
  ): AvroType | undefined {
    const fields: AvroField[] = [];
    // `b` is made for this type alone, so it becomes the record (the same keys, in the same order, as a copy).
    const record = this.defineNamed(o, pointer, space, (b) => {
      const r = b as AvroRecord;
      r.kind = 'record';
      r.error = error;
      r.fields = fields;
      return r;
    });
    if (record === undefined) return undefined;
    record.props = this.props(o, pointer, SCHEMA_RESERVED);
    const fieldsValue = o['fields'];
    if (!Array.isArray(fieldsValue)) {
      this.issue(
        has(o, 'fields') ? AVRO_RULES.INVALID_ATTRIBUTE : AVRO_RULES.MISSING_ATTRIBUTE,
        "a record needs 'fields' (an array)",
        has(o, 'fields') ? joinPointer(pointer, 'fields') : pointer,
      );
      return record;
    }
    // The record's own namespace, which an explicit "" resets to the null namespace (not the enclosing one).
    const inner = record.namespace;
    const seen = new Map<string, number>();
    const fieldsPointer = joinPointer(pointer, 'fields');
    fieldsValue.forEach((f, i) => {
      const fp = `${fieldsPointer}/${i}`;
      // Duplicates are found on the names as written, so a field whose type is broken still counts.
      const name = isObject(f) ? f['name'] : undefined;
      if (typeof name === 'string') {
        const first = seen.get(name);
        if (first !== undefined) {
          this.issue(
            AVRO_RULES.DUPLICATE_FIELD,
            `the field '${name}' is defined twice in record '${record.fullName}' (fields ${first} and ${i})`,
            joinPointer(fp, 'name'),
          );
          return;
        }
        seen.set(name, i);
      }
      const field = this.parseField(f, fp, inner, record.fullName);
      if (field !== undefined) fields.push(field);
    });
    if (!this.lenient) this.checkFieldAliases(fields, record.fullName);
    this.complete(record);
    return record;
  }

  /**
   * A field alias that names another field of the same record makes Avro Java's reader lookup find two
   * writer fields (the registry then answers incompatible when such a schema reads); the registry accepts
   * the schema itself, so this is a warning.
   */
  private checkFieldAliases(fields: AvroField[], recordName: string): void {
    const names = new Set(fields.map((f) => f.name));
    for (const f of fields) {
      f.aliases.forEach((a, i) => {
        if (a !== f.name && names.has(a)) {
          this.warn(
            AVRO_WARNINGS.FIELD_ALIAS_NAMES_SIBLING,
            `the alias '${a}' of field '${f.name}' is the name of another field of '${recordName}'; a reader with this record cannot tell them apart (the registry answers incompatible)`,
            `${f.pointer}/aliases/${i}`,
          );
        }
      });
    }
  }

  private parseField(
    f: JsonValue,
    pointer: string,
    space: string | undefined,
    recordName: string,
  ): AvroField | undefined {
    if (!isObject(f)) {
      this.issue(AVRO_RULES.SCHEMA_SHAPE, 'a field must be an object with a name and a type', pointer);
      return undefined;
    }
    const name = f['name'];
    if (typeof name !== 'string') {
      this.issue(
        has(f, 'name') ? AVRO_RULES.INVALID_ATTRIBUTE : AVRO_RULES.MISSING_ATTRIBUTE,
        "a field needs a 'name' (a string)",
        has(f, 'name') ? joinPointer(pointer, 'name') : pointer,
      );
      return undefined;
    }
    if (!isValidName(name))
      this.issue(
        AVRO_RULES.INVALID_NAME,
        `'${name}' is not a valid field name (letters, digits and '_', not starting with a digit)`,
        joinPointer(pointer, 'name'),
      );
    if (!has(f, 'type')) {
      this.issue(AVRO_RULES.MISSING_ATTRIBUTE, `the field '${name}' needs a 'type'`, pointer);
      return undefined;
    }
    const typePointer = joinPointer(pointer, 'type');
    const type = this.parseType(f['type'] as JsonValue, typePointer, space);
    if (type === undefined) return undefined;
    const field: AvroField = {
      name,
      type,
      pointer,
      typePointer,
      aliases: [],
      props: this.props(f, pointer, FIELD_RESERVED),
    };
    const doc = f['doc'];
    if (typeof doc === 'string') field.doc = doc;
    else if (doc !== undefined && doc !== null)
      this.warn(
        AVRO_WARNINGS.IGNORED_ATTRIBUTE,
        "'doc' is not a string, so Avro ignores it",
        joinPointer(pointer, 'doc'),
      );
    if (has(f, 'default')) {
      const dp = joinPointer(pointer, 'default');
      const d = f['default'] as JsonValue;
      field.default = this.attr(d, dp);
      // Java reads a float/double field's string default with Double.parseDouble, stored schemas too.
      if (
        (type.kind === 'float' || type.kind === 'double') &&
        typeof d === 'string' &&
        !javaParsesDouble(d)
      ) {
        this.issue(
          AVRO_RULES.INVALID_DEFAULT,
          `invalid default for field '${name}' of '${recordName}': ${JSON.stringify(d)} is not a number (a ${type.kind} default is a number, or a string Java reads as one)`,
          dp,
        );
      } else {
        this.pendingDefaults.push({
          field,
          type,
          usePointer: typePointer,
          attr: field.default,
          what: `field '${name}' of '${recordName}'`,
        });
      }
    }
    const order = f['order'];
    if (order !== undefined) {
      const lower = typeof order === 'string' ? order.toLowerCase() : '';
      if (lower === 'ascending' || lower === 'descending' || lower === 'ignore') {
        if (lower !== 'ascending') field.order = lower;
      } else {
        this.issue(
          AVRO_RULES.INVALID_ORDER,
          `'order' must be "ascending", "descending" or "ignore", found ${JSON.stringify(order)}`,
          joinPointer(pointer, 'order'),
        );
      }
    }
    const aliases = f['aliases'];
    if (aliases !== undefined) {
      if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string')) {
        this.issue(
          AVRO_RULES.INVALID_ATTRIBUTE,
          "'aliases' must be an array of names",
          joinPointer(pointer, 'aliases'),
        );
      } else {
        for (const a of aliases as string[]) if (!field.aliases.includes(a)) field.aliases.push(a);
      }
    }
    return field;
  }

  private parseEnum(o: JsonObject, pointer: string, space: string | undefined): AvroType | undefined {
    const symbols: string[] = [];
    const t = this.defineNamed(o, pointer, space, (b) => {
      const e = b as AvroEnum;
      e.kind = 'enum';
      e.symbols = symbols;
      return e;
    });
    if (t === undefined) return undefined;
    t.props = this.props(o, pointer, ENUM_RESERVED);
    const sp = joinPointer(pointer, 'symbols');
    const value = o['symbols'];
    if (!Array.isArray(value)) {
      this.issue(
        has(o, 'symbols') ? AVRO_RULES.INVALID_ATTRIBUTE : AVRO_RULES.MISSING_ATTRIBUTE,
        "an enum needs 'symbols' (an array of names)",
        has(o, 'symbols') ? sp : pointer,
      );
      return t;
    }
    value.forEach((s, i) => {
      const p = joinPointer(sp, i);
      if (typeof s !== 'string') {
        this.issue(AVRO_RULES.INVALID_ATTRIBUTE, 'an enum symbol must be a string', p);
        return;
      }
      if (!isValidName(s))
        this.issue(
          AVRO_RULES.INVALID_NAME,
          `'${s}' is not a valid enum symbol (letters, digits and '_', not starting with a digit)`,
          p,
        );
      if (symbols.includes(s)) {
        this.issue(AVRO_RULES.DUPLICATE_SYMBOL, `the symbol '${s}' appears twice in enum '${t.fullName}'`, p);
        return;
      }
      symbols.push(s);
    });
    if (has(o, 'default')) {
      const d = o['default'];
      if (typeof d !== 'string' || !symbols.includes(d)) {
        this.issue(
          AVRO_RULES.INVALID_ENUM_DEFAULT,
          `the enum default ${JSON.stringify(d)} is not one of the symbols of '${t.fullName}'`,
          joinPointer(pointer, 'default'),
        );
      } else {
        t.default = d;
      }
    }
    this.complete(t);
    return t;
  }

  private parseFixed(o: JsonObject, pointer: string, space: string | undefined): AvroType | undefined {
    const t = this.defineNamed(o, pointer, space, (b) => {
      const f = b as AvroFixed;
      f.kind = 'fixed';
      f.size = 0;
      return f;
    });
    if (t === undefined) return undefined;
    t.props = this.props(o, pointer, SCHEMA_RESERVED);
    const size = o['size'];
    const sp = joinPointer(pointer, 'size');
    const text = typeof size === 'number' ? this.numberText(sp, size) : undefined;
    if (typeof size !== 'number' || text === undefined || !/^\d+$/.test(text) || size > 2 ** 31 - 1) {
      this.issue(
        has(o, 'size') ? AVRO_RULES.INVALID_FIXED_SIZE : AVRO_RULES.MISSING_ATTRIBUTE,
        "a fixed needs a 'size': a non-negative integer number of bytes",
        has(o, 'size') ? sp : pointer,
      );
      return t;
    }
    t.size = size;
    this.checkDecimal(o, pointer, size);
    this.complete(t);
    return t;
  }

  /**
   * Decimal precision and scale. Avro Java ignores a malformed logical type (the schema stays valid, the
   * type is read as plain bytes/fixed), and the registry accepts it, so these are warnings, for new schemas.
   */
  private checkDecimal(o: JsonObject, pointer: string, fixedSize: number | undefined): void {
    if (this.lenient || o['logicalType'] !== 'decimal') return;
    const precision = o['precision'];
    const scale = o['scale'] ?? 0;
    const isInt = (v: JsonValue | undefined): v is number => typeof v === 'number' && Number.isInteger(v);
    if (!isInt(precision) || precision < 1) {
      this.warn(
        AVRO_WARNINGS.INVALID_DECIMAL,
        "a decimal needs a 'precision': a positive integer (Avro ignores this logical type)",
        has(o, 'precision') ? joinPointer(pointer, 'precision') : pointer,
      );
      return;
    }
    if (!isInt(scale) || scale < 0 || scale > precision) {
      this.warn(
        AVRO_WARNINGS.INVALID_DECIMAL,
        `a decimal's 'scale' must be an integer from 0 to its precision (${precision}) (Avro ignores this logical type)`,
        joinPointer(pointer, 'scale'),
      );
    }
    if (fixedSize !== undefined) {
      const maxDigits = fixedSize === 0 ? 0 : Math.floor(Math.log10(2) * (8 * fixedSize - 1));
      if (precision > maxDigits) {
        this.warn(
          AVRO_WARNINGS.DECIMAL_PRECISION_EXCEEDS_FIXED,
          `a fixed of ${fixedSize} bytes holds at most ${maxDigits} decimal digits; precision ${precision} does not fit (Avro ignores this logical type)`,
          joinPointer(pointer, 'precision'),
        );
      }
    }
  }
}

function parseDocument(
  text: string,
  file: string | undefined,
  issues: SchemaIssue[],
  prefix: string,
): JsonDocument | undefined {
  try {
    return parseJson(text, file);
  } catch (e) {
    if (!isSchemagateError(e)) throw e;
    issues.push({
      rule: AVRO_RULES.INVALID_JSON,
      message: `${prefix}${e.message}`,
      pointer: '',
      line: e.location.line ?? 1,
      column: e.location.column ?? 1,
    });
    return undefined;
  }
}

/**
 * Parses and validates an Avro schema text. Every problem is returned (not only the first), each with a
 * rule id, a JSON pointer and its line and column. References (named types defined in other schemas)
 * are parsed first, leniently, in the order given.
 */
export function parseAvro(text: string, options: ParseOptions = {}): ParseResult<AvroSchema> {
  const issues: SchemaIssue[] = [];
  const named = new Map<string, AvroNamed>();
  const completed = new Set<string>();
  const referenceRoots = new Set<AvroNamed>();
  (options.references ?? []).forEach((ref, i) => {
    const prefix = `in reference '${ref.name}': `;
    const doc = parseDocument(ref.text, undefined, issues, prefix);
    if (doc === undefined) return;
    const p = new Parser(ref.text, doc, i + 1, named, completed, true, ref.name);
    const root = p.finish(p.parseType(doc.value, '', undefined));
    for (const issue of p.issues) {
      issues.push({
        rule: AVRO_RULES.REFERENCE,
        message: `${issue.message} (${issue.rule} at line ${issue.line}, column ${issue.column} of the reference)`,
        pointer: '',
        line: 1,
        column: 1,
      });
    }
    if (root !== undefined && (root.kind === 'record' || root.kind === 'enum' || root.kind === 'fixed'))
      referenceRoots.add(root);
  });
  const doc = parseDocument(text, options.file, issues, '');
  if (doc === undefined) return { ok: false, issues };
  const parser = new Parser(text, doc, 0, named, completed, options.lenient === true, undefined);
  const root = parser.finish(parser.parseType(doc.value, '', undefined));
  issues.push(...parser.issues);
  if (issues.length > 0 || root === undefined) {
    return {
      ok: false,
      issues:
        issues.length > 0
          ? issues
          : [
              {
                rule: AVRO_RULES.SCHEMA_SHAPE,
                message: 'not an Avro schema',
                pointer: '',
                line: 1,
                column: 1,
              },
            ],
    };
  }
  const schema: AvroSchema = {
    format: 'avro',
    text,
    doc,
    root,
    named,
    referenceRoots,
    warnings: parser.warnings,
  };
  if (options.file !== undefined) schema.file = options.file;
  return { ok: true, schema };
}
