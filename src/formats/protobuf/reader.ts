import type { SourcePos } from './model.js';

/** A syntax error at a line and column of a `.proto` text. */
export class ProtoSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: SourcePos,
  ) {
    super(message);
  }
}

/** Letters, digits, `_`, `-` and `.` make a word (Wire's rule). */
function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    (code >= 48 && code <= 57) || // 0-9
    code === 95 || // _
    code === 45 || // -
    code === 46 // .
  );
}

/**
 * Reads `.proto` text the way Wire's parser (the registry's) does: words may contain `.` and `-`,
 * adjacent quoted strings concatenate, comments are skipped everywhere. Columns are 1-based.
 */
export class SyntaxReader {
  private pos = 0;
  private line = 0;
  private lineStart = 0;

  constructor(private readonly data: string) {
    if (data.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  location(): SourcePos {
    return { line: this.line + 1, column: this.pos - this.lineStart + 1 };
  }

  fail(message: string, at: SourcePos = this.location()): never {
    throw new ProtoSyntaxError(message, at);
  }

  expect(condition: boolean, message: string, at?: SourcePos): void {
    if (!condition) this.fail(message, at);
  }

  exhausted(): boolean {
    this.skipWhitespace();
    return this.pos >= this.data.length;
  }

  /** The next non-blank character, not consumed. */
  peekChar(): string {
    this.skipWhitespace();
    this.expect(this.pos < this.data.length, 'unexpected end of file');
    return this.data[this.pos] as string;
  }

  /** Consumes `c` if it is next. */
  peekIs(c: string): boolean {
    if (this.peekChar() !== c) return false;
    this.pos++;
    return true;
  }

  /** Steps back over the character just read. */
  unread(): void {
    this.pos--;
  }

  readChar(): string {
    const c = this.peekChar();
    this.pos++;
    return c;
  }

  require(c: string): void {
    const at = this.location();
    this.skipWhitespace();
    const got = this.pos < this.data.length ? (this.data[this.pos] as string) : 'end of file';
    this.expect(
      got === c,
      `expected '${c}' but was '${got}'`,
      this.pos < this.data.length ? this.location() : at,
    );
    this.pos++;
  }

  readWord(allowLeadingDigit = true): string {
    this.skipWhitespace();
    const start = this.pos;
    while (this.pos < this.data.length && isWordChar(this.data.charCodeAt(this.pos))) this.pos++;
    if (start === this.pos) this.fail('expected a word');
    const word = this.data.slice(start, this.pos);
    if (!allowLeadingDigit && /^[0-9]/.test(word)) {
      this.fail('field and constant names cannot start with a digit', {
        line: this.line + 1,
        column: start - this.lineStart + 1,
      });
    }
    return word;
  }

  /** A name, possibly wrapped in parentheses or brackets (returned without them). */
  readName(allowLeadingDigit = true): string {
    const c = this.peekChar();
    if (c === '(' || c === '[') {
      this.pos++;
      const word = this.readWord(allowLeadingDigit);
      this.require(c === '(' ? ')' : ']');
      return word;
    }
    return this.readWord(allowLeadingDigit);
  }

  /** A scalar, message or `map<K, V>` type, with `first` already read when given. */
  readDataType(first?: string): string {
    const name = first ?? this.readWord();
    if (name !== 'map' || this.peekChar() !== '<') return name;
    this.require('<');
    const key = this.readDataType();
    this.require(',');
    const value = this.readDataType();
    this.require('>');
    return `map<${key}, ${value}>`;
  }

  readInt(): number {
    const at = this.location();
    const word = this.readWord();
    const negative = word.startsWith('-');
    const digits = negative ? word.slice(1) : word;
    const hex = /^0[xX][0-9a-fA-F]+$/.test(digits);
    const valid = hex || /^[0-9]+$/.test(digits);
    const n = valid ? (hex ? parseInt(digits.slice(2), 16) : Number(digits)) * (negative ? -1 : 1) : NaN;
    if (!Number.isSafeInteger(n) || n > 2147483647 || n < -2147483648)
      this.fail(`expected an integer but was ${word}`, at);
    return n;
  }

  readQuotedString(): string {
    let quote = this.readChar();
    this.expect(quote === '"' || quote === "'", 'expected a quoted string');
    let result = '';
    while (this.pos < this.data.length) {
      let c = this.data[this.pos++] as string;
      if (c === quote) {
        const next = this.peekCharOrEnd();
        if (next === '"' || next === "'") {
          quote = this.readChar();
          continue;
        }
        return result;
      }
      if (c === '\\') {
        this.expect(this.pos < this.data.length, 'unexpected end of file');
        c = this.data[this.pos++] as string;
        c = this.escape(c);
      }
      result += c;
      if (c === '\n') this.newline();
    }
    return this.fail('unterminated string');
  }

  private peekCharOrEnd(): string | undefined {
    this.skipWhitespace();
    return this.data[this.pos];
  }

  private escape(c: string): string {
    const simple: Record<string, string> = {
      a: '\u0007',
      b: '\b',
      f: '\f',
      n: '\n',
      r: '\r',
      t: '\t',
      v: '\v',
    };
    const s = simple[c];
    if (s !== undefined) return s;
    if (c === 'x' || c === 'X') return this.numericEscape(16, 2);
    if (/[0-7]/.test(c)) {
      this.pos--;
      return this.numericEscape(8, 3);
    }
    return c;
  }

  private numericEscape(radix: number, len: number): string {
    let value = -1;
    const end = Math.min(this.pos + len, this.data.length);
    while (this.pos < end) {
      const digit = parseInt(this.data[this.pos] as string, 16);
      if (Number.isNaN(digit) || digit >= radix) break;
      value = value < 0 ? digit : value * radix + digit;
      this.pos++;
    }
    this.expect(value >= 0, 'expected a digit after \\x or \\X');
    return String.fromCharCode(value);
  }

  private newline(): void {
    this.line++;
    this.lineStart = this.pos;
  }

  private skipWhitespace(): void {
    const d = this.data;
    while (this.pos < d.length) {
      const c = d[this.pos];
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
        this.pos++;
        if (c === '\n') this.newline();
      } else if (c === '/') {
        this.skipComment();
      } else {
        return;
      }
    }
  }

  private skipComment(): void {
    const at = this.location();
    const next = this.data[this.pos + 1];
    if (next === '/') {
      while (this.pos < this.data.length && this.data[this.pos] !== '\n') this.pos++;
    } else if (next === '*') {
      const end = this.data.indexOf('*/', this.pos + 2);
      if (end < 0) this.fail('unterminated comment', at);
      for (let i = this.pos; i < end; i++) {
        if (this.data[i] === '\n') {
          this.pos = i + 1;
          this.newline();
        }
      }
      this.pos = end + 2;
    } else {
      this.fail("unexpected '/'", at);
    }
  }
}
