import type { OptionElement, OptionValue, SourcePos } from './model.js';
import type { SyntaxReader } from './reader.js';

// Option lists and values, read as Wire's `OptionReader` does.

/** Removes every `name = …` option (Wire keeps `default` and `json_name` apart) and returns the last value. */
export function stripValue(name: string, options: OptionElement[]): string | undefined {
  let result: string | undefined;
  for (let i = options.length - 1; i >= 0; i--) {
    const o = options[i] as OptionElement;
    if (o.name === name && !o.parenthesized) {
      if (result === undefined) result = optionValueText(o.value);
      options.splice(i, 1);
    }
  }
  return result;
}

function optionValueText(v: OptionValue | OptionElement): string {
  if ('name' in v) return v.name;
  return 'value' in v ? v.value : '';
}

/** `[a = 1, (b).c = "x"]` after a field or enum constant; [] when there is none. */
export function readOptions(r: SyntaxReader): OptionElement[] {
  if (!r.peekIs('[')) return [];
  const out: OptionElement[] = [];
  for (;;) {
    out.push(readOption(r, '=', r.location()));
    const c = r.readChar();
    if (c === ']') return out;
    if (c !== ',') r.fail("expected ',' or ']'");
  }
}

/** One option: `name = value`, `(ext).sub = value`, or `name { … }` inside an aggregate with `:`. */
export function readOption(r: SyntaxReader, separator: '=' | ':', pos: SourcePos): OptionElement {
  const first = r.peekChar();
  const parenthesized = first === '(';
  let name = r.readName();
  if (first === '[') name = `[${name}]`;
  const subNames: string[] = [];
  let c = r.readChar();
  if (c === '.') {
    // `(foo).bar.baz`: the rest of the path is one word (words contain dots).
    subNames.push(...r.readName().split('.'));
    c = r.readChar();
  }
  if (!(separator === ':' && c === '{')) {
    r.expect(c === separator, `expected '${separator}' in option`);
  } else r.unread();
  const [innerKind, innerValue] = readKindAndValue(r);
  let kind: OptionElement['kind'] = innerKind;
  let value: OptionElement['value'] = innerValue;
  for (const sub of subNames.reverse()) {
    value = { name: sub, parenthesized: false, kind, value, pos };
    kind = 'OPTION';
  }
  return { name, parenthesized, kind, value, pos };
}

function readKindAndValue(r: SyntaxReader): [OptionElement['kind'], OptionValue] {
  const c = r.peekChar();
  if (c === '{') {
    r.readChar();
    return ['MAP', readMap(r, '}')];
  }
  if (c === '[') {
    r.readChar();
    return ['LIST', readList(r)];
  }
  if (c === '"' || c === "'") return ['STRING', { kind: 'STRING', value: r.readQuotedString() }];
  const word = r.readWord();
  if (word === 'true' || word === 'false') return ['BOOLEAN', { kind: 'BOOLEAN', value: word }];
  if (/^[-0-9.]/.test(word) || /^-?(inf|nan)$/i.test(word))
    return ['NUMBER', { kind: 'NUMBER', value: word }];
  return ['ENUM', { kind: 'ENUM', value: word }];
}

/** A text-format aggregate `{ key: value, key { … } }`; a repeated key becomes a list. */
function readMap(r: SyntaxReader, close: string): OptionValue & { kind: 'MAP' } {
  const entries: Array<[string, OptionValue | OptionValue[]]> = [];
  for (;;) {
    if (r.peekIs(close)) return { kind: 'MAP', entries };
    const first = r.peekChar();
    let key = r.readName();
    if (first === '[') key = `[${key}]`;
    let value: OptionValue;
    if (r.peekChar() === '{' || r.peekChar() === '<') {
      const open = r.readChar();
      value = readMap(r, open === '{' ? '}' : '>');
    } else {
      r.require(':');
      const [, v] = readKindAndValue(r);
      value = v;
    }
    const existing = entries.find((e) => e[0] === key);
    if (existing === undefined) entries.push([key, value]);
    else existing[1] = Array.isArray(existing[1]) ? [...existing[1], value] : [existing[1], value];
    const next = r.peekChar();
    if (next === ',' || next === ';') r.readChar();
  }
}

function readList(r: SyntaxReader): OptionValue & { kind: 'LIST' } {
  const items: OptionValue[] = [];
  for (;;) {
    if (r.peekIs(']')) return { kind: 'LIST', items };
    if (r.peekChar() === '{') {
      r.readChar();
      items.push(readMap(r, '}'));
    } else items.push(readKindAndValue(r)[1]);
    const next = r.peekChar();
    if (next === ',') r.readChar();
    else r.expect(next === ']', "expected ',' or ']'");
  }
}
