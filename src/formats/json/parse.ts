import { SchemagateError } from '../../errors.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface Position {
  line: number;
  column: number;
}

/** A parsed JSON text and where each value (by JSON pointer) starts in it. */
export interface JsonDocument {
  value: JsonValue;
  /** Pointer → position of the value. For object members the key's position is under `keys`. */
  positions: Map<string, Position>;
  keys: Map<string, Position>;
}

/** Escapes one reference token of a JSON pointer (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, token: string | number): string {
  return `${base}/${escapePointerToken(token)}`;
}

/** Position of `pointer`, or of its nearest ancestor that has one (so a finding never loses its line). */
export function positionOf(
  doc: Pick<JsonDocument, 'positions' | 'keys'>,
  pointer: string,
  preferKey = false,
): Position {
  let p = pointer;
  for (;;) {
    const hit = (preferKey ? doc.keys.get(p) : undefined) ?? doc.positions.get(p);
    if (hit !== undefined) return hit;
    if (p === '') return { line: 1, column: 1 };
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

/**
 * Parses JSON and records where each value starts. `JSON.parse` cannot tell where a value sits, and
 * every finding must name its line and column; but most documents (every version in a history) never
 * need a position. So the value comes from the native `JSON.parse`, and the positions are computed by
 * a second, position-keeping pass only when first asked for. Invalid input always takes that pass, so
 * the error names its line and column. A leading BOM is skipped; CR, LF and CRLF all end a line.
 */
export function parseJson(text: string, file?: string): JsonDocument {
  let value: JsonValue;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as JsonValue;
  } catch {
    return new Parser(text, file).parseDocument(); // throws INVALID_JSON with the line and column
  }
  // JSON.parse reads any depth, but every walk over the value recurses: refuse here, with a position.
  if (text.length > 2 * MAX_JSON_DEPTH && nestingDepth(text) > MAX_JSON_DEPTH)
    return new Parser(text, file).parseDocument();
  return new LazyPositions(text, file, value);
}

/**
 * The deepest nesting a document may have: Jackson's default (StreamReadConstraints.maxNestingDepth),
 * so nothing the registry reads is refused here.
 */
export const MAX_JSON_DEPTH = 1000;

/** How deeply arrays and objects nest in a valid JSON text (strings skipped). */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string: to the next quote not escaped by a backslash.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

class LazyPositions implements JsonDocument {
  private located: JsonDocument | undefined;

  constructor(
    private readonly text: string,
    private readonly file: string | undefined,
    readonly value: JsonValue,
  ) {}

  private locate(): JsonDocument {
    this.located ??= new Parser(this.text, this.file).parseDocument();
    return this.located;
  }

  get positions(): Map<string, Position> {
    return this.locate().positions;
  }

  get keys(): Map<string, Position> {
    return this.locate().keys;
  }
}

class Parser {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private readonly positions = new Map<string, Position>();
  private readonly keys = new Map<string, Position>();

  constructor(
    private readonly text: string,
    private readonly file: string | undefined,
  ) {
    if (text.charCodeAt(0) === 0xfeff) {
      this.pos = 1;
      this.lineStart = 1;
    }
  }

  parseDocument(): JsonDocument {
    this.skipWs();
    if (this.pos >= this.text.length) this.fail('the file is empty; expected a JSON value');
    const value = this.parseValue('', 0);
    this.skipWs();
    if (this.pos < this.text.length)
      this.fail(`unexpected ${this.describe()} after the end of the JSON value`);
    return { value, positions: this.positions, keys: this.keys };
  }

  private here(): Position {
    return { line: this.line, column: this.pos - this.lineStart + 1 };
  }

  private fail(message: string, at: Position = this.here()): never {
    throw new SchemagateError('INVALID_JSON', `invalid JSON: ${message}`, {
      ...(this.file === undefined ? {} : { file: this.file }),
      line: at.line,
      column: at.column,
    });
  }

  private describe(): string {
    if (this.pos >= this.text.length) return 'end of file';
    const ch = this.text[this.pos]!;
    return `character ${JSON.stringify(ch)}`;
  }

  private skipWs(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09) this.pos++;
      else if (c === 0x0a) {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else if (c === 0x0d) {
        this.pos++;
        if (t.charCodeAt(this.pos) === 0x0a) this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else return;
    }
  }

  private parseValue(pointer: string, depth: number): JsonValue {
    if (depth >= MAX_JSON_DEPTH)
      this.fail(
        `arrays and objects nest more than ${MAX_JSON_DEPTH} levels deep here; schemagate (like the registry's JSON reader) reads at most ${MAX_JSON_DEPTH} levels`,
      );
    this.positions.set(pointer, this.here());
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.parseObject(pointer, depth);
      case '[':
        return this.parseArray(pointer, depth);
      case '"':
        return this.parseString();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.parseNumber();
        return this.fail(`unexpected ${this.describe()}; expected a value`);
    }
  }

  private literal<T extends JsonValue>(word: string, value: T): T {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    return this.fail(`unexpected ${this.describe()}; expected a value`);
  }

  private parseNumber(): number {
    const re = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (m === null) this.fail('malformed number');
    this.pos += m[0].length;
    return Number(m[0]);
  }

  private parseString(): string {
    const start = this.here();
    const t = this.text;
    this.pos++; // opening quote
    let out = '';
    let chunk = this.pos;
    for (;;) {
      if (this.pos >= t.length) this.fail('unterminated string', start);
      const c = t.charCodeAt(this.pos);
      if (c === 0x22) {
        out += t.slice(chunk, this.pos);
        this.pos++;
        return out;
      }
      if (c === 0x5c) {
        out += t.slice(chunk, this.pos);
        const e = t[this.pos + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          this.pos += 2;
        } else if (e === 'u') {
          const hex = t.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape in string');
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 6;
        } else {
          this.fail('invalid escape in string');
        }
        chunk = this.pos;
        continue;
      }
      if (c < 0x20)
        this.fail(
          c === 0x0a || c === 0x0d
            ? 'unterminated string (line break inside a string)'
            : 'control character in string',
        );
      this.pos++;
    }
  }

  /** After a member: true at the closing bracket, false after a comma; a trailing comma is an error. */
  private endOfMembers(close: ']' | '}', kind: 'array' | 'object'): boolean {
    this.skipWs();
    const c = this.text[this.pos];
    if (c === ',') {
      const comma = this.here();
      this.pos++;
      this.skipWs();
      if (this.text[this.pos] === close) this.fail(`trailing comma in ${kind}`, comma);
      return false;
    }
    if (c === close) {
      this.pos++;
      return true;
    }
    return this.fail(`unexpected ${this.describe()} in ${kind}; expected ',' or '${close}'`);
  }

  private parseArray(pointer: string, depth: number): JsonValue[] {
    this.pos++;
    const out: JsonValue[] = [];
    this.skipWs();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWs();
      out.push(this.parseValue(`${pointer}/${out.length}`, depth + 1));
      if (this.endOfMembers(']', 'array')) return out;
    }
  }

  private parseObject(pointer: string, depth: number): JsonObject {
    this.pos++;
    const out: JsonObject = {};
    this.skipWs();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWs();
      if (this.text[this.pos] !== '"')
        this.fail(`unexpected ${this.describe()}; expected a property name in double quotes`);
      const keyAt = this.here();
      const key = this.parseString();
      const child = joinPointer(pointer, key);
      this.keys.set(child, keyAt);
      this.skipWs();
      if (this.text[this.pos] !== ':')
        this.fail(`unexpected ${this.describe()}; expected ':' after property name`);
      this.pos++;
      this.skipWs();
      // Object.defineProperty keeps "__proto__" an ordinary key, as JSON.parse does.
      Object.defineProperty(out, key, {
        value: this.parseValue(child, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      if (this.endOfMembers('}', 'object')) return out;
    }
  }
}
