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

interface RawFinding {
  errorType: string;
  /** Avro location tokens below the root. */
  loc: string[];
  readerPointer: string;
  writerPointer: string;
  info: string;
  /** Builds the message and fix once the labels are known. */
  explain: (labels: PairContext, path: string) => { message: string; fix: string };
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
  return loc.length === 0 ? '/' : `/${loc.map(escapePointerToken).join('/')}`;
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

  private emit(f: Omit<RawFinding, 'loc'>, ...tail: string[]): void {
    if (this.total >= MAX_FINDINGS) return;
    this.total++;
    this.sink.push({ ...f, loc: tail.length === 0 ? this.loc.slice() : [...this.loc, ...tail] });
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
        readerPointer: rUse,
        writerPointer: wUse,
        info: `reader union lacking writer type: ${typeLabel(w)}`,
        explain: (c, path) => ({
          message: `The ${c.reader} schema is missing a type inside a union field at path '${path}' in the ${c.writer} schema: no branch of the ${c.reader} union can read ${describeType(w)}${detail}`,
          fix: c.reader === 'new' ? `add ${describeType(w)} to the union (or a type it promotes to)` : `keep the type one of the old union's branches can read (${describeType(r)})`,
        }),
      });
      return;
    }
    if (readsPrimitive(r.kind, w.kind)) return;
    this.emit({
      errorType: AVRO_ERROR_TYPES.TYPE_MISMATCH,
      readerPointer: rUse,
      writerPointer: wUse,
      info: `reader type: ${typeLabel(r)} not compatible with writer type: ${typeLabel(w)}`,
      explain: (c, path) => ({
        message: `The type (path '${path}') of a field in the ${c.reader} schema does not match with the ${c.writer} schema: ${c.reader} ${describeType(r)} cannot read ${c.writer} ${describeType(w)}`,
        fix:
          c.reader === 'new'
            ? `keep ${describeType(w)}, or use a type that reads it (int→long→float→double, string↔bytes, or a union that includes it)`
            : `keep a type the old schema (${describeType(r)}) can read: the same type, a narrower number type it promotes from, or string/bytes`,
      }),
    });
  }

  /** Index of the first reader branch that reads `w`, trying the likeliest branch first; -1 when none. */
  private unionReads(r: AvroUnion, w: AvroType, wUse: string): number {
    const key = unionBranchKey(w);
    const likely = r.branches.findIndex((b) => unionBranchKey(b) === key || (isNamed(b) && isNamed(w) && b.kind === w.kind && b.name === w.name));
    if (likely >= 0 && this.probe(r.branches[likely] as AvroType, w, r.branchPointers[likely] ?? '', wUse).length === 0) return likely;
    for (let i = 0; i < r.branches.length; i++) {
      if (i === likely) continue;
      const b = r.branches[i] as AvroType;
      if (this.probe(b, w, r.branchPointers[i] ?? '', wUse).length === 0) return i;
    }
    return -1;
  }

  private closestBranch(r: AvroUnion, w: AvroType): { branch: AvroType; pointer: string } | undefined {
    const i = r.branches.findIndex((b) => b.kind === w.kind && (!isNamed(b) || !isNamed(w) || namesMatch(b, w)));
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
          readerPointer: r.pointer,
          writerPointer: wUse,
          info: `reader union lacking writer type: ${typeLabel(b)}`,
          explain: (c, path) => ({
            message: `The ${c.reader} schema is missing a type inside a union field at path '${path}' in the ${c.writer} schema: no branch of the ${c.reader} union can read ${describeType(b)}${detail}`,
            fix: c.reader === 'new' ? `add ${describeType(b)} to the union (or keep it readable by one of its branches)` : `remove ${describeType(b)} from the new union: old readers have no branch for it`,
          }),
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
        readerPointer: `${r.pointer}/name`,
        writerPointer: `${w.pointer}/name`,
        info: `expected: ${w.fullName}`,
        explain: (c, path) => ({
          message: `The name of the schema has changed (path '${path}'): the ${c.reader} schema names it '${r.fullName}', the ${c.writer} schema '${w.fullName}'`,
          fix: c.reader === 'new' ? `keep the name '${w.name}', or add '${w.fullName}' to the new ${r.kind}'s aliases` : `keep the name '${r.name}': old readers match ${r.kind}s by name`,
        }),
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
        readerPointer: `${r.pointer}/size`,
        writerPointer: `${w.pointer}/size`,
        info: `expected: ${w.size}, found: ${r.size}`,
        explain: (c, path) => ({
          message: `The size of FIXED type field at path '${path}' in the ${c.reader} schema does not match with the ${c.writer} schema: ${c.reader} size ${r.size}, ${c.writer} size ${w.size}`,
          fix: `keep the size ${c.reader === 'new' ? w.size : r.size} (a fixed's size cannot change)`,
        }),
      },
      'size',
    );
  }

  private enums(r: AvroEnum, w: AvroEnum): void {
    this.names(r, w);
    const missing = w.symbols.filter((s) => !r.symbols.includes(s));
    if (missing.length === 0 || (r.default !== undefined && r.symbols.includes(r.default))) return;
    missing.sort();
    const list = missing.map((s) => `'${s}'`).join(', ');
    const symbolIndex = w.symbols.indexOf(missing[0] as string);
    this.emit(
      {
        errorType: AVRO_ERROR_TYPES.MISSING_ENUM_SYMBOLS,
        readerPointer: `${r.pointer}/symbols`,
        writerPointer: `${w.pointer}/symbols/${symbolIndex}`,
        info: `[${missing.join(', ')}]`,
        explain: (c, path) => ({
          message: `The ${c.reader} schema is missing enum symbols '[${missing.join(', ')}]' at path '${path}' in the ${c.writer} schema`,
          fix:
            c.reader === 'new'
              ? `add symbol${missing.length > 1 ? 's' : ''} ${list} or an enum default`
              : `remove symbol${missing.length > 1 ? 's' : ''} ${list} from the new enum: the old enum has no default to read ${missing.length > 1 ? 'them' : 'it'} as`,
        }),
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
      for (const f of known) this.emit({ ...f }, ...f.loc);
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
    r.fields.forEach((rf, i) => {
      this.loc.push(String(i));
      const matches = writerFieldsFor(rf, w);
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
      readerPointer: rf.pointer,
      writerPointer: `${w.pointer}/fields`,
      info: rf.name,
      explain: (c, path) => ({
        message: `The field '${rf.name}' at path '${path}' in the ${c.reader} schema has no default value and is missing in the ${c.writer} schema`,
        fix: c.reader === 'new' ? `give field '${rf.name}' a default` : `keep field '${rf.name}' in the new schema: the old schema reads it and has no default for it`,
      }),
    });
  }

  private ambiguous(rf: AvroField, w: AvroRecord, matches: AvroField[]): void {
    const names = matches.map((m) => `'${m.name}'`).join(' and ');
    this.emit({
      errorType: AVRO_ERROR_TYPES.AMBIGUOUS_FIELD_ALIAS,
      readerPointer: rf.pointer,
      writerPointer: matches[1]?.pointer ?? w.pointer,
      info: `Reader record field ${rf.name} matches multiple fields in writer record schema ${w.fullName}`,
      explain: (c, path) => ({
        message: `The field '${rf.name}' at path '${path}' in the ${c.reader} schema matches ${names} in the ${c.writer} schema through its name and aliases`,
        fix: `make field '${rf.name}' and its aliases match one field of the ${c.writer} schema`,
      }),
    });
  }
}

const writerFieldIndex = new WeakMap<AvroRecord, Map<string, AvroField>>();

function writerFieldsFor(rf: AvroField, w: AvroRecord): AvroField[] {
  let byName = writerFieldIndex.get(w);
  if (byName === undefined) {
    byName = new Map(w.fields.map((f) => [f.name, f]));
    writerFieldIndex.set(w, byName);
  }
  const direct = byName.get(rf.name);
  if (rf.aliases.length === 0) return direct === undefined ? [] : [direct];
  const out = direct === undefined ? [] : [direct];
  for (const a of rf.aliases) {
    const f = byName.get(a);
    if (f !== undefined && !out.includes(f)) out.push(f);
  }
  return out;
}

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
    const { message, fix } = f.explain(context, path);
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
