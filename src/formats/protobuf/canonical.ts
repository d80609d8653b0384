import {
  mapTypes,
  MAX_TAG_VALUE,
  SCALAR_TYPES,
  type EnumConstantElement,
  type EnumElement,
  type ExtendElement,
  type ExtensionsElement,
  type FieldElement,
  type GroupElement,
  type MessageElement,
  type OneOfElement,
  type OptionElement,
  type OptionValue,
  type ProtoFile,
  type RangeValue,
  type ReservedElement,
  type RpcElement,
  type ServiceElement,
  type TypeElement,
} from './model.js';
import { resolveName, type TypeIndex } from './types.js';

/**
 * The registry's text forms of a Protobuf schema (`ProtobufSchemaUtils.toString`): `canonical` prints
 * the file as parsed, in a fixed layout (the identity of a version); `normalized` also resolves type
 * names to full names and sorts what has no meaning in its order (imports, options, fields by number,
 * enum values, reserved ranges), as `normalize=true` does.
 */
class Printer {
  private readonly scope: string[] = [];

  constructor(
    private readonly normalize: boolean,
    private readonly index: TypeIndex | undefined,
  ) {}

  file(f: ProtoFile): string {
    let s = '';
    if (f.syntax !== undefined && (!this.normalize || f.syntax === 'proto3'))
      s += `syntax = "${f.syntax}";\n`;
    if (f.packageName !== undefined) s += `package ${f.packageName};\n`;
    if (f.imports.length > 0 || f.publicImports.length > 0) {
      s += '\n';
      for (const i of this.sorted(f.imports)) s += `import "${i}";\n`;
      for (const i of this.sorted(f.publicImports)) s += `import public "${i}";\n`;
    }
    const options = this.options(f.options);
    if (options.length > 0) {
      s += '\n';
      for (const o of options) s += this.optionStatement(o);
    }
    const types = this.types(f.types);
    if (types.length > 0) {
      s += '\n';
      s += this.typeBlocks(types, (t) => t);
    }
    if (f.extendDeclarations.length > 0) {
      s += '\n';
      for (const x of this.extends(f.extendDeclarations)) s += this.extend(x);
    }
    if (f.services.length > 0) {
      s += '\n';
      for (const svc of f.services) s += this.service(svc);
    }
    return s;
  }

  private sorted(list: string[]): string[] {
    return this.normalize ? [...new Set(list)].sort() : list;
  }

  /** Messages first, then enums, each in written order (message order gives the message indexes). */
  private typeBlocks(types: TypeElement[], wrap: (s: string) => string): string {
    let s = '';
    for (const t of types) if (t.kind === 'message') s += this.named(t.name, () => wrap(this.message(t)));
    for (const t of types) if (t.kind === 'enum') s += this.named(t.name, () => wrap(this.enumType(t)));
    return s;
  }

  private named(name: string, run: () => string): string {
    this.scope.push(name);
    try {
      return run();
    } finally {
      this.scope.pop();
    }
  }

  private types(types: TypeElement[]): TypeElement[] {
    if (!this.normalize) return types;
    return types.filter((t) => t.kind !== 'message' || this.lookup(t.name)?.mapType === undefined);
  }

  private lookup(name: string): ReturnType<TypeIndex['types']['get']> {
    const full = this.resolve(name);
    return full === undefined ? undefined : this.index?.type(full);
  }

  private resolve(name: string): string | undefined {
    const index = this.index;
    if (index === undefined) return undefined;
    return resolveName((n) => index.type(n), index.packageName, this.scope, name);
  }

  private service(svc: ServiceElement): string {
    let s = `service ${svc.name} {`;
    const options = this.options(svc.options);
    if (options.length > 0) {
      s += '\n';
      for (const o of options) s += indent(this.optionStatement(o));
    }
    if (svc.rpcs.length > 0) {
      s += '\n';
      for (const r of svc.rpcs) s += indent(this.rpc(r));
    }
    return `${s}}\n`;
  }

  private rpc(r: RpcElement): string {
    const type = (t: string): string => (this.normalize ? `.${this.resolve(t) ?? t}` : t);
    let s = `rpc ${r.name} (${r.requestStreaming ? 'stream ' : ''}${type(r.requestType)}) returns (${
      r.responseStreaming ? 'stream ' : ''
    }${type(r.responseType)})`;
    const options = this.options(r.options);
    if (options.length > 0) {
      s += ' {\n';
      for (const o of options) s += indent(this.optionStatement(o));
      s += '}';
    }
    return `${s};\n`;
  }

  private enumType(e: EnumElement): string {
    let s = `enum ${e.name} {`;
    if (e.reserveds.length > 0) {
      s += '\n';
      for (const r of this.reserveds(e.reserveds)) s += indent(this.reserved(r));
    }
    if (e.reserveds.length === 0 && (e.options.length > 0 || e.constants.length > 0)) s += '\n';
    for (const o of this.options(e.options)) s += indent(this.optionStatement(o));
    const constants = this.normalize
      ? [...e.constants].sort((a, b) => a.tag - b.tag || javaCompare(a.name, b.name))
      : e.constants;
    for (const c of constants) s += indent(this.constant(c));
    return `${s}}\n`;
  }

  private constant(c: EnumConstantElement): string {
    const options = this.options(c.options);
    return `${c.name} = ${c.tag}${options.length > 0 ? ` ${this.optionList(options)}` : ''};\n`;
  }

  private message(m: MessageElement): string {
    let s = `message ${m.name} {`;
    if (m.reserveds.length > 0) {
      s += '\n';
      for (const r of this.reserveds(m.reserveds)) s += indent(this.reserved(r));
    }
    const options = this.options(m.options);
    if (options.length > 0) {
      s += '\n';
      for (const o of options) s += indent(this.optionStatement(o));
    }
    if (m.fields.length > 0) {
      s += '\n';
      for (const f of this.byTag(m.fields)) s += indent(this.field(f));
    }
    if (m.oneOfs.length > 0) {
      s += '\n';
      for (const o of this.oneOfs(m.oneOfs)) s += indent(this.oneOf(o));
    }
    if (m.groups.length > 0) {
      s += '\n';
      for (const g of this.byTag(m.groups)) s += indent(this.group(g));
    }
    if (m.extensions.length > 0) {
      s += '\n';
      for (const x of this.extensionRanges(m.extensions)) s += indent(this.extensions(x));
    }
    if (m.extendDeclarations.length > 0) {
      s += '\n';
      for (const x of this.extends(m.extendDeclarations)) s += indent(this.extend(x));
    }
    const types = this.types(m.nestedTypes);
    if (types.length > 0) {
      s += '\n';
      s += this.typeBlocks(types, indent);
    }
    return `${s}}\n`;
  }

  private byTag<T extends { tag: number }>(list: T[]): T[] {
    return this.normalize ? [...list].sort((a, b) => a.tag - b.tag) : list;
  }

  private oneOfs(list: OneOfElement[]): OneOfElement[] {
    if (!this.normalize) return list;
    return list
      .filter((o) => o.fields.length > 0)
      .map((o) => ({ ...o, fields: this.byTag(o.fields) }))
      .sort((a, b) => (a.fields[0] as FieldElement).tag - (b.fields[0] as FieldElement).tag);
  }

  private oneOf(o: OneOfElement): string {
    let s = `oneof ${o.name} {`;
    const options = this.options(o.options);
    if (options.length > 0) {
      s += '\n';
      for (const opt of options) s += indent(this.optionStatement(opt));
    }
    if (o.fields.length > 0) {
      s += '\n';
      for (const f of o.fields) s += indent(this.field(f));
    }
    if (o.groups.length > 0) {
      s += '\n';
      for (const g of this.byTag(o.groups)) s += indent(this.group(g));
    }
    return `${s}}\n`;
  }

  private group(g: GroupElement): string {
    let s = `${g.label === undefined ? '' : `${g.label} `}group ${g.name} = ${g.tag} {`;
    if (g.fields.length > 0) {
      s += '\n';
      for (const f of this.byTag(g.fields)) s += indent(this.field(f));
    }
    return `${s}}\n`;
  }

  private extends(list: ExtendElement[]): ExtendElement[] {
    if (!this.normalize) return list;
    const grouped = new Map<string, FieldElement[]>();
    for (const x of list) {
      const name = `.${this.resolve(x.name) ?? x.name}`;
      grouped.set(name, [...(grouped.get(name) ?? []), ...x.fields]);
    }
    return [...grouped].map(([name, fields]) => ({ name, fields, pos: { line: 1, column: 1 } }));
  }

  private extend(x: ExtendElement): string {
    let s = `extend ${x.name} {`;
    if (x.fields.length > 0) {
      s += '\n';
      for (const f of this.byTag(x.fields)) s += indent(this.field(f));
    }
    return `${s}}\n`;
  }

  private field(f: FieldElement): string {
    let label = f.label;
    let type = f.type;
    if (this.normalize) {
      let map = mapTypes(type);
      if (!SCALAR_TYPES.has(type) && map === undefined) {
        const full = this.resolve(type);
        const info = full === undefined ? undefined : this.index?.type(full);
        if (info?.mapType !== undefined) map = mapTypes(info.mapType);
        else type = full === undefined ? type : `.${full}`;
      }
      if (map !== undefined) {
        const value = SCALAR_TYPES.has(map[1]) ? undefined : this.resolve(map[1]);
        type = `map<${map[0]}, ${value === undefined ? map[1] : `.${value}`}>`;
        label = undefined;
      }
    }
    let s = `${label === undefined ? '' : `${label} `}${type} ${f.name} = ${f.tag}`;
    const special: OptionElement[] = [...f.options];
    const pos = f.pos;
    if (f.defaultValue !== undefined) {
      const kind = defaultKind(type);
      special.push({
        name: 'default',
        parenthesized: false,
        kind,
        value: { kind, value: f.defaultValue },
        pos,
      });
    }
    if (f.jsonName !== undefined)
      special.push({
        name: 'json_name',
        parenthesized: false,
        kind: 'STRING',
        value: { kind: 'STRING', value: f.jsonName },
        pos,
      });
    const options = this.options(special);
    if (options.length > 0) s += ` ${this.optionList(options)}`;
    return `${s};\n`;
  }

  private reserveds(list: ReservedElement[]): ReservedElement[] {
    if (!this.normalize) return list;
    return list
      .flatMap((r) => r.values.map((v) => ({ values: [v], pos: r.pos })))
      .sort(
        (a, b) =>
          rangeKey(a.values[0]) - rangeKey(b.values[0]) ||
          javaCompare(rangeText(a.values[0]), rangeText(b.values[0])),
      );
  }

  private extensionRanges(list: ExtensionsElement[]): ExtensionsElement[] {
    if (!this.normalize) return list;
    return list
      .flatMap((r) => r.values.map((v) => ({ values: [v], options: r.options, pos: r.pos })))
      .sort((a, b) => rangeKey(a.values[0]) - rangeKey(b.values[0]));
  }

  private range(v: RangeValue): string {
    if (typeof v === 'string') return `"${v}"`;
    if (typeof v === 'number') return String(v);
    if (this.normalize && v.start === v.end) return String(v.start);
    return `${v.start} to ${v.end < MAX_TAG_VALUE ? v.end : 'max'}`;
  }

  private reserved(r: ReservedElement): string {
    return `reserved ${r.values.map((v) => this.range(v)).join(', ')};\n`;
  }

  private extensions(x: ExtensionsElement): string {
    const options = this.options(x.options);
    return `extensions ${x.values.map((v) => this.range(v)).join(', ')}${
      options.length > 0 ? ` ${this.optionList(options)}` : ''
    };\n`;
  }

  /**
   * Normalized: custom option names resolved to full names, `(opt).a.b = v` turned into
   * `(opt) = { a: { b: v } }`, sorted by name, and the settings of one non-repeated option merged.
   */
  private options(options: OptionElement[]): OptionElement[] {
    const index = this.index;
    if (!this.normalize || options.length === 0 || index === undefined) return options;
    const resolved = options.map((o) => {
      if (!o.parenthesized) return o;
      const name = resolveName((n) => index.extendField(n), index.packageName, this.scope, o.name);
      return name === undefined ? o : asMap({ ...o, name });
    });
    const groups = new Map<string, OptionElement[]>();
    for (const o of [...resolved].sort((a, b) => javaCompare(a.name, b.name)))
      groups.set(o.name, [...(groups.get(o.name) ?? []), o]);
    return [...groups].flatMap(([name, list]) => {
      const info = index.extendField(name);
      if (info === undefined || info.field.label === 'repeated') return list;
      return [list.reduce((a, b) => this.mergeOption(info.field, a, b))];
    });
  }

  private mergeOption(
    field: FieldElement,
    existing: OptionElement,
    replacement: OptionElement,
  ): OptionElement {
    const next = asMap(replacement);
    if (existing.kind !== 'MAP' || next.kind !== 'MAP') return next;
    const merged = this.mergeMaps(field, existing.value as MapValue, next.value as MapValue);
    return { ...next, value: merged };
  }

  private mergeMaps(container: FieldElement | undefined, a: MapValue, b: MapValue): MapValue {
    const type = this.messageTypeOf(container);
    const entries: MapValue['entries'] = a.entries.map(([k, v]) => [k, v]);
    for (const [key, value] of b.entries) {
      const at = entries.findIndex(([k]) => k === key);
      if (at < 0) entries.push([key, value]);
      else {
        const nested = type === undefined ? undefined : fieldNamed(type, key);
        entries[at] = [key, this.mergeValues(nested, (entries[at] as MapValue['entries'][number])[1], value)];
      }
    }
    return { kind: 'MAP', entries };
  }

  /** A singular field: messages merge, anything else is replaced; repeated (or unknown): a list of both. */
  private mergeValues(field: FieldElement | undefined, a: MapEntryValue, b: MapEntryValue): MapEntryValue {
    const singular = field !== undefined && field.label !== 'repeated';
    if (singular && isMap(a) && isMap(b) && this.messageTypeOf(field) !== undefined)
      return this.mergeMaps(field, a, b);
    if (singular) return b;
    const out: OptionValue[] = [];
    for (const v of [...asList(a), ...asList(b)])
      if (!out.some((o) => JSON.stringify(o) === JSON.stringify(v))) out.push(v);
    return out;
  }

  private messageTypeOf(field: FieldElement | undefined): MessageElement | undefined {
    if (field === undefined) return undefined;
    const info = this.lookup(field.type);
    return info?.type.kind === 'message' ? info.type : undefined;
  }

  private optionStatement(o: OptionElement): string {
    return `option ${this.option(o)};\n`;
  }

  private option(o: OptionElement): string {
    const name = o.parenthesized ? `(${o.name})` : o.name;
    if (o.kind === 'OPTION') return `${name}.${this.option(o.value as OptionElement)}`;
    const v = o.value as OptionValue;
    if (v.kind === 'STRING') return `${name} = "${escapeChars(v.value)}"`;
    if (v.kind === 'MAP') return `${name} = {\n${this.mapEntries(v)}}`;
    if (v.kind === 'LIST') return `${name} = ${this.valueList(v.items)}`;
    return `${name} = ${this.scalar(v)}`;
  }

  /** `[a]` on one line, or one item a line when there are several (the registry's layout). */
  private optionList(options: OptionElement[]): string {
    return this.bracketed(options.map((o) => this.option(o)));
  }

  private valueList(items: OptionValue[]): string {
    return this.bracketed(items.map((i) => this.value(i)));
  }

  private bracketed(items: string[]): string {
    if (items.length === 1) return `[${items[0] as string}]`;
    return `[\n${items.map((s, i) => indent(`${s}${i < items.length - 1 ? ',' : ''}`)).join('')}]`;
  }

  private mapEntries(v: MapValue): string {
    let entries = v.entries;
    if (this.normalize) {
      const seen = new Set<string>();
      entries = entries
        .filter(([, value]) => !isListLike(value) || asList(value).length > 0)
        .map(([key, value]): MapValue['entries'][number] => [this.extensionKey(key), value])
        .sort(([x], [y]) => javaCompare(x, y))
        .filter(([key]) => {
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
    }
    return entries
      .map(([key, value], i) =>
        indent(
          `${key}: ${Array.isArray(value) ? this.listValue(value) : this.value(value)}${i < entries.length - 1 ? ',' : ''}`,
        ),
      )
      .join('');
  }

  /** `[ext]` keys name extension fields: normalized to their full names when they resolve. */
  private extensionKey(key: string): string {
    const index = this.index;
    if (index === undefined || !key.startsWith('[') || !key.endsWith(']')) return key;
    const name = resolveName((n) => index.extendField(n), index.packageName, this.scope, key.slice(1, -1));
    return name === undefined ? key : `[${name}]`;
  }

  private listValue(items: OptionValue[]): string {
    if (this.normalize && items.length === 1) return this.value(items[0] as OptionValue);
    return `[\n${items.map((s, i) => indent(`${this.value(s)}${i < items.length - 1 ? ',' : ''}`)).join('')}]`;
  }

  private value(v: OptionValue): string {
    if (v.kind === 'LIST' && this.normalize && v.items.length === 1)
      return this.value(v.items[0] as OptionValue);
    if (v.kind === 'STRING') return `"${escapeChars(v.value)}"`;
    if (v.kind === 'MAP') return `{\n${this.mapEntries(v)}}`;
    if (v.kind === 'LIST') return this.listValue(v.items);
    return this.scalar(v);
  }

  private scalar(v: OptionValue & { value: string }): string {
    return this.normalize && v.kind === 'NUMBER' ? javaDecimalFormat(v.value) : v.value;
  }
}

/** How the registry prints a `default`: quoted for strings, bare otherwise (bytes included). */
/**
 * A number as the registry normalizes it (commons-lang `createNumber`, then a `DecimalFormat` without
 * grouping): suffixes and trailing zeros dropped, at most three decimals, hex as decimal; what does
 * not parse (`inf`, `nan`) stays as written.
 */
export function javaDecimalFormat(raw: string): string {
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]+)[lL]?$/.exec(raw);
  if (hex !== null) return `${hex[1] === '-' ? '-' : ''}${BigInt(`0x${hex[2] as string}`).toString()}`;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[fFdDlL]?$/.exec(raw);
  if (m === null) return raw;
  const text = m[1] as string;
  if (/^[+-]?\d+$/.test(text)) return BigInt(text).toString();
  const n = Number(text);
  if (!Number.isFinite(n)) return raw;
  if (Object.is(n, -0)) return '-0';
  return n.toFixed(3).replace(/\.?0+$/, '');
}

type MapValue = OptionValue & { kind: 'MAP' };
type MapEntryValue = MapValue['entries'][number][1];

function isMap(v: MapEntryValue): v is MapValue {
  return !Array.isArray(v) && v.kind === 'MAP';
}

function isListLike(v: MapEntryValue): boolean {
  return Array.isArray(v) || v.kind === 'LIST';
}

function asList(v: MapEntryValue): OptionValue[] {
  if (Array.isArray(v)) return v;
  return v.kind === 'LIST' ? v.items : [v];
}

/** `(opt).a.b = v` as the map `(opt) = { a: { b: v } }` (the registry's `transform`). */
export function asMap(o: OptionElement): OptionElement {
  if (o.kind !== 'OPTION') return o;
  return { ...o, kind: 'MAP', value: nestedMap(o.value as OptionElement) };
}

function nestedMap(inner: OptionElement): MapValue {
  const value: OptionValue =
    inner.kind === 'OPTION' ? nestedMap(inner.value as OptionElement) : (inner.value as OptionValue);
  return { kind: 'MAP', entries: [[inner.name, value]] };
}

function fieldNamed(m: MessageElement, name: string): FieldElement | undefined {
  return (
    m.fields.find((f) => f.name === name) ?? m.oneOfs.flatMap((o) => o.fields).find((f) => f.name === name)
  );
}

function defaultKind(type: string): 'STRING' | 'BOOLEAN' | 'NUMBER' | 'ENUM' {
  if (type === 'bool') return 'BOOLEAN';
  if (type === 'string') return 'STRING';
  return SCALAR_TYPES.has(type) ? 'NUMBER' : 'ENUM';
}

function rangeKey(v: RangeValue | undefined): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'object') return v.start;
  return 2147483647;
}

function rangeText(v: RangeValue | undefined): string {
  if (typeof v === 'object') return `${v.start}..${v.end}`;
  return String(v);
}

function javaCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every line indented by two spaces (a trailing empty line dropped), as the registry nests blocks. */
function indent(text: string): string {
  // Java's String.split drops every trailing empty string.
  const lines = text.split('\n');
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => `  ${l}\n`).join('');
}

const ESCAPES: Record<string, string> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
};

function escapeChars(s: string): string {
  let out = '';
  for (const c of s) out += ESCAPES[c] ?? c;
  return out;
}

export function canonicalProto(file: ProtoFile): string {
  return new Printer(false, undefined).file(file);
}

export function normalizedProto(file: ProtoFile, index: TypeIndex): string {
  return new Printer(true, index).file(file);
}
