import { COMPATIBLE_CHANGES, type Difference, type DifferenceType } from './differences.js';
import { JavaHashSet, javaHashOrder } from './java-order.js';
import {
  mapTypes,
  SCALAR_TYPES,
  type EnumElement,
  type FieldElement,
  type Label,
  type MessageElement,
  type OneOfElement,
  type TypeElement,
} from './model.js';
import { resolveName, type TypeIndex, type TypeInfo } from './types.js';

type Kind = 'SCALAR' | 'MAP' | 'MESSAGE';
type ScalarKind =
  'GENERAL_NUMBER' | 'SIGNED_NUMBER' | 'STRING_OR_BYTES' | 'FIXED32' | 'FIXED64' | 'FLOAT' | 'DOUBLE';

const SCALAR_KINDS: Record<string, ScalarKind> = {
  int32: 'GENERAL_NUMBER',
  int64: 'GENERAL_NUMBER',
  uint32: 'GENERAL_NUMBER',
  uint64: 'GENERAL_NUMBER',
  bool: 'GENERAL_NUMBER',
  sint32: 'SIGNED_NUMBER',
  sint64: 'SIGNED_NUMBER',
  string: 'STRING_OR_BYTES',
  bytes: 'STRING_OR_BYTES',
  fixed32: 'FIXED32',
  sfixed32: 'FIXED32',
  fixed64: 'FIXED64',
  sfixed64: 'FIXED64',
  float: 'FLOAT',
  double: 'DOUBLE',
};

/**
 * The walk of the registry's `SchemaDiff.compare(original, update)`: the same differences, at the
 * same paths, in the same order (hash-set order where the registry iterates hash sets).
 */
class DiffContext {
  readonly diffs: Difference[] = [];
  private readonly path: string[] = [];
  /** The enclosing message names, for resolving relative type names. */
  private readonly scope: string[] = [];

  constructor(
    readonly original: TypeIndex,
    readonly update: TypeIndex,
    private readonly packages: { original: string; update: string },
    /** Messages being compared up the stack (original side): a recursive type is compared once. */
    private readonly onStack: Set<MessageElement>,
    /** Inside a type of another file: the path of the field in the schema that led there. */
    private readonly origin: string | undefined,
  ) {}

  sub(originalPackage: string, updatePackage: string, localName: string): DiffContext {
    const ctx = new DiffContext(
      this.original,
      this.update,
      { original: originalPackage, update: updatePackage },
      new Set(this.onStack),
      this.origin ?? this.pathString(),
    );
    ctx.path.push(...localName.split('.'));
    ctx.scope.push(...localName.split('.'));
    return ctx;
  }

  private pathString(): string {
    return `#/${this.path.join('/')}`;
  }

  add(type: DifferenceType): void {
    const path = this.pathString();
    this.diffs.push({ type, path, at: this.origin ?? path });
  }

  inPath<T>(segment: string, run: () => T): T {
    this.path.push(segment);
    try {
      return run();
    } finally {
      this.path.pop();
    }
  }

  inName<T>(name: string, run: () => T): T {
    this.path.push(name);
    this.scope.push(name);
    try {
      return run();
    } finally {
      this.scope.pop();
      this.path.pop();
    }
  }

  isCompatible(): boolean {
    return this.diffs.every((d) => COMPATIBLE_CHANGES.has(d.type));
  }

  enterSchema(message: MessageElement): boolean {
    if (this.onStack.has(message)) return false;
    this.onStack.add(message);
    return true;
  }

  leaveSchema(message: MessageElement): void {
    this.onStack.delete(message);
  }

  resolve(name: string, isOriginal: boolean): string | undefined {
    const index = isOriginal ? this.original : this.update;
    const pkg = isOriginal ? this.packages.original : this.packages.update;
    return resolveName((n) => index.type(n), pkg, this.scope, name);
  }

  typeOf(name: string, isOriginal: boolean): TypeInfo | undefined {
    const full = this.resolve(name, isOriginal);
    return full === undefined ? undefined : (isOriginal ? this.original : this.update).type(full);
  }
}

/** Every difference from `original` to `update`, as the registry lists them. */
export function compareFiles(
  original: { index: TypeIndex; packageName?: string; types: TypeElement[] },
  update: { index: TypeIndex; packageName?: string; types: TypeElement[] },
): Difference[] {
  const ctx = new DiffContext(
    original.index,
    update.index,
    { original: original.index.packageName, update: update.index.packageName },
    new Set(),
    undefined,
  );
  if ((original.packageName ?? null) !== (update.packageName ?? null)) ctx.add('PACKAGE_CHANGED');
  compareTypes(ctx, original.types, update.types);
  return ctx.diffs;
}

function splitTypes(types: TypeElement[]): {
  messages: Map<string, MessageElement>;
  indexes: Map<string, number>;
  enums: Map<string, EnumElement>;
} {
  const messages = new Map<string, MessageElement>();
  const indexes = new Map<string, number>();
  const enums = new Map<string, EnumElement>();
  let i = 0;
  for (const t of types) {
    if (t.kind === 'message') {
      messages.set(t.name, t);
      indexes.set(t.name, i++);
    } else enums.set(t.name, t);
  }
  return { messages, indexes, enums };
}

function compareTypes(ctx: DiffContext, original: TypeElement[], update: TypeElement[]): void {
  const a = splitTypes(original);
  const b = splitTypes(update);
  const messageNames = JavaHashSet.of(javaHashOrder(a.messages.keys()));
  for (const n of javaHashOrder(b.messages.keys())) messageNames.add(n);
  const enumNames = JavaHashSet.of(javaHashOrder(a.enums.keys()));
  for (const n of javaHashOrder(b.enums.keys())) enumNames.add(n);

  for (const name of messageNames) {
    const o = a.messages.get(name);
    const u = b.messages.get(name);
    ctx.inName(name, () => {
      if (u === undefined) {
        if (ctx.typeOf(name, true)?.mapType === undefined) ctx.add('MESSAGE_REMOVED');
      } else if (o === undefined) {
        if (ctx.typeOf(name, false)?.mapType === undefined) ctx.add('MESSAGE_ADDED');
      } else {
        compareMessages(ctx, o, u);
        if (a.indexes.get(name) !== b.indexes.get(name)) ctx.add('MESSAGE_MOVED');
      }
    });
  }
  for (const name of enumNames) {
    const o = a.enums.get(name);
    const u = b.enums.get(name);
    ctx.inName(name, () => {
      if (u === undefined) ctx.add('ENUM_REMOVED');
      else if (o === undefined) ctx.add('ENUM_ADDED');
      else compareEnums(ctx, o, u);
    });
  }
}

function compareEnums(ctx: DiffContext, original: EnumElement, update: EnumElement): void {
  const a = new Map(original.constants.map((c) => [c.tag, c]));
  const b = new Map(update.constants.map((c) => [c.tag, c]));
  const tags = JavaHashSet.of(javaHashOrder(a.keys()));
  for (const t of javaHashOrder(b.keys())) tags.add(t);
  for (const tag of tags) {
    const o = a.get(tag);
    const u = b.get(tag);
    ctx.inPath(String(tag), () => {
      if (u === undefined) ctx.add('ENUM_CONST_REMOVED');
      else if (o === undefined) ctx.add('ENUM_CONST_ADDED');
      else if (o.name !== u.name) ctx.add('ENUM_CONST_CHANGED');
    });
  }
}

interface FieldTable {
  byTag: Map<number, FieldElement>;
  oneOfOf: Map<number, string>;
  oneOfs: Map<string, OneOfElement>;
}

function fieldTable(m: MessageElement): FieldTable {
  const t: FieldTable = { byTag: new Map(), oneOfOf: new Map(), oneOfs: new Map() };
  for (const f of m.fields) t.byTag.set(f.tag, f);
  for (const o of m.oneOfs) {
    t.oneOfs.set(o.name, o);
    for (const f of o.fields) {
      t.byTag.set(f.tag, f);
      t.oneOfOf.set(f.tag, o.name);
    }
  }
  return t;
}

function compareMessages(ctx: DiffContext, original: MessageElement, update: MessageElement): void {
  if (ctx.enterSchema(original)) {
    try {
      compareMessageFields(ctx, original, update);
    } finally {
      ctx.leaveSchema(original);
    }
  }
  compareTypes(ctx, original.nestedTypes, update.nestedTypes);
}

function compareMessageFields(ctx: DiffContext, original: MessageElement, update: MessageElement): void {
  const a = fieldTable(original);
  const b = fieldTable(update);
  const goneOneOfs = new Set<string>();
  for (const [name, oneOf] of a.oneOfs) {
    if (!b.oneOfs.has(name) && !oneOf.fields.some((f) => b.byTag.has(f.tag))) goneOneOfs.add(name);
  }
  for (const oneOf of update.oneOfs) {
    ctx.inPath(oneOf.name, () => {
      const origins = new Set<string>();
      let movedIn = 0;
      for (const f of oneOf.fields) {
        const from = a.oneOfOf.get(f.tag);
        if (from !== undefined) origins.add(`oneof:${from}`);
        else if (a.byTag.has(f.tag)) {
          origins.add(`field:${f.tag}`);
          movedIn++;
        }
      }
      if (origins.size > 1)
        ctx.add(movedIn > 1 ? 'MULTIPLE_FIELDS_MOVED_TO_ONEOF' : 'FIELD_MOVED_TO_EXISTING_ONEOF');
    });
  }
  const oneOfNames = [...new Set([...a.oneOfs.keys(), ...b.oneOfs.keys()])].sort(javaStringCompare);
  for (const name of oneOfNames) {
    ctx.inPath(name, () => {
      if (!b.oneOfs.has(name)) ctx.add('ONEOF_REMOVED');
      else if (!a.oneOfs.has(name)) ctx.add('ONEOF_ADDED');
    });
  }
  const tags = [...new Set([...a.byTag.keys(), ...b.byTag.keys()])].sort((x, y) => x - y);
  for (const tag of tags) compareTag(ctx, a, b, tag, goneOneOfs);
}

function compareTag(
  ctx: DiffContext,
  a: FieldTable,
  b: FieldTable,
  tag: number,
  goneOneOfs: Set<string>,
): void {
  const o = a.byTag.get(tag);
  const u = b.byTag.get(tag);
  const oOneOf = a.oneOfOf.get(tag);
  const uOneOf = b.oneOfOf.get(tag);
  const t = String(tag);
  if (u === undefined && o !== undefined) {
    if (oOneOf !== undefined) {
      if (!goneOneOfs.has(oOneOf))
        ctx.inPath(oOneOf, () => ctx.inPath(t, () => ctx.add('ONEOF_FIELD_REMOVED')));
    } else ctx.inPath(t, () => ctx.add(o.label === 'required' ? 'REQUIRED_FIELD_REMOVED' : 'FIELD_REMOVED'));
  } else if (o === undefined && u !== undefined) {
    if (uOneOf !== undefined) ctx.inPath(uOneOf, () => ctx.inPath(t, () => ctx.add('ONEOF_FIELD_ADDED')));
    else ctx.inPath(t, () => ctx.add(u.label === 'required' ? 'REQUIRED_FIELD_ADDED' : 'FIELD_ADDED'));
  } else if (o !== undefined && u !== undefined) {
    if (oOneOf !== undefined && uOneOf === undefined)
      ctx.inPath(t, () => ctx.add('ONEOF_FIELD_MOVED_TO_TOP_LEVEL'));
    const compare = (): void => compareFields(ctx, o, u);
    if (uOneOf !== undefined) ctx.inPath(uOneOf, () => ctx.inPath(t, compare));
    else ctx.inPath(t, compare);
  }
}

function compareFields(ctx: DiffContext, original: FieldElement, update: FieldElement): void {
  if (original.name !== update.name) ctx.add('FIELD_NAME_CHANGED');
  compareLabelsAndTypes(ctx, original.label, update.label, original.type, update.type);
}

/** The `map<K, V>` a named synthetic map-entry message stands for (descriptor-derived schemas only). */
function namedMapType(ctx: DiffContext, type: string, isOriginal: boolean): string | undefined {
  if (SCALAR_TYPES.has(type) || type.startsWith('map<')) return undefined;
  return ctx.typeOf(type, isOriginal)?.mapType;
}

function kindOf(ctx: DiffContext, type: string, isOriginal: boolean): Kind {
  if (SCALAR_TYPES.has(type)) return 'SCALAR';
  if (mapTypes(type) !== undefined) return 'MAP';
  return ctx.typeOf(type, isOriginal)?.type.kind === 'enum' ? 'SCALAR' : 'MESSAGE';
}

function scalarKindOf(ctx: DiffContext, type: string, isOriginal: boolean): ScalarKind {
  const k = SCALAR_KINDS[type];
  if (k !== undefined) return k;
  if (ctx.typeOf(type, isOriginal)?.type.kind === 'enum') return 'GENERAL_NUMBER';
  throw new Error(`Unknown type ${type}`);
}

function compareLabelsAndTypes(
  ctx: DiffContext,
  originalLabel: Label | undefined,
  updateLabel: Label | undefined,
  originalType: string,
  updateType: string,
): void {
  const oType = namedMapType(ctx, originalType, true) ?? originalType;
  const uType = namedMapType(ctx, updateType, false) ?? updateType;
  const oKind = kindOf(ctx, oType, true);
  const uKind = kindOf(ctx, uType, false);
  if (oKind !== uKind) {
    ctx.add('FIELD_KIND_CHANGED');
    return;
  }
  if (oKind === 'SCALAR') {
    const a = scalarKindOf(ctx, oType, true);
    const b = scalarKindOf(ctx, uType, false);
    if (a !== b) ctx.add('FIELD_SCALAR_KIND_CHANGED');
    else if (originalLabel !== undefined && updateLabel !== undefined && originalLabel !== updateLabel) {
      if (a === 'STRING_OR_BYTES') ctx.add('FIELD_STRING_OR_BYTES_LABEL_CHANGED');
      else ctx.add('FIELD_NUMERIC_LABEL_CHANGED');
    }
  } else if (oKind === 'MESSAGE') compareMessageTypes(ctx, oType, uType);
  else {
    const [ok, ov] = mapTypes(oType) as [string, string];
    const [uk, uv] = mapTypes(uType) as [string, string];
    compareLabelsAndTypes(ctx, undefined, undefined, ok, uk);
    compareLabelsAndTypes(ctx, undefined, undefined, ov, uv);
  }
}

function localName(fullName: string, packageName: string): string {
  return fullName.startsWith(`${packageName}.`) ? fullName.slice(packageName.length + 1) : fullName;
}

function compareMessageTypes(ctx: DiffContext, original: string, update: string): void {
  const oFull = ctx.resolve(original, true);
  const uFull = ctx.resolve(update, false);
  if (oFull === undefined || uFull === undefined) {
    if (original !== update) ctx.add('FIELD_NAMED_TYPE_CHANGED');
    return;
  }
  const oInfo = ctx.original.type(oFull) as TypeInfo;
  const uInfo = ctx.update.type(uFull) as TypeInfo;
  const oLocal = localName(oFull, oInfo.packageName);
  const uLocal = localName(uFull, uInfo.packageName);
  if (oLocal !== uLocal) {
    ctx.add('FIELD_NAMED_TYPE_CHANGED');
    return;
  }
  // Types of the schema itself are compared where they are declared; types from other files are
  // compared here, through the field (the registry skips only the same subject and version).
  if (oInfo.source === '' && uInfo.source === '') return;
  if (oInfo.type.kind !== 'message' || uInfo.type.kind !== 'message') return;
  const sub = ctx.sub(oInfo.packageName, uInfo.packageName, oLocal);
  compareMessages(sub, oInfo.type, uInfo.type);
  for (const d of sub.diffs) ctx.diffs.push(d);
  if (!sub.isCompatible()) ctx.add('FIELD_NAMED_TYPE_CHANGED');
}

/** Java's `String.compareTo` (UTF-16 code units), for the registry's TreeSet of oneof names. */
function javaStringCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
