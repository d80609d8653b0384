import type { PairContext, PairFinding } from '../../compat/finding.js';
import { escapePointerToken } from '../json/parse.js';
import {
  describeType,
  isNamed,
  typeLabel,
  unionBranchKey,
  type AvroEnum,
  type AvroField,
  type AvroFixed,
  type AvroNamed,
  type AvroRecord,
  type AvroSchema,
  type AvroType,
  type AvroUnion,
} from './model.js';

/** The registry's Avro error types (Confluent `SchemaIncompatibilityType`), plus one for a Java exception. */
export const AVRO_ERROR_TYPES = {
  NAME_MISMATCH: 'NAME_MISMATCH',
  FIXED_SIZE_MISMATCH: 'FIXED_SIZE_MISMATCH',
  MISSING_ENUM_SYMBOLS: 'MISSING_ENUM_SYMBOLS',
  READER_FIELD_MISSING_DEFAULT_VALUE: 'READER_FIELD_MISSING_DEFAULT_VALUE',
  TYPE_MISMATCH: 'TYPE_MISMATCH',
  MISSING_UNION_BRANCH: 'MISSING_UNION_BRANCH',
  /** A reader field whose name and aliases match two writer fields: Avro Java throws, so the registry rejects. */
  AMBIGUOUS_FIELD_ALIAS: 'AMBIGUOUS_FIELD_ALIAS',
} as const;

/** Stops a pathological schema (a shared type reached along very many paths) from producing millions of findings. */
const MAX_FINDINGS = 1000;

/**
 * A finding as the walk records it: plain data, so that an incompatible pair with hundreds of findings
 * stays cheap; messages are written once at the end, when the reader/writer labels are known.
 */
interface RawFinding {
  errorType: string;
  /** Avro location tokens below the root. */
  loc: string[];
  readerPointer: string;
  writerPointer: string;
  info: string;
  r: AvroType;
  w: AvroType;
  /** Extra words: the missing symbols, the reason a union branch fails, the field name. */
  detail: string;
  /** For MISSING_UNION_BRANCH: whether the writer is itself a union (the failing type is one of its branches). */
  branch?: boolean;
}

type Memo = Map<AvroRecord, Map<AvroRecord, RawFinding[] | 'busy'>>;

// Java's "reader ← writer" promotions, keyed by reader type.
const PROMOTIONS: Record<string, readonly string[]> = {
  long: ['int'],
  float: ['int', 'long'],
  double: ['int', 'long', 'float'],
  string: ['bytes'],
  bytes: ['string'],
};

/** Readable, not the registry's: the kinds a reader primitive accepts (promotions included). */
function readsPrimitive(reader: string, writer: string): boolean {
  return reader === writer || (PROMOTIONS[reader]?.includes(writer) ?? false);
}

function namesMatch(r: AvroNamed, w: AvroNamed): boolean {
  return r.name === w.name || r.aliases.includes(w.fullName);
}

export function locationPath(loc: readonly string[]): string {
  if (loc.length === 0) return '/';
  let out = '';
  for (const token of loc)
    out += `/${token.includes('~') || token.includes('/') ? escapePointerToken(token) : token}`;
  return out;
}

class Checker {
  private readonly memo: Memo = new Map();
  private readonly loc: string[] = [];
  private sink: RawFinding[] = [];
  private total = 0;

  run(reader: AvroType, writer: AvroType, rUse: string, wUse: string): RawFinding[] {
    this.visit(reader, writer, rUse, wUse);
    return this.sink;
  }

  private emit(f: RawFinding, tail?: readonly string[] | string): void {
    if (this.total >= MAX_FINDINGS) return;
    this.total++;
    f.loc =
      tail === undefined
        ? this.loc.slice()
        : typeof tail === 'string'
          ? [...this.loc, tail]
          : [...this.loc, ...tail];
    this.sink.push(f);
  }

  /** Can `r` read `w`? Checked without reporting (the union rules need only the answer). */
  private probe(r: AvroType, w: AvroType, rUse: string, wUse: string): RawFinding[] {
    const saved = this.sink;
    const savedTotal = this.total;
    const savedLoc = this.loc.splice(0, this.loc.length);
    this.sink = [];
    this.total = 0;
    this.visit(r, w, rUse, wUse);
    const found = this.sink;
    this.sink = saved;
    this.total = savedTotal;
    this.loc.push(...savedLoc);
    return found;
  }

  private visit(r: AvroType, w: AvroType, rUse: string, wUse: string): void {
    if (r.kind === w.kind) {
      switch (r.kind) {
        case 'record':
          return this.records(r, w as AvroRecord);
        case 'enum':
          return this.enums(r, w as AvroEnum);
        case 'fixed':
          return this.fixeds(r, w as AvroFixed);
        case 'array':
          this.loc.push('items');
          this.visit(r.items, (w as typeof r).items, r.itemsPointer, (w as typeof r).itemsPointer);
          this.loc.pop();
          return;
        case 'map':
          this.loc.push('values');
          this.visit(r.values, (w as typeof r).values, r.valuesPointer, (w as typeof r).valuesPointer);
          this.loc.pop();
          return;
        case 'union':
          return this.unionFromUnion(r, w as AvroUnion);
        default:
          return;
      }
    }
    if (w.kind === 'union') {
      // Every branch the writer may have written must be readable. Java checks each branch in a fresh
      // context (location "/"); here each finding keeps the location where the union is used.
      w.branches.forEach((b, i) => this.visit(r, b, rUse, w.branchPointers[i] ?? wUse));
      return;
    }
    if (r.kind === 'union') {
      if (this.unionReads(r, w, wUse) >= 0) return;
      const closest = this.closestBranch(r, w);
      const detail = closest === undefined ? '' : this.firstReason(closest.branch, w, closest.pointer, wUse);
      this.emit({
        errorType: AVRO_ERROR_TYPES.MISSING_UNION_BRANCH,
        loc: [],
        readerPointer: rUse,
        writerPointer: wUse,
        info: `reader union lacking writer type: ${typeLabel(w)}`,
        r,
        w,
        detail,
      });
      return;
    }
    if (readsPrimitive(r.kind, w.kind)) return;
    this.emit({
      errorType: AVRO_ERROR_TYPES.TYPE_MISMATCH,
      loc: [],
      readerPointer: rUse,
      writerPointer: wUse,
      info: `reader type: ${typeLabel(r)} not compatible with writer type: ${typeLabel(w)}`,
      r,
      w,
      detail: '',
    });
  }

  /** Index of the first reader branch that reads `w`, trying the likeliest branch first; -1 when none. */
  private unionReads(r: AvroUnion, w: AvroType, wUse: string): number {
    const key = unionBranchKey(w);
    const likely = r.branches.findIndex(
      (b) =>
        unionBranchKey(b) === key || (isNamed(b) && isNamed(w) && b.kind === w.kind && b.name === w.name),
    );
    if (
      likely >= 0 &&
      this.probe(r.branches[likely] as AvroType, w, r.branchPointers[likely] ?? '', wUse).length === 0
    )
      return likely;
    for (let i = 0; i < r.branches.length; i++) {
      if (i === likely) continue;
      const b = r.branches[i] as AvroType;
      if (this.probe(b, w, r.branchPointers[i] ?? '', wUse).length === 0) return i;
    }
    return -1;
  }

  private closestBranch(r: AvroUnion, w: AvroType): { branch: AvroType; pointer: string } | undefined {
    const i = r.branches.findIndex(
      (b) => b.kind === w.kind && (!isNamed(b) || !isNamed(w) || namesMatch(b, w)),
    );
    return i < 0 ? undefined : { branch: r.branches[i] as AvroType, pointer: r.branchPointers[i] ?? '' };
  }

  private firstReason(r: AvroType, w: AvroType, rUse: string, wUse: string): string {
    const first = this.probe(r, w, rUse, wUse)[0];
    if (first === undefined) return '';
    return ` (closest branch ${describeType(r)}: ${first.errorType} at ${locationPath(first.loc)}: ${first.info})`;
  }

  private unionFromUnion(r: AvroUnion, w: AvroUnion): void {
    w.branches.forEach((b, i) => {
      const wUse = w.branchPointers[i] ?? w.pointer;
      if (this.unionReads(r, b, wUse) >= 0) return;
      const closest = this.closestBranch(r, b);
      const detail = closest === undefined ? '' : this.firstReason(closest.branch, b, closest.pointer, wUse);
      this.emit(
        {
          errorType: AVRO_ERROR_TYPES.MISSING_UNION_BRANCH,
          loc: [],
          readerPointer: r.pointer,
          writerPointer: wUse,
          info: `reader union lacking writer type: ${typeLabel(b)}`,
          r,
          w: b,
          detail,
          branch: true,
        },
        String(i),
      );
    });
  }

  private names(r: AvroNamed, w: AvroNamed): void {
    if (namesMatch(r, w)) return;
    this.emit(
      {
        errorType: AVRO_ERROR_TYPES.NAME_MISMATCH,
        loc: [],
        readerPointer: `${r.pointer}/name`,
        writerPointer: `${w.pointer}/name`,
        info: `expected: ${w.fullName}`,
        r,
        w,
        detail: '',
      },
      'name',
    );
  }

  private fixeds(r: AvroFixed, w: AvroFixed): void {
    this.names(r, w);
    if (r.size === w.size) return;
    this.emit(
      {
        errorType: AVRO_ERROR_TYPES.FIXED_SIZE_MISMATCH,
        loc: [],
        readerPointer: `${r.pointer}/size`,
        writerPointer: `${w.pointer}/size`,
        info: `expected: ${w.size}, found: ${r.size}`,
        r,
        w,
        detail: '',
      },
      'size',
    );
  }

  private enums(r: AvroEnum, w: AvroEnum): void {
    this.names(r, w);
    const missing = w.symbols.filter((s) => !r.symbols.includes(s));
    if (missing.length === 0 || (r.default !== undefined && r.symbols.includes(r.default))) return;
    missing.sort();
    const symbolIndex = w.symbols.indexOf(missing[0] as string);
    this.emit(
      {
        errorType: AVRO_ERROR_TYPES.MISSING_ENUM_SYMBOLS,
        loc: [],
        readerPointer: `${r.pointer}/symbols`,
        writerPointer: `${w.pointer}/symbols/${symbolIndex}`,
        info: `[${missing.join(', ')}]`,
        r,
        w,
        detail: missing.join('\u0000'),
      },
      'symbols',
    );
  }

  private records(r: AvroRecord, w: AvroRecord): void {
    let forReader = this.memo.get(r);
    if (forReader === undefined) this.memo.set(r, (forReader = new Map()));
    const known = forReader.get(w);
    if (known === 'busy') return; // recursion: compatible unless proven otherwise, as in Java
    if (known !== undefined) {
      for (const f of known) this.emit({ ...f }, f.loc);
      return;
    }
    forReader.set(w, 'busy');
    const base = this.loc.length;
    const start = this.sink.length;
    this.names(r, w);
    this.fields(r, w);
    forReader.set(
      w,
      this.sink.slice(start).map((f) => ({ ...f, loc: f.loc.slice(base) })),
    );
  }

  private fields(r: AvroRecord, w: AvroRecord): void {
    this.loc.push('fields');
    const byName = fieldsByName(w);
    r.fields.forEach((rf, i) => {
      this.loc.push(String(i));
      const matches = writerFieldsFor(rf, byName);
      const wf = matches[0];
      if (matches.length > 1) {
        this.ambiguous(rf, w, matches);
      } else if (wf !== undefined) {
        this.loc.push('type');
        this.visit(rf.type, wf.type, rf.typePointer, wf.typePointer);
        this.loc.pop();
      } else if (rf.default === undefined) {
        if (rf.type.kind === 'enum' && rf.type.default !== undefined) {
          // Java's quirk: an enum with an enum default is compared with the writer record itself.
          this.loc.push('type');
          this.visit(rf.type, w, rf.typePointer, w.pointer);
          this.loc.pop();
        } else {
          this.missingDefault(rf, w);
        }
      }
      this.loc.pop();
    });
    this.loc.pop();
  }

  private missingDefault(rf: AvroField, w: AvroRecord): void {
    this.emit({
      errorType: AVRO_ERROR_TYPES.READER_FIELD_MISSING_DEFAULT_VALUE,
      loc: [],
      readerPointer: rf.pointer,
      writerPointer: `${w.pointer}/fields`,
      info: rf.name,
      r: rf.type,
      w,
      detail: rf.name,
    });
  }

  private ambiguous(rf: AvroField, w: AvroRecord, matches: AvroField[]): void {
    const detail = `${rf.name}\u0000${matches.map((m) => `'${m.name}'`).join(' and ')}`;
    this.emit({
      errorType: AVRO_ERROR_TYPES.AMBIGUOUS_FIELD_ALIAS,
      loc: [],
      readerPointer: rf.pointer,
      writerPointer: matches[1]?.pointer ?? w.pointer,
      info: `Reader record field ${rf.name} matches multiple fields in writer record schema ${w.fullName}`,
      r: rf.type,
      w,
      detail,
    });
  }
}

/** The message (modelled on the registry's descriptions, §6.3) and the fix of a finding. */
function explain(f: RawFinding, c: PairContext, path: string): { message: string; fix: string } {
  const { r, w } = f;
  switch (f.errorType) {
    case AVRO_ERROR_TYPES.MISSING_UNION_BRANCH:
      return {
        message: `The ${c.reader} schema is missing a type inside a union field at path '${path}' in the ${c.writer} schema: no branch of the ${c.reader} union can read ${describeType(w)}${f.detail}`,
        fix:
          c.reader === 'new'
            ? `add ${describeType(w)} to the union (or a type it promotes to)`
            : f.branch === true
              ? `remove ${describeType(w)} from the new union: old readers have no branch for it`
              : `keep a type one of the old union's branches can read (${describeType(r)})`,
      };
    case AVRO_ERROR_TYPES.TYPE_MISMATCH:
      return {
        message: `The type (path '${path}') of a field in the ${c.reader} schema does not match with the ${c.writer} schema: ${c.reader} ${describeType(r)} cannot read ${c.writer} ${describeType(w)}`,
        fix:
          c.reader === 'new'
            ? `keep ${describeType(w)}, or use a type that reads it (int→long→float→double, string↔bytes, or a union that includes it)`
            : `keep a type the old schema (${describeType(r)}) can read: the same type, a narrower number type it promotes from, or string/bytes`,
      };
    case AVRO_ERROR_TYPES.NAME_MISMATCH: {
      const rn = r as AvroNamed;
      const wn = w as AvroNamed;
      return {
        message: `The name of the schema has changed (path '${path}'): the ${c.reader} schema names it '${rn.fullName}', the ${c.writer} schema '${wn.fullName}'`,
        fix:
          c.reader === 'new'
            ? `keep the name '${wn.name}', or add '${wn.fullName}' to the new ${rn.kind}'s aliases`
            : `keep the name '${rn.name}': old readers match ${rn.kind}s by name`,
      };
    }
    case AVRO_ERROR_TYPES.FIXED_SIZE_MISMATCH: {
      const rs = (r as AvroFixed).size;
      const ws = (w as AvroFixed).size;
      return {
        message: `The size of FIXED type field at path '${path}' in the ${c.reader} schema does not match with the ${c.writer} schema: ${c.reader} size ${rs}, ${c.writer} size ${ws}`,
        fix: `keep the size ${c.reader === 'new' ? ws : rs} (a fixed's size cannot change)`,
      };
    }
    case AVRO_ERROR_TYPES.MISSING_ENUM_SYMBOLS: {
      const missing = f.detail.split('\u0000');
      const list = missing.map((m) => `'${m}'`).join(', ');
      const plural = missing.length > 1;
      return {
        message: `The ${c.reader} schema is missing enum symbols '[${missing.join(', ')}]' at path '${path}' in the ${c.writer} schema`,
        fix:
          c.reader === 'new'
            ? `add symbol${plural ? 's' : ''} ${list} or an enum default`
            : `remove symbol${plural ? 's' : ''} ${list} from the new enum: the old enum has no default to read ${plural ? 'them' : 'it'} as`,
      };
    }
    case AVRO_ERROR_TYPES.READER_FIELD_MISSING_DEFAULT_VALUE:
      return {
        message: `The field '${f.detail}' at path '${path}' in the ${c.reader} schema has no default value and is missing in the ${c.writer} schema`,
        fix:
          c.reader === 'new'
            ? `give field '${f.detail}' a default`
            : `keep field '${f.detail}' in the new schema: the old schema reads it and has no default for it`,
      };
    default: {
      const [name = '', names = ''] = f.detail.split('\u0000');
      return {
        message: `The field '${name}' at path '${path}' in the ${c.reader} schema matches ${names} in the ${c.writer} schema through its name and aliases`,
        fix: `make field '${name}' and its aliases match one field of the ${c.writer} schema`,
      };
    }
  }
}

const writerFieldIndex = new WeakMap<AvroRecord, Map<string, AvroField>>();

/** A writer record's fields by name, built once per parsed schema. */
function fieldsByName(w: AvroRecord): Map<string, AvroField> {
  let byName = writerFieldIndex.get(w);
  if (byName === undefined) {
    byName = new Map(w.fields.map((f) => [f.name, f]));
    writerFieldIndex.set(w, byName);
  }
  return byName;
}

/** The writer fields a reader field matches by its name or aliases (Java's `lookupWriterField`). */
function writerFieldsFor(rf: AvroField, byName: Map<string, AvroField>): AvroField[] {
  const direct = byName.get(rf.name);
  if (rf.aliases.length === 0) return direct === undefined ? NONE : [direct];
  const out = direct === undefined ? [] : [direct];
  for (const a of rf.aliases) {
    const f = byName.get(a);
    if (f !== undefined && !out.includes(f)) out.push(f);
  }
  return out;
}

const NONE: AvroField[] = [];

/**
 * Can `reader` read data written with `writer`? Avro Java's `SchemaCompatibility` rules as the
 * registry applies them, reporting every incompatibility (not only the first) with its location in
 * the reader, the pointer of the relevant part of the candidate (new) schema, the registry's error
 * type, its message and a fix.
 */
export function checkAvro(reader: AvroSchema, writer: AvroSchema, context: PairContext): PairFinding[] {
  const raw = new Checker().run(reader.root, writer.root, '', '');
  return raw.map((f) => {
    const path = locationPath(f.loc);
    const { message, fix } = explain(f, context, path);
    return {
      errorType: f.errorType,
      path,
      candidatePointer: context.reader === 'new' ? f.readerPointer : f.writerPointer,
      message,
      fix,
      additionalInfo: f.info,
    };
  });
}

/** True when `reader` can read everything `writer` writes. */
export function canRead(reader: AvroSchema, writer: AvroSchema): boolean {
  return new Checker().run(reader.root, writer.root, '', '').length === 0;
}

/** Type-level form of `canRead`, for callers that walk two schemas themselves (the semantic diff). */
export function typeCanRead(reader: AvroType, writer: AvroType): boolean {
  return new Checker().run(reader, writer, '', '').length === 0;
}
