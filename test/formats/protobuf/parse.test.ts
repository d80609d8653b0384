import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseProtobuf, protobufFormat } from '../../../src/formats/protobuf/index.js';
import { KNOWN_FILES } from '../../../src/formats/protobuf/known-types.js';
import { detectFormat, parseFormatId } from '../../../src/formats/registry.js';

/** [description, text, rule, line, column, message fragment] */
const INVALID: [string, string, string, number, number, RegExp][] = [
  [
    'missing field number',
    'syntax = "proto3";\nmessage A {\n  string a = ;\n}\n',
    'PROTOBUF_SYNTAX',
    3,
    14,
    /expected a word/,
  ],
  [
    'unterminated message',
    'syntax = "proto3";\nmessage A {\n  string a = 1;\n',
    'PROTOBUF_SYNTAX',
    4,
    1,
    /unexpected end of file/,
  ],
  [
    'proto2 field without label',
    'syntax = "proto2";\nmessage A {\n  string a = 1;\n}\n',
    'PROTOBUF_SYNTAX',
    3,
    3,
    /unexpected label: string/,
  ],
  [
    'required in proto3',
    'syntax = "proto3";\nmessage A {\n  required string a = 1;\n}\n',
    'PROTOBUF_SYNTAX',
    3,
    3,
    /'required' label forbidden in proto3/,
  ],
  [
    'labelled map',
    'syntax = "proto3";\nmessage A {\n  repeated map<string, string> a = 1;\n}\n',
    'PROTOBUF_SYNTAX',
    3,
    3,
    /'map' type cannot have label/,
  ],
  [
    'syntax not first',
    'package a;\nsyntax = "proto3";\n',
    'PROTOBUF_SYNTAX',
    2,
    1,
    /must be the first declaration/,
  ],
  ['unknown syntax', 'syntax = "proto4";\n', 'PROTOBUF_SYNTAX', 1, 1, /unexpected syntax: proto4/],
  [
    'edition (the registry refuses it)',
    'edition = "2023";\nmessage A {}\n',
    'PROTOBUF_SYNTAX',
    1,
    1,
    /edition is not currently supported/,
  ],
  [
    'duplicate top-level name',
    'syntax = "proto3";\nmessage A {}\nenum A { Z = 0; }\n',
    'PROTOBUF_SYNTAX',
    3,
    1,
    /A is already defined at line 2/,
  ],
  [
    'name starting with a digit',
    'syntax = "proto3";\nmessage A {\n  string 1a = 1;\n}\n',
    'PROTOBUF_SYNTAX',
    3,
    10,
    /cannot start with a digit/,
  ],
  [
    'unterminated comment',
    'syntax = "proto3";\n/* open\nmessage A {}\n',
    'PROTOBUF_SYNTAX',
    2,
    1,
    /unterminated comment/,
  ],
  [
    'unknown type',
    'syntax = "proto3";\nmessage A {\n  Missing m = 1;\n}\n',
    'PROTOBUF_UNKNOWN_TYPE',
    3,
    3,
    /'Missing' is not defined/,
  ],
  [
    'unknown map value type',
    'syntax = "proto3";\nmessage A {\n  map<string, Nope> m = 1;\n}\n',
    'PROTOBUF_UNKNOWN_TYPE',
    3,
    3,
    /'Nope'/,
  ],
  [
    'import not given',
    'syntax = "proto3";\nimport "other/thing.proto";\nmessage A {}\n',
    'PROTOBUF_IMPORT_MISSING',
    2,
    1,
    /'other\/thing.proto'/,
  ],
  [
    'duplicate field number',
    'syntax = "proto3";\nmessage A {\n  string a = 1;\n  string b = 1;\n}\n',
    'PROTOBUF_DUPLICATE_NUMBER',
    4,
    3,
    /already used by 'a'/,
  ],
  [
    'duplicate number across a oneof',
    'syntax = "proto3";\nmessage A {\n  string a = 1;\n  oneof o {\n    string b = 1;\n  }\n}\n',
    'PROTOBUF_DUPLICATE_NUMBER',
    5,
    5,
    /number 1/,
  ],
  [
    'duplicate field name',
    'syntax = "proto3";\nmessage A {\n  string a = 1;\n  int32 a = 2;\n}\n',
    'PROTOBUF_DUPLICATE_NAME',
    4,
    3,
    /'a' is already used/,
  ],
  [
    'number zero',
    'syntax = "proto3";\nmessage A {\n  string a = 0;\n}\n',
    'PROTOBUF_NUMBER_OUT_OF_RANGE',
    3,
    3,
    /numbers run from 1/,
  ],
  [
    'reserved implementation range',
    'syntax = "proto3";\nmessage A {\n  string a = 19001;\n}\n',
    'PROTOBUF_NUMBER_OUT_OF_RANGE',
    3,
    3,
    /19000 to 19999/,
  ],
  [
    'proto3 enum not starting at zero',
    'syntax = "proto3";\nenum E {\n  ONE = 1;\n}\n',
    'PROTOBUF_ENUM_FIRST_VALUE',
    3,
    3,
    /must be 0/,
  ],
  [
    'enum alias without allow_alias',
    'syntax = "proto3";\nenum E {\n  ZERO = 0;\n  NONE = 0;\n}\n',
    'PROTOBUF_DUPLICATE_NUMBER',
    4,
    3,
    /allow_alias/,
  ],
];

describe('invalid .proto text: one issue at its line and column', () => {
  for (const [name, text, rule, line, column, message] of INVALID) {
    test(name, () => {
      const r = parseProtobuf(text);
      assert.equal(r.ok, false);
      if (r.ok) return;
      const first = r.issues[0];
      assert.equal(first?.rule, rule);
      assert.match(first?.message ?? '', message);
      assert.deepEqual([first?.line, first?.column], [line, column]);
    });
  }
  test('a stored version (lenient) is not validated beyond syntax, as the registry reads old versions', () => {
    assert.equal(
      parseProtobuf('syntax = "proto3";\nmessage A {\n  Missing m = 1;\n}\n', { lenient: true }).ok,
      true,
    );
    assert.equal(
      parseProtobuf('syntax = "proto3";\nmessage A {\n  string a = ;\n}\n', { lenient: true }).ok,
      false,
    );
  });
  test('an invalid reference names the reference', () => {
    const r = parseProtobuf('syntax = "proto3";\nimport "x.proto";\nmessage A {}\n', {
      references: [{ name: 'x.proto', text: 'message {' }],
    });
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.issues[0]?.message ?? '', /'x.proto' is not valid Protobuf/);
  });
});

const EVERYTHING = `// A file that uses every construct the registry's parser knows.
syntax = "proto2";
package travel.booking;

import "google/protobuf/timestamp.proto";
import public "travel/common.proto";

option java_package = "com.example.travel";
option (travel.common.owner) = { team: "bookings" tags: ["pii", "core"] };

message Booking {
  option deprecated = false;
  reserved 20, 30 to 40, 50 to max;
  reserved "legacy_code";
  extensions 100 to 199;

  required string reference = 1 [json_name = "ref"];
  optional int32 seats = 2 [default = 1];
  repeated Leg legs = 3;
  map<string, travel.common.Tag> tags = 4;
  optional .google.protobuf.Timestamp booked_at = 5;
  optional group Extra = 6 {
    optional string note = 7;
  }
  oneof payment {
    string card_token = 8;
    Voucher voucher = 9;
  }

  message Leg {
    optional string from = 1;
    optional string to = 2;
    optional Cabin cabin = 3 [default = ECONOMY];
    enum Cabin {
      option allow_alias = true;
      ECONOMY = 0;
      COACH = 0;
      BUSINESS = 1 [deprecated = true];
      reserved 5 to 9;
    }
  }
  message Voucher { optional string code = 1; };
  extend travel.common.Audit {
    optional string booking_note = 101;
  }
}

extend Booking {
  optional string partner_id = 100;
}

service Bookings {
  rpc Create (Booking) returns (Booking);
  rpc Watch (stream Booking) returns (stream Booking) {
    option deprecated = true;
  }
}
`;

const COMMON = `syntax = "proto2";
package travel.common;
import "google/protobuf/descriptor.proto";
message Tag { optional string value = 1; }
message Audit { extensions 100 to max; }
message Owner { optional string team = 1; repeated string tags = 2; }
extend google.protobuf.FileOptions { optional Owner owner = 5001; }
`;

describe('valid .proto text', () => {
  test('proto2 with options, reserved ranges, extensions, groups, oneofs, maps, services and imports', () => {
    const r = parseProtobuf(EVERYTHING, { references: [{ name: 'travel/common.proto', text: COMMON }] });
    assert.equal(r.ok, true, r.ok ? '' : JSON.stringify(r.issues));
    if (!r.ok) return;
    const booking = r.schema.proto.types[0];
    assert.equal(booking?.kind, 'message');
    if (booking?.kind !== 'message') return;
    assert.deepEqual(
      booking.fields.map((f) => [f.label ?? '', f.type, f.name, f.tag]),
      [
        ['required', 'string', 'reference', 1],
        ['optional', 'int32', 'seats', 2],
        ['repeated', 'Leg', 'legs', 3],
        ['', 'map<string, travel.common.Tag>', 'tags', 4],
        ['optional', '.google.protobuf.Timestamp', 'booked_at', 5],
      ],
    );
    assert.equal(booking.fields[0]?.jsonName, 'ref');
    assert.equal(booking.fields[1]?.defaultValue, '1');
    assert.deepEqual(
      booking.reserveds.map((x) => x.values),
      [[20, { start: 30, end: 40 }, { start: 50, end: 536870911 }], ['legacy_code']],
    );
    assert.deepEqual(
      booking.groups.map((g) => [g.name, g.tag]),
      [['Extra', 6]],
    );
    assert.deepEqual(
      booking.oneOfs.map((o) => [o.name, o.fields.map((f) => f.name)]),
      [['payment', ['card_token', 'voucher']]],
    );
    assert.deepEqual(
      r.schema.proto.services[0]?.rpcs.map((x) => [x.name, x.requestStreaming, x.responseStreaming]),
      [
        ['Create', false, false],
        ['Watch', true, true],
      ],
    );
    assert.deepEqual(r.schema.proto.publicImports, ['travel/common.proto']);
  });

  test('the well-known types are built in, without references', () => {
    const text =
      'syntax = "proto3";\nimport "google/protobuf/any.proto";\nimport "google/protobuf/struct.proto";\nimport "google/protobuf/wrappers.proto";\nimport "google/protobuf/duration.proto";\nimport "google/type/money.proto";\nimport "confluent/meta.proto";\n' +
      'message A {\n  google.protobuf.Any any = 1;\n  google.protobuf.Struct s = 2;\n  google.protobuf.StringValue w = 3;\n  google.protobuf.Duration d = 4;\n  google.type.Money m = 5 [(confluent.field_meta).doc = "price"];\n}\n';
    const r = parseProtobuf(text);
    assert.equal(r.ok, true, r.ok ? '' : JSON.stringify(r.issues));
  });

  test('every built-in file is itself a valid schema whose types all resolve', () => {
    for (const [name, text] of KNOWN_FILES) {
      const r = parseProtobuf(text, { file: name });
      assert.equal(r.ok, true, `${name}: ${r.ok ? '' : JSON.stringify(r.issues)}`);
    }
  });

  test('.proto files are Protobuf; --type accepts protobuf and proto', () => {
    assert.equal(detectFormat('schemas/orders/value.proto'), 'protobuf');
    assert.equal(parseFormatId('protobuf'), 'protobuf');
    assert.equal(parseFormatId('PROTO'), 'protobuf');
    assert.equal(protobufFormat.registryType, 'PROTOBUF');
  });

  test('locate places a registry path in the text, or its nearest ancestor', () => {
    const r = parseProtobuf(EVERYTHING, { references: [{ name: 'travel/common.proto', text: COMMON }] });
    if (!r.ok) return assert.fail();
    assert.deepEqual(protobufFormat.locate(r.schema, '/Booking/2'), { line: 18, column: 3 });
    assert.deepEqual(protobufFormat.locate(r.schema, '/Booking/payment/9'), { line: 27, column: 5 });
    assert.deepEqual(protobufFormat.locate(r.schema, '/Booking/Leg/Cabin/1'), { line: 38, column: 7 });
    assert.deepEqual(protobufFormat.locate(r.schema, '/Booking/77'), { line: 11, column: 1 });
    assert.deepEqual(protobufFormat.locate(r.schema, '/'), { line: 3, column: 1 });
  });
});
