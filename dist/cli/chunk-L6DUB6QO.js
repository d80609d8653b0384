import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/formats/json/parse.ts
function escapePointerToken(token) {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}
function joinPointer(base, token) {
  return `${base}/${escapePointerToken(token)}`;
}
function positionOf(doc, pointer, preferKey = false) {
  let p = pointer;
  for (; ; ) {
    const hit = (preferKey ? doc.keys.get(p) : void 0) ?? doc.positions.get(p);
    if (hit !== void 0) return hit;
    if (p === "") return { line: 1, column: 1 };
    p = p.slice(0, p.lastIndexOf("/"));
  }
}
function parseJson(text, file) {
  let value;
  try {
    value = JSON.parse(text.charCodeAt(0) === 65279 ? text.slice(1) : text);
  } catch {
    return new Parser(text, file).parseDocument();
  }
  if (text.length > 2 * MAX_JSON_DEPTH && nestingDepth(text) > MAX_JSON_DEPTH)
    return new Parser(text, file).parseDocument();
  return new LazyPositions(text, file, value);
}
var MAX_JSON_DEPTH = 1e3;
function nestingDepth(text) {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > max) max = depth;
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}
var LazyPositions = class {
  constructor(text, file, value) {
    this.text = text;
    this.file = file;
    this.value = value;
  }
  text;
  file;
  value;
  located;
  locate() {
    this.located ??= new Parser(this.text, this.file).parseDocument();
    return this.located;
  }
  get positions() {
    return this.locate().positions;
  }
  get keys() {
    return this.locate().keys;
  }
};
var Parser = class {
  constructor(text, file) {
    this.text = text;
    this.file = file;
    if (text.charCodeAt(0) === 65279) {
      this.pos = 1;
      this.lineStart = 1;
    }
  }
  text;
  file;
  pos = 0;
  line = 1;
  lineStart = 0;
  positions = /* @__PURE__ */ new Map();
  keys = /* @__PURE__ */ new Map();
  parseDocument() {
    this.skipWs();
    if (this.pos >= this.text.length) this.fail("the file is empty; expected a JSON value");
    const value = this.parseValue("", 0);
    this.skipWs();
    if (this.pos < this.text.length)
      this.fail(`unexpected ${this.describe()} after the end of the JSON value`);
    return { value, positions: this.positions, keys: this.keys };
  }
  here() {
    return { line: this.line, column: this.pos - this.lineStart + 1 };
  }
  fail(message, at = this.here()) {
    throw new SchemagateError("INVALID_JSON", `invalid JSON: ${message}`, {
      ...this.file === void 0 ? {} : { file: this.file },
      line: at.line,
      column: at.column
    });
  }
  describe() {
    if (this.pos >= this.text.length) return "end of file";
    const ch = this.text[this.pos];
    return `character ${JSON.stringify(ch)}`;
  }
  skipWs() {
    const t = this.text;
    for (; ; ) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9) this.pos++;
      else if (c === 10) {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else if (c === 13) {
        this.pos++;
        if (t.charCodeAt(this.pos) === 10) this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else return;
    }
  }
  parseValue(pointer, depth) {
    if (depth >= MAX_JSON_DEPTH)
      this.fail(
        `arrays and objects nest more than ${MAX_JSON_DEPTH} levels deep here; schemagate (like the registry's JSON reader) reads at most ${MAX_JSON_DEPTH} levels`
      );
    this.positions.set(pointer, this.here());
    const c = this.text[this.pos];
    switch (c) {
      case "{":
        return this.parseObject(pointer, depth);
      case "[":
        return this.parseArray(pointer, depth);
      case '"':
        return this.parseString();
      case "t":
        return this.literal("true", true);
      case "f":
        return this.literal("false", false);
      case "n":
        return this.literal("null", null);
      default:
        if (c === "-" || c !== void 0 && c >= "0" && c <= "9") return this.parseNumber();
        return this.fail(`unexpected ${this.describe()}; expected a value`);
    }
  }
  literal(word, value) {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    return this.fail(`unexpected ${this.describe()}; expected a value`);
  }
  parseNumber() {
    const re = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (m === null) this.fail("malformed number");
    this.pos += m[0].length;
    return Number(m[0]);
  }
  parseString() {
    const start = this.here();
    const t = this.text;
    this.pos++;
    let out = "";
    let chunk = this.pos;
    for (; ; ) {
      if (this.pos >= t.length) this.fail("unterminated string", start);
      const c = t.charCodeAt(this.pos);
      if (c === 34) {
        out += t.slice(chunk, this.pos);
        this.pos++;
        return out;
      }
      if (c === 92) {
        out += t.slice(chunk, this.pos);
        const e = t[this.pos + 1];
        const simple = {
          '"': '"',
          "\\": "\\",
          "/": "/",
          b: "\b",
          f: "\f",
          n: "\n",
          r: "\r",
          t: "	"
        };
        if (e !== void 0 && simple[e] !== void 0) {
          out += simple[e];
          this.pos += 2;
        } else if (e === "u") {
          const hex = t.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("invalid \\u escape in string");
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 6;
        } else {
          this.fail("invalid escape in string");
        }
        chunk = this.pos;
        continue;
      }
      if (c < 32)
        this.fail(
          c === 10 || c === 13 ? "unterminated string (line break inside a string)" : "control character in string"
        );
      this.pos++;
    }
  }
  /** After a member: true at the closing bracket, false after a comma; a trailing comma is an error. */
  endOfMembers(close, kind) {
    this.skipWs();
    const c = this.text[this.pos];
    if (c === ",") {
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
  parseArray(pointer, depth) {
    this.pos++;
    const out = [];
    this.skipWs();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return out;
    }
    for (; ; ) {
      this.skipWs();
      out.push(this.parseValue(`${pointer}/${out.length}`, depth + 1));
      if (this.endOfMembers("]", "array")) return out;
    }
  }
  parseObject(pointer, depth) {
    this.pos++;
    const out = {};
    this.skipWs();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return out;
    }
    for (; ; ) {
      this.skipWs();
      if (this.text[this.pos] !== '"')
        this.fail(`unexpected ${this.describe()}; expected a property name in double quotes`);
      const keyAt = this.here();
      const key = this.parseString();
      const child = joinPointer(pointer, key);
      this.keys.set(child, keyAt);
      this.skipWs();
      if (this.text[this.pos] !== ":")
        this.fail(`unexpected ${this.describe()}; expected ':' after property name`);
      this.pos++;
      this.skipWs();
      Object.defineProperty(out, key, {
        value: this.parseValue(child, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true
      });
      if (this.endOfMembers("}", "object")) return out;
    }
  }
};

export {
  escapePointerToken,
  joinPointer,
  positionOf,
  parseJson
};
