// src/formats/protobuf/known-types.ts
var DESCRIPTOR_OPTIONS = [
  "FileOptions",
  "MessageOptions",
  "FieldOptions",
  "OneofOptions",
  "EnumOptions",
  "EnumValueOptions",
  "ServiceOptions",
  "MethodOptions",
  "ExtensionRangeOptions"
].map((m) => `message ${m} {
  extensions 1000 to max;
}
`).join("");
var WRAPPERS = [
  ["DoubleValue", "double"],
  ["FloatValue", "float"],
  ["Int64Value", "int64"],
  ["UInt64Value", "uint64"],
  ["Int32Value", "int32"],
  ["UInt32Value", "uint32"],
  ["BoolValue", "bool"],
  ["StringValue", "string"],
  ["BytesValue", "bytes"]
].map(([m, t]) => `message ${m} {
  ${t} value = 1;
}
`).join("");
var P3 = 'syntax = "proto3";\n';
var KNOWN_FILES = /* @__PURE__ */ new Map([
  [
    "google/protobuf/any.proto",
    `${P3}package google.protobuf;
message Any {
  string type_url = 1;
  bytes value = 2;
}
`
  ],
  [
    "google/protobuf/duration.proto",
    `${P3}package google.protobuf;
message Duration {
  int64 seconds = 1;
  int32 nanos = 2;
}
`
  ],
  ["google/protobuf/empty.proto", `${P3}package google.protobuf;
message Empty {
}
`],
  [
    "google/protobuf/field_mask.proto",
    `${P3}package google.protobuf;
message FieldMask {
  repeated string paths = 1;
}
`
  ],
  [
    "google/protobuf/source_context.proto",
    `${P3}package google.protobuf;
message SourceContext {
  string file_name = 1;
}
`
  ],
  [
    "google/protobuf/struct.proto",
    `${P3}package google.protobuf;
message Struct {
  map<string, Value> fields = 1;
}
message Value {
  oneof kind {
    NullValue null_value = 1;
    double number_value = 2;
    string string_value = 3;
    bool bool_value = 4;
    Struct struct_value = 5;
    ListValue list_value = 6;
  }
}
message ListValue {
  repeated Value values = 1;
}
enum NullValue {
  NULL_VALUE = 0;
}
`
  ],
  [
    "google/protobuf/timestamp.proto",
    `${P3}package google.protobuf;
message Timestamp {
  int64 seconds = 1;
  int32 nanos = 2;
}
`
  ],
  ["google/protobuf/wrappers.proto", `${P3}package google.protobuf;
${WRAPPERS}`],
  [
    "google/protobuf/type.proto",
    `${P3}package google.protobuf;
import "google/protobuf/any.proto";
import "google/protobuf/source_context.proto";
message Type {
  string name = 1;
  repeated Field fields = 2;
  repeated string oneofs = 3;
  repeated Option options = 4;
  SourceContext source_context = 5;
  Syntax syntax = 6;
  string edition = 7;
}
message Field {
  enum Kind {
    TYPE_UNKNOWN = 0;
    TYPE_DOUBLE = 1;
    TYPE_FLOAT = 2;
    TYPE_INT64 = 3;
    TYPE_UINT64 = 4;
    TYPE_INT32 = 5;
    TYPE_FIXED64 = 6;
    TYPE_FIXED32 = 7;
    TYPE_BOOL = 8;
    TYPE_STRING = 9;
    TYPE_GROUP = 10;
    TYPE_MESSAGE = 11;
    TYPE_BYTES = 12;
    TYPE_UINT32 = 13;
    TYPE_ENUM = 14;
    TYPE_SFIXED32 = 15;
    TYPE_SFIXED64 = 16;
    TYPE_SINT32 = 17;
    TYPE_SINT64 = 18;
  }
  enum Cardinality {
    CARDINALITY_UNKNOWN = 0;
    CARDINALITY_OPTIONAL = 1;
    CARDINALITY_REQUIRED = 2;
    CARDINALITY_REPEATED = 3;
  }
  Kind kind = 1;
  Cardinality cardinality = 2;
  int32 number = 3;
  string name = 4;
  string type_url = 6;
  int32 oneof_index = 7;
  bool packed = 8;
  repeated Option options = 9;
  string json_name = 10;
  string default_value = 11;
}
message Enum {
  string name = 1;
  repeated EnumValue enumvalue = 2;
  repeated Option options = 3;
  SourceContext source_context = 4;
  Syntax syntax = 5;
  string edition = 6;
}
message EnumValue {
  string name = 1;
  int32 number = 2;
  repeated Option options = 3;
}
message Option {
  string name = 1;
  Any value = 2;
}
enum Syntax {
  SYNTAX_PROTO2 = 0;
  SYNTAX_PROTO3 = 1;
  SYNTAX_EDITIONS = 2;
}
`
  ],
  [
    "google/protobuf/api.proto",
    `${P3}package google.protobuf;
import "google/protobuf/source_context.proto";
import "google/protobuf/type.proto";
message Api {
  string name = 1;
  repeated Method methods = 2;
  repeated Option options = 3;
  string version = 4;
  SourceContext source_context = 5;
  repeated Mixin mixins = 6;
  Syntax syntax = 7;
}
message Method {
  string name = 1;
  string request_type_url = 2;
  bool request_streaming = 3;
  string response_type_url = 4;
  bool response_streaming = 5;
  repeated Option options = 6;
  Syntax syntax = 7;
}
message Mixin {
  string name = 1;
  string root = 2;
}
`
  ],
  ["google/protobuf/descriptor.proto", `syntax = "proto2";
package google.protobuf;
${DESCRIPTOR_OPTIONS}`],
  [
    "google/type/date.proto",
    `${P3}package google.type;
message Date {
  int32 year = 1;
  int32 month = 2;
  int32 day = 3;
}
`
  ],
  [
    "google/type/timeofday.proto",
    `${P3}package google.type;
message TimeOfDay {
  int32 hours = 1;
  int32 minutes = 2;
  int32 seconds = 3;
  int32 nanos = 4;
}
`
  ],
  [
    "google/type/money.proto",
    `${P3}package google.type;
message Money {
  string currency_code = 1;
  int64 units = 2;
  int32 nanos = 3;
}
`
  ],
  [
    "google/type/latlng.proto",
    `${P3}package google.type;
message LatLng {
  double latitude = 1;
  double longitude = 2;
}
`
  ],
  ["google/type/decimal.proto", `${P3}package google.type;
message Decimal {
  string value = 1;
}
`],
  [
    "google/type/fraction.proto",
    `${P3}package google.type;
message Fraction {
  int64 numerator = 1;
  int64 denominator = 2;
}
`
  ],
  [
    "google/type/quaternion.proto",
    `${P3}package google.type;
message Quaternion {
  double x = 1;
  double y = 2;
  double z = 3;
  double w = 4;
}
`
  ],
  [
    "google/type/expr.proto",
    `${P3}package google.type;
message Expr {
  string expression = 1;
  string title = 2;
  string description = 3;
  string location = 4;
}
`
  ],
  [
    "google/type/interval.proto",
    `${P3}package google.type;
import "google/protobuf/timestamp.proto";
message Interval {
  google.protobuf.Timestamp start_time = 1;
  google.protobuf.Timestamp end_time = 2;
}
`
  ],
  [
    "google/type/dayofweek.proto",
    `${P3}package google.type;
enum DayOfWeek {
  DAY_OF_WEEK_UNSPECIFIED = 0;
  MONDAY = 1;
  TUESDAY = 2;
  WEDNESDAY = 3;
  THURSDAY = 4;
  FRIDAY = 5;
  SATURDAY = 6;
  SUNDAY = 7;
}
`
  ],
  [
    "google/type/month.proto",
    `${P3}package google.type;
enum Month {
  MONTH_UNSPECIFIED = 0;
  JANUARY = 1;
  FEBRUARY = 2;
  MARCH = 3;
  APRIL = 4;
  MAY = 5;
  JUNE = 6;
  JULY = 7;
  AUGUST = 8;
  SEPTEMBER = 9;
  OCTOBER = 10;
  NOVEMBER = 11;
  DECEMBER = 12;
}
`
  ],
  [
    "google/type/calendar_period.proto",
    `${P3}package google.type;
enum CalendarPeriod {
  CALENDAR_PERIOD_UNSPECIFIED = 0;
  DAY = 1;
  WEEK = 2;
  FORTNIGHT = 3;
  MONTH = 4;
  QUARTER = 5;
  HALF = 6;
  YEAR = 7;
}
`
  ],
  [
    "confluent/meta.proto",
    `${P3}package confluent;
import "google/protobuf/descriptor.proto";
message Meta {
  string doc = 1;
  map<string, string> params = 2;
  repeated string tags = 3;
  repeated Rule rules = 4;
}
message Rule {
  string name = 1;
  string doc = 2;
  string expr = 3;
  string sql = 4;
}
extend google.protobuf.FileOptions {
  Meta file_meta = 1088;
}
extend google.protobuf.MessageOptions {
  Meta message_meta = 1088;
}
extend google.protobuf.FieldOptions {
  Meta field_meta = 1088;
}
extend google.protobuf.EnumOptions {
  Meta enum_meta = 1088;
}
extend google.protobuf.EnumValueOptions {
  Meta enum_value_meta = 1088;
}
`
  ],
  [
    "confluent/type/variant.proto",
    `${P3}package confluent.type;
message Variant {
  bytes metadata = 1;
  bytes value = 2;
}
`
  ],
  [
    "google/type/color.proto",
    `${P3}package google.type;
import "google/protobuf/wrappers.proto";
message Color {
  float red = 1;
  float green = 2;
  float blue = 3;
  google.protobuf.FloatValue alpha = 4;
}
`
  ],
  [
    "google/type/datetime.proto",
    `${P3}package google.type;
import "google/protobuf/duration.proto";
message DateTime {
  int32 year = 1;
  int32 month = 2;
  int32 day = 3;
  int32 hours = 4;
  int32 minutes = 5;
  int32 seconds = 6;
  int32 nanos = 7;
  oneof time_offset {
    google.protobuf.Duration utc_offset = 8;
    TimeZone time_zone = 9;
  }
}
message TimeZone {
  string id = 1;
  string version = 2;
}
`
  ],
  [
    "google/type/phone_number.proto",
    `${P3}package google.type;
message PhoneNumber {
  message ShortCode {
    string region_code = 1;
    string number = 2;
  }
  oneof kind {
    string e164_number = 1;
    ShortCode short_code = 2;
  }
  string extension = 3;
}
`
  ],
  [
    "google/type/postal_address.proto",
    `${P3}package google.type;
message PostalAddress {
  int32 revision = 1;
  string region_code = 2;
  string language_code = 3;
  string postal_code = 4;
  string sorting_code = 5;
  string administrative_area = 6;
  string locality = 7;
  string sublocality = 8;
  repeated string address_lines = 9;
  repeated string recipients = 10;
  string organization = 11;
}
`
  ],
  [
    "confluent/type/decimal.proto",
    `${P3}package confluent.type;
message Decimal {
  bytes value = 1;
  uint32 precision = 2;
  int32 scale = 3;
}
`
  ]
]);

// src/formats/protobuf/reader.ts
var ProtoSyntaxError = class extends Error {
  constructor(message, pos) {
    super(message);
    this.pos = pos;
  }
  pos;
};
function isWordChar(code) {
  return code >= 97 && code <= 122 || // a-z
  code >= 65 && code <= 90 || // A-Z
  code >= 48 && code <= 57 || // 0-9
  code === 95 || // _
  code === 45 || // -
  code === 46;
}
var SyntaxReader = class {
  constructor(data) {
    this.data = data;
    if (data.charCodeAt(0) === 65279) this.pos = 1;
  }
  data;
  pos = 0;
  line = 0;
  lineStart = 0;
  location() {
    return { line: this.line + 1, column: this.pos - this.lineStart + 1 };
  }
  fail(message, at = this.location()) {
    throw new ProtoSyntaxError(message, at);
  }
  expect(condition, message, at) {
    if (!condition) this.fail(message, at);
  }
  exhausted() {
    this.skipWhitespace();
    return this.pos >= this.data.length;
  }
  /** The next non-blank character, not consumed. */
  peekChar() {
    this.skipWhitespace();
    this.expect(this.pos < this.data.length, "unexpected end of file");
    return this.data[this.pos];
  }
  /** Consumes `c` if it is next. */
  peekIs(c) {
    if (this.peekChar() !== c) return false;
    this.pos++;
    return true;
  }
  /** Steps back over the character just read. */
  unread() {
    this.pos--;
  }
  readChar() {
    const c = this.peekChar();
    this.pos++;
    return c;
  }
  require(c) {
    const at = this.location();
    this.skipWhitespace();
    const got = this.pos < this.data.length ? this.data[this.pos] : "end of file";
    this.expect(
      got === c,
      `expected '${c}' but was '${got}'`,
      this.pos < this.data.length ? this.location() : at
    );
    this.pos++;
  }
  readWord(allowLeadingDigit = true) {
    this.skipWhitespace();
    const start = this.pos;
    while (this.pos < this.data.length && isWordChar(this.data.charCodeAt(this.pos))) this.pos++;
    if (start === this.pos) this.fail("expected a word");
    const word = this.data.slice(start, this.pos);
    if (!allowLeadingDigit && /^[0-9]/.test(word)) {
      this.fail("field and constant names cannot start with a digit", {
        line: this.line + 1,
        column: start - this.lineStart + 1
      });
    }
    return word;
  }
  /** A name, possibly wrapped in parentheses or brackets (returned without them). */
  readName(allowLeadingDigit = true) {
    const c = this.peekChar();
    if (c === "(" || c === "[") {
      this.pos++;
      const word = this.readWord(allowLeadingDigit);
      this.require(c === "(" ? ")" : "]");
      return word;
    }
    return this.readWord(allowLeadingDigit);
  }
  /** A scalar, message or `map<K, V>` type, with `first` already read when given. */
  readDataType(first) {
    const name = first ?? this.readWord();
    if (name !== "map" || this.peekChar() !== "<") return name;
    this.require("<");
    const key = this.readDataType();
    this.require(",");
    const value = this.readDataType();
    this.require(">");
    return `map<${key}, ${value}>`;
  }
  readInt() {
    const at = this.location();
    const word = this.readWord();
    const negative = word.startsWith("-");
    const digits = negative ? word.slice(1) : word;
    const hex = /^0[xX][0-9a-fA-F]+$/.test(digits);
    const valid = hex || /^[0-9]+$/.test(digits);
    const n = valid ? (hex ? parseInt(digits.slice(2), 16) : Number(digits)) * (negative ? -1 : 1) : NaN;
    if (!Number.isSafeInteger(n) || n > 2147483647 || n < -2147483648)
      this.fail(`expected an integer but was ${word}`, at);
    return n;
  }
  readQuotedString() {
    let quote = this.readChar();
    this.expect(quote === '"' || quote === "'", "expected a quoted string");
    let result = "";
    while (this.pos < this.data.length) {
      let c = this.data[this.pos++];
      if (c === quote) {
        const next = this.peekCharOrEnd();
        if (next === '"' || next === "'") {
          quote = this.readChar();
          continue;
        }
        return result;
      }
      if (c === "\\") {
        this.expect(this.pos < this.data.length, "unexpected end of file");
        c = this.data[this.pos++];
        c = this.escape(c);
      }
      result += c;
      if (c === "\n") this.newline();
    }
    return this.fail("unterminated string");
  }
  peekCharOrEnd() {
    this.skipWhitespace();
    return this.data[this.pos];
  }
  escape(c) {
    const simple = {
      a: "\x07",
      b: "\b",
      f: "\f",
      n: "\n",
      r: "\r",
      t: "	",
      v: "\v"
    };
    const s = simple[c];
    if (s !== void 0) return s;
    if (c === "x" || c === "X") return this.numericEscape(16, 2);
    if (/[0-7]/.test(c)) {
      this.pos--;
      return this.numericEscape(8, 3);
    }
    return c;
  }
  numericEscape(radix, len) {
    let value = -1;
    const end = Math.min(this.pos + len, this.data.length);
    while (this.pos < end) {
      const digit = parseInt(this.data[this.pos], 16);
      if (Number.isNaN(digit) || digit >= radix) break;
      value = value < 0 ? digit : value * radix + digit;
      this.pos++;
    }
    this.expect(value >= 0, "expected a digit after \\x or \\X");
    return String.fromCharCode(value);
  }
  newline() {
    this.line++;
    this.lineStart = this.pos;
  }
  skipWhitespace() {
    const d = this.data;
    while (this.pos < d.length) {
      const c = d[this.pos];
      if (c === " " || c === "	" || c === "\r" || c === "\n") {
        this.pos++;
        if (c === "\n") this.newline();
      } else if (c === "/") {
        this.skipComment();
      } else {
        return;
      }
    }
  }
  skipComment() {
    const at = this.location();
    const next = this.data[this.pos + 1];
    if (next === "/") {
      while (this.pos < this.data.length && this.data[this.pos] !== "\n") this.pos++;
    } else if (next === "*") {
      const end = this.data.indexOf("*/", this.pos + 2);
      if (end < 0) this.fail("unterminated comment", at);
      for (let i = this.pos; i < end; i++) {
        if (this.data[i] === "\n") {
          this.pos = i + 1;
          this.newline();
        }
      }
      this.pos = end + 2;
    } else {
      this.fail("unexpected '/'", at);
    }
  }
};

// src/formats/protobuf/model.ts
function emptyProtoFile() {
  return {
    imports: [],
    publicImports: [],
    weakImports: [],
    importPositions: /* @__PURE__ */ new Map(),
    options: [],
    types: [],
    extendDeclarations: [],
    services: []
  };
}
function emptyMessage(name, pos) {
  return {
    kind: "message",
    name,
    fields: [],
    oneOfs: [],
    groups: [],
    nestedTypes: [],
    options: [],
    reserveds: [],
    extensions: [],
    extendDeclarations: [],
    pos
  };
}
var MAX_TAG_VALUE = 536870911;
var SCALAR_TYPES = /* @__PURE__ */ new Set([
  "double",
  "float",
  "int32",
  "int64",
  "uint32",
  "uint64",
  "sint32",
  "sint64",
  "fixed32",
  "fixed64",
  "sfixed32",
  "sfixed64",
  "bool",
  "string",
  "bytes"
]);
function mapTypes(type) {
  if (!type.startsWith("map<")) return void 0;
  const m = /^map<\s*([^,\s]+)\s*,\s*([^>\s]+)\s*>$/.exec(type);
  return m === null ? void 0 : [m[1], m[2]];
}

// src/formats/protobuf/options.ts
function stripValue(name, options) {
  let result;
  for (let i = options.length - 1; i >= 0; i--) {
    const o = options[i];
    if (o.name === name && !o.parenthesized) {
      if (result === void 0) result = optionValueText(o.value);
      options.splice(i, 1);
    }
  }
  return result;
}
function optionValueText(v) {
  if ("name" in v) return v.name;
  return "value" in v ? v.value : "";
}
function readOptions(r) {
  if (!r.peekIs("[")) return [];
  const out = [];
  for (; ; ) {
    out.push(readOption(r, "=", r.location()));
    const c = r.readChar();
    if (c === "]") return out;
    if (c !== ",") r.fail("expected ',' or ']'");
  }
}
function readOption(r, separator, pos) {
  const first = r.peekChar();
  const parenthesized = first === "(";
  let name = r.readName();
  if (first === "[") name = `[${name}]`;
  const subNames = [];
  let c = r.readChar();
  if (c === ".") {
    subNames.push(...r.readName().split("."));
    c = r.readChar();
  }
  if (!(separator === ":" && c === "{")) {
    r.expect(c === separator, `expected '${separator}' in option`);
  } else r.unread();
  const [innerKind, innerValue] = readKindAndValue(r);
  let kind = innerKind;
  let value = innerValue;
  for (const sub of subNames.reverse()) {
    value = { name: sub, parenthesized: false, kind, value, pos };
    kind = "OPTION";
  }
  return { name, parenthesized, kind, value, pos };
}
function readKindAndValue(r) {
  const c = r.peekChar();
  if (c === "{") {
    r.readChar();
    return ["MAP", readMap(r, "}")];
  }
  if (c === "[") {
    r.readChar();
    return ["LIST", readList(r)];
  }
  if (c === '"' || c === "'") return ["STRING", { kind: "STRING", value: r.readQuotedString() }];
  const word = r.readWord();
  if (word === "true" || word === "false") return ["BOOLEAN", { kind: "BOOLEAN", value: word }];
  if (/^[-0-9.]/.test(word) || /^-?(inf|nan)$/i.test(word))
    return ["NUMBER", { kind: "NUMBER", value: word }];
  return ["ENUM", { kind: "ENUM", value: word }];
}
function readMap(r, close) {
  const entries = [];
  for (; ; ) {
    if (r.peekIs(close)) return { kind: "MAP", entries };
    const first = r.peekChar();
    let key = r.readName();
    if (first === "[") key = `[${key}]`;
    let value;
    if (r.peekChar() === "{" || r.peekChar() === "<") {
      const open = r.readChar();
      value = readMap(r, open === "{" ? "}" : ">");
    } else {
      r.require(":");
      const [, v] = readKindAndValue(r);
      value = v;
    }
    const existing = entries.find((e) => e[0] === key);
    if (existing === void 0) entries.push([key, value]);
    else existing[1] = Array.isArray(existing[1]) ? [...existing[1], value] : [existing[1], value];
    const next = r.peekChar();
    if (next === "," || next === ";") r.readChar();
  }
}
function readList(r) {
  const items = [];
  for (; ; ) {
    if (r.peekIs("]")) return { kind: "LIST", items };
    if (r.peekChar() === "{") {
      r.readChar();
      items.push(readMap(r, "}"));
    } else items.push(readKindAndValue(r)[1]);
    const next = r.peekChar();
    if (next === ",") r.readChar();
    else r.expect(next === "]", "expected ',' or ']'");
  }
}

// src/formats/protobuf/syntax.ts
function decl(k, v) {
  return { k, v };
}
function parseProtoText(text) {
  return new ProtoParser(text).readProtoFile();
}
var ProtoParser = class {
  reader;
  declarationCount = 0;
  syntax;
  file = emptyProtoFile();
  constructor(text) {
    this.reader = new SyntaxReader(text);
  }
  readProtoFile() {
    while (!this.reader.exhausted()) {
      const d = this.readDeclaration("file");
      if (d === void 0) continue;
      if (d.k === "type") {
        const t = d.v;
        const dup = this.file.types.find((x) => x.name === t.name);
        if (dup !== void 0)
          this.reader.fail(
            `${t.name} is already defined at line ${dup.pos.line}, column ${dup.pos.column}`,
            t.pos
          );
        this.file.types.push(t);
      } else if (d.k === "service") {
        const s = d.v;
        const dup = this.file.services.find((x) => x.name === s.name);
        if (dup !== void 0)
          this.reader.fail(
            `${s.name} is already defined at line ${dup.pos.line}, column ${dup.pos.column}`,
            s.pos
          );
        this.file.services.push(s);
      } else if (d.k === "option") this.file.options.push(d.v);
      else if (d.k === "extend") this.file.extendDeclarations.push(d.v);
    }
    if (this.syntax !== void 0) this.file.syntax = this.syntax;
    return this.file;
  }
  readDeclaration(context) {
    const r = this.reader;
    const index = this.declarationCount++;
    if (r.peekIs(";")) return void 0;
    const at = r.location();
    const label = r.readWord(context !== "enum");
    if (label === "package" && context === "file") {
      this.file.packageName = r.readName();
      this.file.packagePos = at;
      r.require(";");
      return void 0;
    }
    if (label === "import" && context === "file") {
      const peeked = r.peekChar();
      const list = peeked === '"' || peeked === "'" ? this.file.imports : this.importKind(r.readWord(), at);
      const name = r.readQuotedString();
      list.push(name);
      if (!this.file.importPositions.has(name)) this.file.importPositions.set(name, at);
      r.require(";");
      return void 0;
    }
    if (label === "syntax" && context === "file") {
      r.expect(this.syntax === void 0, "too many syntax definitions", at);
      r.require("=");
      r.expect(index === 0, "'syntax' element must be the first declaration in a file", at);
      const s = r.readQuotedString();
      if (s !== "proto2" && s !== "proto3") return r.fail(`unexpected syntax: ${s}`, at);
      this.syntax = s;
      r.require(";");
      return void 0;
    }
    if (label === "option") {
      const o = readOption(r, "=", at);
      r.require(";");
      return decl("option", o);
    }
    if (label === "reserved") return decl("reserved", this.readReserved(at));
    if (label === "message" && (context === "file" || context === "message"))
      return decl("type", this.readMessage(at));
    if (label === "enum" && (context === "file" || context === "message"))
      return decl("type", this.readEnum(at));
    if (label === "service" && context === "file") return decl("service", this.readService(at));
    if (label === "extend" && (context === "file" || context === "message"))
      return decl("extend", this.readExtend(at));
    if (label === "rpc" && context === "service") return decl("rpc", this.readRpc(at));
    if (label === "oneof" && context === "message") return decl("oneof", this.readOneOf(at));
    if (label === "extensions" && context === "message") return decl("extensions", this.readExtensions(at));
    if (context === "message" || context === "extend") return this.readFieldOrGroup(at, label);
    if (context === "enum") return decl("constant", this.readEnumConstant(at, label));
    if (label === "edition" && context === "file") r.fail("edition is not currently supported", at);
    return r.fail(`unexpected label: ${label}`, at);
  }
  importKind(word, at) {
    if (word === "weak") return this.file.weakImports;
    if (word === "public") return this.file.publicImports;
    return this.reader.fail("expected quoted string", at);
  }
  readBlock(context, take) {
    this.reader.require("{");
    while (!this.reader.peekIs("}")) {
      const d = this.readDeclaration(context);
      if (d !== void 0) take(d);
    }
  }
  readMessage(pos) {
    const name = this.reader.readName();
    const m = emptyMessage(name, pos);
    this.readBlock("message", (d) => {
      if (d.k === "field") m.fields.push(d.v);
      else if (d.k === "oneof") m.oneOfs.push(d.v);
      else if (d.k === "group") m.groups.push(d.v);
      else if (d.k === "type") m.nestedTypes.push(d.v);
      else if (d.k === "extensions") m.extensions.push(d.v);
      else if (d.k === "option") m.options.push(d.v);
      else if (d.k === "extend") m.extendDeclarations.push(d.v);
      else if (d.k === "reserved") m.reserveds.push(d.v);
    });
    return m;
  }
  readEnum(pos) {
    const name = this.reader.readName();
    const e = { kind: "enum", name, constants: [], options: [], reserveds: [], pos };
    this.readBlock("enum", (d) => {
      if (d.k === "constant") e.constants.push(d.v);
      else if (d.k === "option") e.options.push(d.v);
      else if (d.k === "reserved") e.reserveds.push(d.v);
    });
    return e;
  }
  readExtend(pos) {
    const name = this.reader.readName();
    const x = { name, fields: [], pos };
    this.readBlock("extend", (d) => {
      if (d.k === "field") x.fields.push(d.v);
    });
    return x;
  }
  readService(pos) {
    const name = this.reader.readName();
    const s = { name, rpcs: [], options: [], pos };
    this.readBlock("service", (d) => {
      if (d.k === "rpc") s.rpcs.push(d.v);
      else if (d.k === "option") s.options.push(d.v);
    });
    return s;
  }
  readFieldOrGroup(pos, word) {
    const r = this.reader;
    let label;
    let type;
    const typePos = r.location();
    if (word === "required") {
      r.expect(this.syntax !== "proto3", "'required' label forbidden in proto3 field declarations", pos);
      label = "required";
      type = r.readDataType();
    } else if (word === "optional" || word === "repeated") {
      label = word;
      type = r.readDataType();
    } else {
      r.expect(
        this.syntax === "proto3" || word === "map" && r.peekChar() === "<",
        `unexpected label: ${word}`,
        pos
      );
      type = r.readDataType(word);
    }
    r.expect(!type.startsWith("map<") || label === void 0, "'map' type cannot have label", pos);
    if (type === "group") return decl("group", this.readGroup(pos, label));
    return decl("field", this.readField(pos, label === void 0 ? pos : typePos, label, type));
  }
  readField(pos, typePos, label, type) {
    const r = this.reader;
    const name = r.readName(false);
    r.require("=");
    const tag = r.readInt();
    const options = readOptions(r);
    const field = { name, tag, type, options, pos, typePos };
    if (label !== void 0) field.label = label;
    const defaultValue = stripValue("default", options);
    if (defaultValue !== void 0) field.defaultValue = defaultValue;
    const jsonName = stripValue("json_name", options);
    if (jsonName !== void 0) field.jsonName = jsonName;
    r.require(";");
    return field;
  }
  readOneOf(pos) {
    const r = this.reader;
    const name = r.readName();
    const o = { name, fields: [], groups: [], options: [], pos };
    r.require("{");
    while (!r.peekIs("}")) {
      const at = r.location();
      const type = r.readDataType();
      if (type === "group") o.groups.push(this.readGroup(at, void 0));
      else if (type === "option") {
        o.options.push(readOption(r, "=", at));
        r.require(";");
      } else o.fields.push(this.readField(at, at, void 0, type));
    }
    return o;
  }
  readGroup(pos, label) {
    const r = this.reader;
    const name = r.readWord();
    r.require("=");
    const tag = r.readInt();
    const g = { name, tag, fields: [], pos };
    if (label !== void 0) g.label = label;
    r.require("{");
    while (!r.peekIs("}")) {
      const at = r.location();
      const d = this.readFieldOrGroup(at, r.readWord());
      if (d?.k !== "field") return r.fail("expected field declaration", at);
      g.fields.push(d.v);
    }
    return g;
  }
  readRange(pos, allowNames) {
    const r = this.reader;
    const values = [];
    for (; ; ) {
      const c = r.peekChar();
      if (allowNames && (c === '"' || c === "'")) values.push(r.readQuotedString());
      else {
        const start = r.readInt();
        const next = r.peekChar();
        if (next === "," || next === ";" || !allowNames && next === "[") values.push(start);
        else {
          r.expect(
            r.readWord() === "to",
            allowNames ? "expected ',', ';', or 'to'" : "expected ',', ';', '[' or 'to'",
            pos
          );
          const endAt = r.location();
          const end = r.readWord();
          const endValue = end === "max" ? MAX_TAG_VALUE : Number(end);
          if (!Number.isInteger(endValue)) r.fail(`expected an integer but was ${end}`, endAt);
          values.push({ start, end: endValue });
        }
      }
      if (!allowNames && r.peekChar() === "[") return { values, sawOptions: true };
      const sep = r.readChar();
      if (sep === ";") return { values, sawOptions: false };
      if (sep !== ",") r.fail("expected ',' or ';'");
    }
  }
  readReserved(pos) {
    const { values } = this.readRange(pos, true);
    this.reader.expect(values.length > 0, "'reserved' must have at least one field name or tag", pos);
    return { values, pos };
  }
  readExtensions(pos) {
    const { values, sawOptions } = this.readRange(pos, false);
    const options = sawOptions ? readOptions(this.reader) : [];
    if (sawOptions) this.reader.require(";");
    return { values, options, pos };
  }
  readEnumConstant(pos, name) {
    const r = this.reader;
    r.require("=");
    const tag = r.readInt();
    const options = readOptions(r);
    r.require(";");
    return { name, tag, options, pos };
  }
  readRpc(pos) {
    const r = this.reader;
    const name = r.readName();
    const side = () => {
      r.require("(");
      const word = r.readWord();
      const streaming = word === "stream";
      const type = streaming ? r.readDataType() : r.readDataType(word);
      r.require(")");
      return [type, streaming];
    };
    const [requestType, requestStreaming] = side();
    r.expect(r.readWord() === "returns", "expected 'returns'", pos);
    const [responseType, responseStreaming] = side();
    const rpc = {
      name,
      requestType,
      responseType,
      requestStreaming,
      responseStreaming,
      options: [],
      pos
    };
    if (r.peekIs("{")) {
      while (!r.peekIs("}")) {
        const d = this.readDeclaration("rpc");
        if (d?.k === "option") rpc.options.push(d.v);
      }
    } else r.require(";");
    return rpc;
  }
};

export {
  emptyProtoFile,
  emptyMessage,
  MAX_TAG_VALUE,
  SCALAR_TYPES,
  mapTypes,
  KNOWN_FILES,
  ProtoSyntaxError,
  parseProtoText
};
