import type { PairContext, PairFinding } from '../../compat/finding.js';
import { javaTypeString } from './canonical.js';
import {
  describeType,
  isNamed,
  typeLabel,
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
 * An incompatibility as the walk records it: plain data, so that an incompatible pair with hundreds of
 * findings stays cheap; messages are written once at the end, when the reader/writer labels are known.
 */
interface RawFinding {
  errorType: string;
  /** Avro Java's location tokens (root token first), frozen where Java computed them. */
  javaLoc: readonly string[];
  /** Our location, relative to the pair whose result holds this finding. */
  rel: Rel | undefined;
  readerPointer: string;
  writerPointer: string;
  /** Avro's own message; derived when the finding is reported (most findings are only probes). */
  info?: string;
  r: AvroType;
  w: AvroType;
  /** Extra words: the missing symbols, the reason a union branch fails, the field name. */
  detail: string;
  /** For MISSING_UNION_BRANCH: whether the writer is itself a union (the failing type is one of its branches). */
  branch?: boolean;
}

/**
 * A location as a list of token groups that shares its tail: a finding rising through a level gains that
 * level's tokens in front without a copy of the rest (copies made deep pairs quadratic).
 */
interface Rel {
  readonly tokens: readonly string[];
  readonly next: Rel | undefined;
}

/** Location tokens are Avro keywords (`fields`, `type`, `items`…) and indexes: none needs escaping in a pointer. */
function relPath(rel: Rel | undefined): string {
  if (rel === undefined) return '/';
  let out = '';
  for (let at: Rel | undefined = rel; at !== undefined; at = at.next)
    for (const t of at.tokens) out += `/${t}`;
  return out === '' ? '/' : out;
}

const AT_ITEMS: readonly string[] = ['items'];
const AT_VALUES: readonly string[] = ['values'];

const INDEX_TOKENS = Array.from({ length: 256 }, (_, i) => String(i));

/** A location token for an index (field, branch), without a new string for the usual small ones. */
function indexToken(i: number): string {
  return INDEX_TOKENS[i] ?? String(i);
}

const AT_NAME: Rel = { tokens: ['name'], next: undefined };
const AT_SIZE: Rel = { tokens: ['size'], next: undefined };
const AT_SYMBOLS: Rel = { tokens: ['symbols'], next: undefined };

/**
 * A finding built with every property in one order: findings are copied at each level they rise through,
 * and objects of one shape keep those copies cheap (spreads of mixed shapes cost microseconds each).
 */
function finding(
  f: Omit<RawFinding, 'javaLoc'>,
  javaLoc: readonly string[],
  rel: Rel | undefined,
): RawFinding {
  return {
    errorType: f.errorType,
    javaLoc,
    rel,
    readerPointer: f.readerPointer,
    writerPointer: f.writerPointer,
    info: f.info,
    r: f.r,
    w: f.w,
    detail: f.detail,
    branch: f.branch,
  };
}

/** Avro's own message for a finding (Java's `Incompatibility.getMessage()`). */
function infoOf(f: RawFinding): string {
  if (f.info !== undefined) return f.info;
  switch (f.errorType) {
    case AVRO_ERROR_TYPES.TYPE_MISMATCH:
      return `reader type: ${typeLabel(f.r)} not compatible with writer type: ${typeLabel(f.w)}`;
    case AVRO_ERROR_TYPES.MISSING_UNION_BRANCH:
      return `reader union lacking writer type: ${typeLabel(f.w)}`;
    case AVRO_ERROR_TYPES.NAME_MISMATCH:
      return `expected: ${(f.w as AvroNamed).fullName}`;
    case AVRO_ERROR_TYPES.FIXED_SIZE_MISMATCH:
      return `expected: ${(f.w as AvroFixed).size}, found: ${(f.r as AvroFixed).size}`;
    case AVRO_ERROR_TYPES.MISSING_ENUM_SYMBOLS:
      return `[${f.detail.split('\u0000').join(', ')}]`;
    default:
      return f.detail;
  }
}

/** Java's `SchemaCompatibilityResult`: a verdict and the incompatibilities, in order. */
interface Result {
  compatible: boolean;
  findings: RawFinding[];
}

const COMPATIBLE: Result = { compatible: true, findings: [] };
const IN_PROGRESS: Result = { compatible: true, findings: [] };
/** A probe whose result is certain (incompatible) and computed only if the pair is met again. */
const DEFERRED: Result = { compatible: false, findings: [] };

const flatRecords = new WeakMap<AvroRecord, boolean>();

/** Every field primitive and no field alias: comparing such records touches no other pair and cannot throw. */
function isFlat(r: AvroRecord): boolean {
  let flat = flatRecords.get(r);
  if (flat === undefined) {
    flat = r.fields.every((f) => isPrimitive(f.type) && f.aliases.length === 0);
    flatRecords.set(r, flat);
  }
  return flat;
}

/** Java throws when a reader field matches two writer fields; the registry then answers incompatible. */
class AmbiguousField extends Error {
  constructor(readonly finding: RawFinding) {
    super(infoOf(finding));
  }
}

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

/** Java's `Incompatibility.getLocation()`: the tokens after the root one, as a JSON pointer ("/" at the root). */
function javaLocation(loc: readonly string[]): string {
  let out = '';
  for (let i = 1; i < loc.length; i++) out += `/${loc[i] as string}`;
  return out === '' ? '/' : out;
}

const isPrimitive = (t: AvroType): boolean =>
  !isNamed(t) && t.kind !== 'union' && t.kind !== 'array' && t.kind !== 'map';

/**
 * Pairs whose answer is certainly "incompatible" and whose findings touch no other pair: different kinds
 * (a TYPE_MISMATCH), enums or fixed of different names, flat records of different names.
 */
function certainlyIncompatible(b: AvroType, w: AvroType): boolean {
  if (b.kind === 'union' || w.kind === 'union') return false;
  if (b.kind !== w.kind) return !readsPrimitive(b.kind, w.kind);
  if (b.kind === 'enum' || b.kind === 'fixed') return !namesMatch(b, w as AvroNamed);
  if (b.kind === 'record') return !namesMatch(b, w as AvroRecord) && isFlat(b) && isFlat(w as AvroRecord);
  return false;
}

/** A union's named branches by name and by alias, so a named writer meets only the branches that may read it. */
interface UnionIndex {
  byName: Map<string, number[]>;
  byAlias: Map<string, number[]>;
  records: number[];
  nonFlatRecords: number[];
  all: number[];
}

const unionIndexes = new WeakMap<AvroUnion, UnionIndex>();

function unionIndex(union: AvroUnion): UnionIndex {
  let index = unionIndexes.get(union);
  if (index !== undefined) return index;
  index = {
    byName: new Map(),
    byAlias: new Map(),
    records: [],
    nonFlatRecords: [],
    all: union.branches.map((_, i) => i),
  };
  const add = (map: Map<string, number[]>, key: string, i: number): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [i]);
    else list.push(i);
  };
  union.branches.forEach((b, i) => {
    if (!isNamed(b)) return;
    add(index.byName, b.name, i);
    for (const alias of b.aliases) add(index.byAlias, alias, i);
    if (b.kind === 'record') {
      index.records.push(i);
      if (!isFlat(b)) index.nonFlatRecords.push(i);
    }
  });
  unionIndexes.set(union, index);
  return index;
}

function allBranches(union: AvroUnion): readonly number[] {
  return unionIndex(union).all;
}

/**
 * The indexes, in order, of the branches of `union` that are not certainly incompatible with `w` (the
 * others need no probe now: see deferred probes). For a named writer they come from the union's index.
 */
function probedBranches(union: AvroUnion, w: AvroType): readonly number[] {
  if (!isNamed(w)) return allBranches(union);
  const index = unionIndex(union);
  const byName = index.byName.get(w.name) ?? NO_BRANCHES;
  const byAlias = index.byAlias.get(w.fullName) ?? NO_BRANCHES;
  const records = w.kind !== 'record' ? NO_BRANCHES : isFlat(w) ? index.nonFlatRecords : index.records;
  // The usual case: one branch of that name, no alias naming `w`, no record that needs a probe anyway.
  if (byAlias.length === 0 && records.length === 0 && byName.length <= 1)
    return byName.length === 1 && union.branches[byName[0] as number]?.kind === w.kind ? byName : NO_BRANCHES;
  const picked = new Set<number>([...byName, ...byAlias, ...records]);
  return [...picked].filter((i) => union.branches[i]?.kind === w.kind).sort((a, b) => a - b);
}

const NO_BRANCHES: readonly number[] = [];

const branchIndexes = new WeakMap<AvroUnion, Map<AvroType, number>>();

function branchIndex(union: AvroUnion, t: AvroType): number {
  let indexes = branchIndexes.get(union);
  if (indexes === undefined) {
    indexes = new Map(union.branches.map((b, i) => [b, i]));
    branchIndexes.set(union, indexes);
  }
  return indexes.get(t) ?? -1;
}

/**
 * Java's memo of pairs: every pair of a named type or a union is computed once, so a pair met again repeats
 * the findings (and locations) of its first meeting, and a pair met inside itself (recursion) counts as
 * compatible. It changes an answer only when a pair can be met twice, that is when a node of a schema sits
 * on two paths from its root (a named type used again by name): see `hasSharedNode`.
 */
class PairMemo {
  /** A cell per pair, so that finishing a pair writes its result without a second lookup. */
  private readonly results = new Map<AvroType, Map<AvroType, { result: Result }>>();
  /** The writers of the pairs being computed, innermost last (Java's recursion guard marks them in the memo). */
  private readonly computing: AvroType[] = [];
  /**
   * Union probes that left their certainly incompatible branches out of the memo: per writer, the unions
   * probed and the index the probe stopped at. Such a pair, met again, is computed then (see deferred).
   */
  private readonly deferredProbes = new Map<AvroType, Array<{ union: AvroUnion; end: number }>>();

  /** The pair's memoised result, IN_PROGRESS, DEFERRED (skipped by a union probe), or undefined. */
  get(r: AvroType, w: AvroType): Result | undefined {
    const known = this.results.get(r)?.get(w)?.result;
    return known === undefined && this.wasDeferred(r, w) ? DEFERRED : known;
  }

  set(r: AvroType, w: AvroType, result: Result): { result: Result } {
    let forReader = this.results.get(r);
    if (forReader === undefined) this.results.set(r, (forReader = new Map()));
    const cell = { result };
    forReader.set(w, cell);
    return cell;
  }

  /** Marks the pair in progress; `finish` with the cell it returns. */
  start(r: AvroType, w: AvroType): { result: Result } {
    this.computing.push(w);
    return this.set(r, w, IN_PROGRESS);
  }

  finish(cell: { result: Result }, result: Result): void {
    this.computing.pop();
    cell.result = result;
  }

  /** Is more than one pair with writer `w` being computed (a recursion through `w`)? */
  recursing(w: AvroType): boolean {
    let n = 0;
    for (const x of this.computing) if (x === w && ++n > 1) return true;
    return false;
  }

  /**
   * Java probes union branches in order, and every probe is memoised with its fresh-context locations.
   * Some pairs are certainly incompatible and computing their findings touches no other pair, so that
   * work waits until (if ever) the pair is met again, in the same fresh context: the answer is the same.
   * Rather than a memo entry per skipped branch (thousands for wide unions), one record per probe says
   * which branches it passed.
   */
  recordProbe(union: AvroUnion, w: AvroType, end: number): void {
    if (end === 0) return;
    let probes = this.deferredProbes.get(w);
    if (probes === undefined) this.deferredProbes.set(w, (probes = []));
    probes.push({ union, end });
  }

  /** Was the pair (r, w) skipped by an earlier union probe (and so not computed yet)? */
  private wasDeferred(r: AvroType, w: AvroType): boolean {
    const probes = this.deferredProbes.get(w);
    if (probes === undefined || !certainlyIncompatible(r, w)) return false;
    for (const p of probes) {
      const i = branchIndex(p.union, r);
      if (i >= 0 && i < p.end) return true;
    }
    return false;
  }
}

const sharedNodes = new WeakMap<AvroType, boolean>();

/**
 * Does a node of this schema sit on two paths from the root (a named type used again by name, a
 * recursion)? Without one in either schema no pair can be met twice, and Java's memo changes nothing.
 */
export function hasSharedNode(root: AvroType): boolean {
  let shared = sharedNodes.get(root);
  if (shared !== undefined) return shared;
  shared = false;
  const seen = new Set<AvroType>();
  const todo = [root];
  for (let t = todo.pop(); t !== undefined && !shared; t = todo.pop()) {
    shared = seen.has(t);
    seen.add(t);
    if (t.kind === 'record') for (const f of t.fields) todo.push(f.type);
    else if (t.kind === 'array') todo.push(t.items);
    else if (t.kind === 'map') todo.push(t.values);
    else if (t.kind === 'union') todo.push(...t.branches);
  }
  sharedNodes.set(root, shared);
  return shared;
}

/**
 * Avro Java's `ReaderWriterCompatibilityChecker`, step for step, because the registry's locations depend on
 * its details: every pair of schema nodes is memoised (when a pair can be met twice), so a named type met a
 * second time repeats the locations of the first meeting; union branches are probed in a fresh context (their
 * own root); a writer union against a non-union reader adds the branch index. Beside Java's location each
 * finding keeps ours.
 */
class Checker {
  private readonly memo: PairMemo | undefined;

  constructor(withMemo: boolean) {
    this.memo = withMemo ? new PairMemo() : undefined;
  }

  run(reader: AvroType, writer: AvroType): Result {
    return this.pair('', reader, writer, '', '', []);
  }

  /** Java's `getCompatibility(token, reader, writer, location)`; `loc` is Java's location stack. */
  private pair(token: string, r: AvroType, w: AvroType, rUse: string, wUse: string, loc: string[]): Result {
    loc.push(token);
    // Without a shared node no pair is met twice: no memo. Primitives, arrays and maps belong to one parent
    // each: such a pair is met again only through its parents, whose pair is memoised (a named type or a
    // union), so it needs no memo entry of its own.
    const result =
      this.memo === undefined || (!isNamed(r) && !isNamed(w) && r.kind !== 'union' && w.kind !== 'union')
        ? this.calculate(r, w, rUse, wUse, loc)
        : this.memoised(this.memo, r, w, rUse, wUse, loc);
    loc.pop();
    return result;
  }

  private memoised(
    memo: PairMemo,
    r: AvroType,
    w: AvroType,
    rUse: string,
    wUse: string,
    loc: string[],
  ): Result {
    const known = memo.get(r, w);
    if (known === DEFERRED) {
      // Java computed this pair when it probed a union branch: in that fresh context, as here.
      const result = this.calculate(r, w, rUse, wUse, ['']);
      memo.set(r, w, result);
      return result;
    }
    // Recursion: compatible unless proven otherwise, as in Java.
    if (known !== undefined) return known === IN_PROGRESS ? COMPATIBLE : known;
    const cell = memo.start(r, w);
    const result = this.calculate(r, w, rUse, wUse, loc);
    memo.finish(cell, result);
    return result;
  }

  private leaf(f: Omit<RawFinding, 'javaLoc'>, loc: readonly string[]): Result {
    return { compatible: false, findings: [finding(f, loc.slice(), f.rel)] };
  }

  /**
   * Java's `mergedWith`, with the child's own locations moved under `tokens`. `into` is a result this
   * call owns (never a memoised one), so it grows in place: a record with many findings stays linear.
   */
  private merge(into: Result | undefined, child: Result, tokens?: readonly string[]): Result | undefined {
    if (child.compatible) return into;
    const out = into ?? { compatible: false, findings: [] };
    for (const f of child.findings) {
      if (out.findings.length >= MAX_FINDINGS) break;
      out.findings.push(tokens === undefined ? f : finding(f, f.javaLoc, { tokens, next: f.rel }));
    }
    return out;
  }

  private calculate(r: AvroType, w: AvroType, rUse: string, wUse: string, loc: string[]): Result {
    if (r.kind === w.kind) {
      switch (r.kind) {
        case 'record':
          return this.records(r, w as AvroRecord, loc);
        case 'enum':
          return this.both(this.names(r, w as AvroNamed, loc), this.enums(r, w as AvroEnum, loc));
        case 'fixed':
          return this.both(this.names(r, w as AvroNamed, loc), this.fixeds(r, w as AvroFixed, loc));
        case 'array': {
          const wa = w as typeof r;
          return this.only(
            this.pair('items', r.items, wa.items, r.itemsPointer, wa.itemsPointer, loc),
            AT_ITEMS,
          );
        }
        case 'map': {
          const wm = w as typeof r;
          return this.only(
            this.pair('values', r.values, wm.values, r.valuesPointer, wm.valuesPointer, loc),
            AT_VALUES,
          );
        }
        case 'union':
          return this.unionFromUnion(r, w as AvroUnion, loc);
        default:
          return COMPATIBLE;
      }
    }
    if (w.kind === 'union') {
      // Every branch the writer may have written must be readable. Java adds the branch index to its
      // location; ours stays where the union is used (the reader is not a union: no branch to point at).
      let result: Result | undefined;
      w.branches.forEach((b, i) => {
        result = this.merge(result, this.pair(indexToken(i), r, b, rUse, w.branchPointers[i] ?? wUse, loc));
      });
      return result ?? COMPATIBLE;
    }
    if (r.kind === 'union') return this.readerUnion(r, w, rUse, wUse, loc);
    if (readsPrimitive(r.kind, w.kind)) return COMPATIBLE;
    return this.leaf(
      {
        errorType: AVRO_ERROR_TYPES.TYPE_MISMATCH,
        rel: undefined,
        readerPointer: rUse,
        writerPointer: wUse,
        r,
        w,
        detail: '',
      },
      loc,
    );
  }

  /** A reader union reads `w` when one of its branches does: Java probes them in order, each in a fresh context. */
  private readerUnion(r: AvroUnion, w: AvroType, rUse: string, wUse: string, loc: string[]): Result {
    // A branch whose pair with `w` is being computed (recursion) is probed: Java counts it compatible.
    // (This union's own pair with `w` is one of those in progress.)
    const recursing = this.memo?.recursing(w) ?? false;
    for (const i of recursing ? allBranches(r) : probedBranches(r, w)) {
      const b = r.branches[i] as AvroType;
      if (certainlyIncompatible(b, w) && !(recursing && this.memo?.get(b, w) === IN_PROGRESS)) continue;
      if (this.probe(r, i, w, wUse).compatible) {
        this.memo?.recordProbe(r, w, i);
        return COMPATIBLE;
      }
    }
    this.memo?.recordProbe(r, w, r.branches.length);
    return this.leaf(
      {
        errorType: AVRO_ERROR_TYPES.MISSING_UNION_BRANCH,
        rel: undefined,
        readerPointer: rUse,
        writerPointer: wUse,
        r,
        w,
        detail: this.closestReason(r, w, wUse),
      },
      loc,
    );
  }

  private probe(r: AvroUnion, i: number, w: AvroType, wUse: string): Result {
    return this.pair('', r.branches[i] as AvroType, w, r.branchPointers[i] ?? '', wUse, []);
  }

  /**
   * Why the reader branch most like `w` (same kind and name) cannot read it. That branch was probed already
   * (it is never certainly incompatible), so asking again gives the same answer: the memoised one, or the
   * same findings computed again for a pair that has no memo entry.
   */
  private closestReason(r: AvroUnion, w: AvroType, wUse: string): string {
    const i = r.branches.findIndex(
      (b) => b.kind === w.kind && (!isNamed(b) || !isNamed(w) || namesMatch(b, w)),
    );
    const first = i < 0 ? undefined : this.probe(r, i, w, wUse).findings[0];
    if (first === undefined) return '';
    return ` (closest branch ${describeType(r.branches[i] as AvroType)}: ${first.errorType} at ${relPath(first.rel)}: ${infoOf(first)})`;
  }

  private unionFromUnion(r: AvroUnion, w: AvroUnion, loc: string[]): Result {
    let result: Result | undefined;
    w.branches.forEach((b, i) => {
      const wUse = w.branchPointers[i] ?? w.pointer;
      loc.push(indexToken(i));
      // Java probes the whole reader union against this branch in a fresh context.
      const probe = this.pair('', r, b, r.pointer, wUse, []);
      if (!probe.compatible) {
        const failing = probe.findings[0];
        result = this.merge(
          result,
          this.leaf(
            {
              errorType: AVRO_ERROR_TYPES.MISSING_UNION_BRANCH,
              rel: { tokens: [indexToken(i)], next: undefined },
              readerPointer: r.pointer,
              writerPointer: wUse,
              r,
              w: b,
              detail: failing?.errorType === AVRO_ERROR_TYPES.MISSING_UNION_BRANCH ? failing.detail : '',
              branch: true,
            },
            loc,
          ),
          [],
        );
      }
      loc.pop();
    });
    return result ?? COMPATIBLE;
  }

  private names(r: AvroNamed, w: AvroNamed, loc: string[]): Result {
    if (namesMatch(r, w)) return COMPATIBLE;
    loc.push('name');
    const result = this.leaf(
      {
        errorType: AVRO_ERROR_TYPES.NAME_MISMATCH,
        rel: AT_NAME,
        readerPointer: `${r.pointer}/name`,
        writerPointer: `${w.pointer}/name`,
        r,
        w,
        detail: '',
      },
      loc,
    );
    loc.pop();
    return result;
  }

  private fixeds(r: AvroFixed, w: AvroFixed, loc: string[]): Result {
    if (r.size === w.size) return COMPATIBLE;
    loc.push('size');
    const result = this.leaf(
      {
        errorType: AVRO_ERROR_TYPES.FIXED_SIZE_MISMATCH,
        rel: AT_SIZE,
        readerPointer: `${r.pointer}/size`,
        writerPointer: `${w.pointer}/size`,
        r,
        w,
        detail: '',
      },
      loc,
    );
    loc.pop();
    return result;
  }

  private enums(r: AvroEnum, w: AvroEnum, loc: string[]): Result {
    const missing = w.symbols.filter((s) => !r.symbols.includes(s));
    if (missing.length === 0 || (r.default !== undefined && r.symbols.includes(r.default))) return COMPATIBLE;
    missing.sort();
    const symbolIndex = w.symbols.indexOf(missing[0] as string);
    loc.push('symbols');
    const result = this.leaf(
      {
        errorType: AVRO_ERROR_TYPES.MISSING_ENUM_SYMBOLS,
        rel: AT_SYMBOLS,
        readerPointer: `${r.pointer}/symbols`,
        writerPointer: `${w.pointer}/symbols/${symbolIndex}`,
        r,
        w,
        detail: missing.join('\u0000'),
      },
      loc,
    );
    loc.pop();
    return result;
  }

  private records(r: AvroRecord, w: AvroRecord, loc: string[]): Result {
    let result = this.merge(undefined, this.names(r, w, loc));
    loc.push('fields');
    const byName = fieldsByName(w);
    for (let i = 0; i < r.fields.length; i++) {
      const rf = r.fields[i] as AvroField;
      // Without aliases a field finds at most one writer field (no list to build).
      const matches = rf.aliases.length === 0 ? undefined : writerFieldsFor(rf, byName);
      const wf = matches === undefined ? (sameNameField(w, i, rf.name) ?? byName.get(rf.name)) : matches[0];
      // The common case, two primitives one reads: nothing to record (primitive pairs have no memo entry).
      if (
        wf !== undefined &&
        isPrimitive(rf.type) &&
        isPrimitive(wf.type) &&
        readsPrimitive(rf.type.kind, wf.type.kind)
      ) {
        if (matches === undefined || matches.length === 1) continue;
      }
      loc.push(indexToken(i));
      if (matches !== undefined && matches.length > 1)
        throw new AmbiguousField(this.ambiguous(rf, w, matches, loc));
      if (wf !== undefined) {
        const child = this.pair('type', rf.type, wf.type, rf.typePointer, wf.typePointer, loc);
        if (!child.compatible) result = this.merge(result, child, ['fields', indexToken(i), 'type']);
      } else if (rf.default === undefined) {
        if (rf.type.kind === 'enum' && rf.type.default !== undefined) {
          // Java's quirk: an enum with an enum default is compared with the writer record itself.
          const child = this.pair('type', rf.type, w, rf.typePointer, w.pointer, loc);
          result = this.merge(result, child, ['fields', indexToken(i), 'type']);
        } else {
          result = this.merge(result, this.missingDefault(rf, w, loc), ['fields', indexToken(i)]);
        }
      }
      loc.pop();
    }
    loc.pop();
    return result ?? COMPATIBLE;
  }

  /** A result of one child (moved under `tokens`). */
  private only(child: Result, tokens: readonly string[]): Result {
    return this.merge(undefined, child, tokens) ?? COMPATIBLE;
  }

  /** Two results of this level, in order. */
  private both(a: Result, b: Result): Result {
    return this.merge(this.merge(undefined, a), b) ?? COMPATIBLE;
  }

  private missingDefault(rf: AvroField, w: AvroRecord, loc: string[]): Result {
    return this.leaf(
      {
        errorType: AVRO_ERROR_TYPES.READER_FIELD_MISSING_DEFAULT_VALUE,
        rel: undefined,
        readerPointer: rf.pointer,
        writerPointer: `${w.pointer}/fields`,
        r: rf.type,
        w,
        detail: rf.name,
      },
      loc,
    );
  }

  private ambiguous(rf: AvroField, w: AvroRecord, matches: AvroField[], loc: string[]): RawFinding {
    const names = matches.map((m) => `'${m.name}'`);
    const detail = `${rf.name}\u0000${matches.every((m) => m === matches[0]) ? `${names[0]} (through its name and again through its alias)` : names.join(' and ')}`;
    return {
      errorType: AVRO_ERROR_TYPES.AMBIGUOUS_FIELD_ALIAS,
      javaLoc: loc.slice(),
      rel: undefined,
      readerPointer: rf.pointer,
      writerPointer: matches[1]?.pointer ?? w.pointer,
      // Java's exception message (Field.toString(), then the writer record's JSON): the registry's text.
      info: `Reader record field ${rf.name} type:${typeLabel(rf.type)} pos:${loc[loc.length - 1] ?? ''} matches multiple fields in writer record schema ${javaTypeString(w)}`,
      r: rf.type,
      w,
      detail,
    };
  }

  /** The verdict and findings of a whole check; an ambiguous field ends it, as Java's exception does. */
  check(reader: AvroType, writer: AvroType): RawFinding[] {
    try {
      return this.run(reader, writer).findings;
    } catch (e) {
      if (!(e instanceof AmbiguousField)) throw e;
      // Our own path for it: Java's location is all we know of where the walk was.
      return [{ ...e.finding, rel: { tokens: e.finding.javaLoc.slice(1), next: undefined } }];
    }
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
  // As Java's lookupWriterField: an alias equal to the field's own name finds that field a second time.
  for (const a of rf.aliases) {
    const f = byName.get(a);
    if (f !== undefined) out.push(f);
  }
  return out;
}

const NONE: AvroField[] = [];

/** The writer field at the reader field's own position when it has the same name (fields rarely move): no lookup. */
function sameNameField(w: AvroRecord, i: number, name: string): AvroField | undefined {
  const f = w.fields[i];
  return f !== undefined && f.name === name ? f : undefined;
}

/**
 * Can `reader` read data written with `writer`? Avro Java's `SchemaCompatibility` rules as the
 * registry applies them, reporting every incompatibility (not only the first) with its location in
 * the reader (ours, and the registry's where it differs), the pointer of the relevant part of the
 * candidate (new) schema, the registry's error type, its message and a fix.
 */
export function checkAvro(reader: AvroSchema, writer: AvroSchema, context: PairContext): PairFinding[] {
  return report(newChecker(reader.root, writer.root).check(reader.root, writer.root), context);
}

/**
 * `checkAvro` with Java's memo of pairs whatever the schemas: what it answers for schemas that share a
 * node. Tests hold `checkAvro` to it, since leaving the memo out must change no answer.
 */
export function checkAvroWithMemo(
  reader: AvroSchema,
  writer: AvroSchema,
  context: PairContext,
): PairFinding[] {
  return report(new Checker(true).check(reader.root, writer.root), context);
}

function newChecker(reader: AvroType, writer: AvroType): Checker {
  return new Checker(hasSharedNode(reader) || hasSharedNode(writer));
}

/** The findings with their paths, Avro locations, messages and fixes, once the reader/writer labels are known. */
function report(findings: RawFinding[], context: PairContext): PairFinding[] {
  return findings.map((f) => {
    const path = relPath(f.rel);
    const registryPath = javaLocation(f.javaLoc);
    const { message, fix } = explain(f, context, path);
    return {
      errorType: f.errorType,
      path,
      registryPath,
      candidatePointer: context.reader === 'new' ? f.readerPointer : f.writerPointer,
      message,
      fix,
      additionalInfo: infoOf(f),
    };
  });
}

/** True when `reader` can read everything `writer` writes. */
export function canRead(reader: AvroSchema, writer: AvroSchema): boolean {
  return typeCanRead(reader.root, writer.root);
}

/** Type-level form of `canRead`, for callers that walk two schemas themselves (the semantic diff). */
export function typeCanRead(reader: AvroType, writer: AvroType): boolean {
  return newChecker(reader, writer).check(reader, writer).length === 0;
}
