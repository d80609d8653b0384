/**
 * A `.proto` file as written, element by element, in the shape of Wire's `ProtoFileElement` (the
 * registry parses with Wire): names and types exactly as spelled, declarations in source order. The
 * registry's diff and canonical form both work on this written form, not on resolved descriptors.
 */

export interface SourcePos {
  line: number;
  column: number;
}

export type Label = 'optional' | 'required' | 'repeated';

export type OptionKind = 'STRING' | 'BOOLEAN' | 'NUMBER' | 'ENUM' | 'MAP' | 'LIST' | 'OPTION';

/** An option value inside a map or list: a primitive keeps its kind so it prints as written. */
export type OptionValue =
  | { kind: 'STRING' | 'BOOLEAN' | 'NUMBER' | 'ENUM'; value: string }
  | { kind: 'MAP'; entries: Array<[string, OptionValue | OptionValue[]]> }
  | { kind: 'LIST'; items: OptionValue[] };

export interface OptionElement {
  /** `java_package`, or the extension name inside the parentheses: `(foo.bar)` → `foo.bar`. */
  name: string;
  parenthesized: boolean;
  kind: OptionKind;
  /** For kind OPTION, the nested option (`(foo).bar = 1`); otherwise the value. */
  value: OptionValue | OptionElement;
  pos: SourcePos;
}

export interface FieldElement {
  name: string;
  tag: number;
  /** As written: `string`, `Status`, `.foo.Status`, `map<string, int32>`. */
  type: string;
  label?: Label;
  defaultValue?: string;
  jsonName?: string;
  options: OptionElement[];
  pos: SourcePos;
  typePos: SourcePos;
}

export interface GroupElement {
  name: string;
  tag: number;
  label?: Label;
  fields: FieldElement[];
  pos: SourcePos;
}

export interface OneOfElement {
  name: string;
  fields: FieldElement[];
  groups: GroupElement[];
  options: OptionElement[];
  pos: SourcePos;
}

/** `reserved 2, 5 to 9, "old";` or `extensions 100 to max;`: numbers, inclusive ranges and names. */
export type RangeValue = number | { start: number; end: number } | string;

export interface ReservedElement {
  values: RangeValue[];
  pos: SourcePos;
}

export interface ExtensionsElement {
  values: Array<number | { start: number; end: number }>;
  options: OptionElement[];
  pos: SourcePos;
}

export interface ExtendElement {
  name: string;
  fields: FieldElement[];
  pos: SourcePos;
}

export interface MessageElement {
  kind: 'message';
  name: string;
  fields: FieldElement[];
  oneOfs: OneOfElement[];
  groups: GroupElement[];
  nestedTypes: TypeElement[];
  options: OptionElement[];
  reserveds: ReservedElement[];
  extensions: ExtensionsElement[];
  extendDeclarations: ExtendElement[];
  pos: SourcePos;
}

export interface EnumConstantElement {
  name: string;
  tag: number;
  options: OptionElement[];
  pos: SourcePos;
}

export interface EnumElement {
  kind: 'enum';
  name: string;
  constants: EnumConstantElement[];
  options: OptionElement[];
  reserveds: ReservedElement[];
  pos: SourcePos;
}

export type TypeElement = MessageElement | EnumElement;

export interface RpcElement {
  name: string;
  requestType: string;
  responseType: string;
  requestStreaming: boolean;
  responseStreaming: boolean;
  options: OptionElement[];
  pos: SourcePos;
}

export interface ServiceElement {
  name: string;
  rpcs: RpcElement[];
  options: OptionElement[];
  pos: SourcePos;
}

export type Syntax = 'proto2' | 'proto3';

export interface ProtoFile {
  syntax?: Syntax;
  packageName?: string;
  packagePos?: SourcePos;
  imports: string[];
  publicImports: string[];
  weakImports: string[];
  /** Where each import is written. */
  importPositions: Map<string, SourcePos>;
  options: OptionElement[];
  types: TypeElement[];
  extendDeclarations: ExtendElement[];
  services: ServiceElement[];
}

/** A file that declares nothing yet: what the parser fills in, and the stand-in main file of known types. */
export function emptyProtoFile(): ProtoFile {
  return {
    imports: [],
    publicImports: [],
    weakImports: [],
    importPositions: new Map(),
    options: [],
    types: [],
    extendDeclarations: [],
    services: [],
  };
}

/** A message that declares nothing yet: what the parser fills in, and a group seen as its own message. */
export function emptyMessage(name: string, pos: SourcePos): MessageElement {
  return {
    kind: 'message',
    name,
    fields: [],
    oneOfs: [],
    groups: [],
    nestedTypes: [],
    options: [],
    reserveds: [],
    extensions: [],
    extendDeclarations: [],
    pos,
  };
}

/** Wire's `MAX_TAG_VALUE`: `to max` in a range. */
export const MAX_TAG_VALUE = 536_870_911;

export const SCALAR_TYPES: ReadonlySet<string> = new Set([
  'double',
  'float',
  'int32',
  'int64',
  'uint32',
  'uint64',
  'sint32',
  'sint64',
  'fixed32',
  'fixed64',
  'sfixed32',
  'sfixed64',
  'bool',
  'string',
  'bytes',
]);

/** `map<K, V>` → [K, V]; undefined for any other type. */
export function mapTypes(type: string): [string, string] | undefined {
  if (!type.startsWith('map<')) return undefined;
  const m = /^map<\s*([^,\s]+)\s*,\s*([^>\s]+)\s*>$/.exec(type);
  return m === null ? undefined : [m[1] as string, m[2] as string];
}
