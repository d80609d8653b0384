import {
  MAX_TAG_VALUE,
  type EnumConstantElement,
  type EnumElement,
  emptyMessage,
  emptyProtoFile,
  type ExtendElement,
  type ExtensionsElement,
  type FieldElement,
  type GroupElement,
  type Label,
  type MessageElement,
  type OneOfElement,
  type OptionElement,
  type ProtoFile,
  type RangeValue,
  type ReservedElement,
  type RpcElement,
  type ServiceElement,
  type SourcePos,
  type Syntax,
  type TypeElement,
} from './model.js';
import { readOption, readOptions, stripValue } from './options.js';
import { SyntaxReader } from './reader.js';

type Context = 'file' | 'message' | 'enum' | 'rpc' | 'extend' | 'service';

/** One declaration read in a block, by what it is. */
type Declaration =
  | { k: 'type'; v: TypeElement }
  | { k: 'service'; v: ServiceElement }
  | { k: 'option'; v: OptionElement }
  | { k: 'extend'; v: ExtendElement }
  | { k: 'field'; v: FieldElement }
  | { k: 'group'; v: GroupElement }
  | { k: 'oneof'; v: OneOfElement }
  | { k: 'extensions'; v: ExtensionsElement }
  | { k: 'reserved'; v: ReservedElement }
  | { k: 'constant'; v: EnumConstantElement }
  | { k: 'rpc'; v: RpcElement }
  | undefined;

function decl<K extends NonNullable<Declaration>['k']>(
  k: K,
  v: Extract<NonNullable<Declaration>, { k: K }>['v'],
): Declaration {
  return { k, v } as Declaration;
}

/**
 * Parses `.proto` text into its written form, accepting what Wire's `ProtoParser` (the registry's
 * parser) accepts and refusing what it refuses, with the same messages. Throws ProtoSyntaxError.
 */
export function parseProtoText(text: string): ProtoFile {
  return new ProtoParser(text).readProtoFile();
}

class ProtoParser {
  private readonly reader: SyntaxReader;
  private declarationCount = 0;
  private syntax: Syntax | undefined;
  private readonly file: ProtoFile = emptyProtoFile();

  constructor(text: string) {
    this.reader = new SyntaxReader(text);
  }

  readProtoFile(): ProtoFile {
    while (!this.reader.exhausted()) {
      const d = this.readDeclaration('file');
      if (d === undefined) continue;
      if (d.k === 'type') {
        const t = d.v;
        const dup = this.file.types.find((x) => x.name === t.name);
        if (dup !== undefined)
          this.reader.fail(
            `${t.name} is already defined at line ${dup.pos.line}, column ${dup.pos.column}`,
            t.pos,
          );
        this.file.types.push(t);
      } else if (d.k === 'service') {
        const s = d.v;
        const dup = this.file.services.find((x) => x.name === s.name);
        if (dup !== undefined)
          this.reader.fail(
            `${s.name} is already defined at line ${dup.pos.line}, column ${dup.pos.column}`,
            s.pos,
          );
        this.file.services.push(s);
      } else if (d.k === 'option') this.file.options.push(d.v);
      else if (d.k === 'extend') this.file.extendDeclarations.push(d.v);
    }
    if (this.syntax !== undefined) this.file.syntax = this.syntax;
    return this.file;
  }

  private readDeclaration(context: Context): Declaration {
    const r = this.reader;
    const index = this.declarationCount++;
    if (r.peekIs(';')) return undefined;
    const at = r.location();
    const label = r.readWord(context !== 'enum');
    if (label === 'package' && context === 'file') {
      this.file.packageName = r.readName();
      this.file.packagePos = at;
      r.require(';');
      return undefined;
    }
    if (label === 'import' && context === 'file') {
      const peeked = r.peekChar();
      const list = peeked === '"' || peeked === "'" ? this.file.imports : this.importKind(r.readWord(), at);
      const name = r.readQuotedString();
      list.push(name);
      if (!this.file.importPositions.has(name)) this.file.importPositions.set(name, at);
      r.require(';');
      return undefined;
    }
    if (label === 'syntax' && context === 'file') {
      r.expect(this.syntax === undefined, 'too many syntax definitions', at);
      r.require('=');
      r.expect(index === 0, "'syntax' element must be the first declaration in a file", at);
      const s = r.readQuotedString();
      if (s !== 'proto2' && s !== 'proto3') return r.fail(`unexpected syntax: ${s}`, at);
      this.syntax = s;
      r.require(';');
      return undefined;
    }
    if (label === 'option') {
      const o = readOption(r, '=', at);
      r.require(';');
      return decl('option', o);
    }
    if (label === 'reserved') return decl('reserved', this.readReserved(at));
    if (label === 'message' && (context === 'file' || context === 'message'))
      return decl('type', this.readMessage(at));
    if (label === 'enum' && (context === 'file' || context === 'message'))
      return decl('type', this.readEnum(at));
    if (label === 'service' && context === 'file') return decl('service', this.readService(at));
    if (label === 'extend' && (context === 'file' || context === 'message'))
      return decl('extend', this.readExtend(at));
    if (label === 'rpc' && context === 'service') return decl('rpc', this.readRpc(at));
    if (label === 'oneof' && context === 'message') return decl('oneof', this.readOneOf(at));
    if (label === 'extensions' && context === 'message') return decl('extensions', this.readExtensions(at));
    if (context === 'message' || context === 'extend') return this.readFieldOrGroup(at, label);
    if (context === 'enum') return decl('constant', this.readEnumConstant(at, label));
    // The registry's parser (Wire 6) refuses editions outright; so does the registry.
    if (label === 'edition' && context === 'file') r.fail('edition is not currently supported', at);
    return r.fail(`unexpected label: ${label}`, at);
  }

  private importKind(word: string, at: SourcePos): string[] {
    if (word === 'weak') return this.file.weakImports;
    if (word === 'public') return this.file.publicImports;
    return this.reader.fail('expected quoted string', at);
  }

  private readBlock(context: Context, take: (d: NonNullable<Declaration>) => void): void {
    this.reader.require('{');
    while (!this.reader.peekIs('}')) {
      const d = this.readDeclaration(context);
      if (d !== undefined) take(d);
    }
  }

  private readMessage(pos: SourcePos): MessageElement {
    const name = this.reader.readName();
    const m = emptyMessage(name, pos);
    this.readBlock('message', (d) => {
      if (d.k === 'field') m.fields.push(d.v);
      else if (d.k === 'oneof') m.oneOfs.push(d.v);
      else if (d.k === 'group') m.groups.push(d.v);
      else if (d.k === 'type') m.nestedTypes.push(d.v);
      else if (d.k === 'extensions') m.extensions.push(d.v);
      else if (d.k === 'option') m.options.push(d.v);
      else if (d.k === 'extend') m.extendDeclarations.push(d.v);
      else if (d.k === 'reserved') m.reserveds.push(d.v);
    });
    return m;
  }

  private readEnum(pos: SourcePos): EnumElement {
    const name = this.reader.readName();
    const e: EnumElement = { kind: 'enum', name, constants: [], options: [], reserveds: [], pos };
    this.readBlock('enum', (d) => {
      if (d.k === 'constant') e.constants.push(d.v);
      else if (d.k === 'option') e.options.push(d.v);
      else if (d.k === 'reserved') e.reserveds.push(d.v);
    });
    return e;
  }

  private readExtend(pos: SourcePos): ExtendElement {
    const name = this.reader.readName();
    const x: ExtendElement = { name, fields: [], pos };
    this.readBlock('extend', (d) => {
      if (d.k === 'field') x.fields.push(d.v);
    });
    return x;
  }

  private readService(pos: SourcePos): ServiceElement {
    const name = this.reader.readName();
    const s: ServiceElement = { name, rpcs: [], options: [], pos };
    this.readBlock('service', (d) => {
      if (d.k === 'rpc') s.rpcs.push(d.v);
      else if (d.k === 'option') s.options.push(d.v);
    });
    return s;
  }

  private readFieldOrGroup(pos: SourcePos, word: string): Declaration {
    const r = this.reader;
    let label: Label | undefined;
    let type: string;
    const typePos = r.location();
    if (word === 'required') {
      r.expect(this.syntax !== 'proto3', "'required' label forbidden in proto3 field declarations", pos);
      label = 'required';
      type = r.readDataType();
    } else if (word === 'optional' || word === 'repeated') {
      label = word;
      type = r.readDataType();
    } else {
      r.expect(
        this.syntax === 'proto3' || (word === 'map' && r.peekChar() === '<'),
        `unexpected label: ${word}`,
        pos,
      );
      type = r.readDataType(word);
    }
    r.expect(!type.startsWith('map<') || label === undefined, "'map' type cannot have label", pos);
    if (type === 'group') return decl('group', this.readGroup(pos, label));
    return decl('field', this.readField(pos, label === undefined ? pos : typePos, label, type));
  }

  private readField(
    pos: SourcePos,
    typePos: SourcePos,
    label: Label | undefined,
    type: string,
  ): FieldElement {
    const r = this.reader;
    const name = r.readName(false);
    r.require('=');
    const tag = r.readInt();
    const options = readOptions(r);
    const field: FieldElement = { name, tag, type, options, pos, typePos };
    if (label !== undefined) field.label = label;
    // Wire keeps `default` and `json_name` out of the options (the last one written wins).
    const defaultValue = stripValue('default', options);
    if (defaultValue !== undefined) field.defaultValue = defaultValue;
    const jsonName = stripValue('json_name', options);
    if (jsonName !== undefined) field.jsonName = jsonName;
    r.require(';');
    return field;
  }

  private readOneOf(pos: SourcePos): OneOfElement {
    const r = this.reader;
    const name = r.readName();
    const o: OneOfElement = { name, fields: [], groups: [], options: [], pos };
    r.require('{');
    while (!r.peekIs('}')) {
      const at = r.location();
      const type = r.readDataType();
      if (type === 'group') o.groups.push(this.readGroup(at, undefined));
      else if (type === 'option') {
        o.options.push(readOption(r, '=', at));
        r.require(';');
      } else o.fields.push(this.readField(at, at, undefined, type));
    }
    return o;
  }

  private readGroup(pos: SourcePos, label: Label | undefined): GroupElement {
    const r = this.reader;
    const name = r.readWord();
    r.require('=');
    const tag = r.readInt();
    const g: GroupElement = { name, tag, fields: [], pos };
    if (label !== undefined) g.label = label;
    r.require('{');
    while (!r.peekIs('}')) {
      const at = r.location();
      const d = this.readFieldOrGroup(at, r.readWord());
      if (d?.k !== 'field') return r.fail('expected field declaration', at);
      g.fields.push(d.v);
    }
    return g;
  }

  private readRange(pos: SourcePos, allowNames: boolean): { values: RangeValue[]; sawOptions: boolean } {
    const r = this.reader;
    const values: RangeValue[] = [];
    for (;;) {
      const c = r.peekChar();
      if (allowNames && (c === '"' || c === "'")) values.push(r.readQuotedString());
      else {
        const start = r.readInt();
        const next = r.peekChar();
        if (next === ',' || next === ';' || (!allowNames && next === '[')) values.push(start);
        else {
          r.expect(
            r.readWord() === 'to',
            allowNames ? "expected ',', ';', or 'to'" : "expected ',', ';', '[' or 'to'",
            pos,
          );
          const endAt = r.location();
          const end = r.readWord();
          const endValue = end === 'max' ? MAX_TAG_VALUE : Number(end);
          if (!Number.isInteger(endValue)) r.fail(`expected an integer but was ${end}`, endAt);
          values.push({ start, end: endValue });
        }
      }
      if (!allowNames && r.peekChar() === '[') return { values, sawOptions: true };
      const sep = r.readChar();
      if (sep === ';') return { values, sawOptions: false };
      if (sep !== ',') r.fail("expected ',' or ';'");
    }
  }

  private readReserved(pos: SourcePos): ReservedElement {
    const { values } = this.readRange(pos, true);
    this.reader.expect(values.length > 0, "'reserved' must have at least one field name or tag", pos);
    return { values, pos };
  }

  private readExtensions(pos: SourcePos): ExtensionsElement {
    const { values, sawOptions } = this.readRange(pos, false);
    const options = sawOptions ? readOptions(this.reader) : [];
    if (sawOptions) this.reader.require(';');
    return { values: values as ExtensionsElement['values'], options, pos };
  }

  private readEnumConstant(pos: SourcePos, name: string): EnumConstantElement {
    const r = this.reader;
    r.require('=');
    const tag = r.readInt();
    const options = readOptions(r);
    r.require(';');
    return { name, tag, options, pos };
  }

  private readRpc(pos: SourcePos): RpcElement {
    const r = this.reader;
    const name = r.readName();
    const side = (): [string, boolean] => {
      r.require('(');
      const word = r.readWord();
      const streaming = word === 'stream';
      const type = streaming ? r.readDataType() : r.readDataType(word);
      r.require(')');
      return [type, streaming];
    };
    const [requestType, requestStreaming] = side();
    r.expect(r.readWord() === 'returns', "expected 'returns'", pos);
    const [responseType, responseStreaming] = side();
    const rpc: RpcElement = {
      name,
      requestType,
      responseType,
      requestStreaming,
      responseStreaming,
      options: [],
      pos,
    };
    if (r.peekIs('{')) {
      while (!r.peekIs('}')) {
        const d = this.readDeclaration('rpc');
        if (d?.k === 'option') rpc.options.push(d.v);
      }
    } else r.require(';');
    return rpc;
  }
}
