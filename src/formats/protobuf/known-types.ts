/**
 * The files the registry knows without a reference (`ProtobufSchema.KNOWN_DEPENDENCIES`): Google's
 * well-known types, the common `google/type` types and Confluent's own `meta` and `decimal`. Only the
 * declarations matter here (names, numbers, types); comments and most options are left out. From
 * `descriptor.proto` only the option messages are kept, which is what custom options extend.
 */
const DESCRIPTOR_OPTIONS = [
  'FileOptions',
  'MessageOptions',
  'FieldOptions',
  'OneofOptions',
  'EnumOptions',
  'EnumValueOptions',
  'ServiceOptions',
  'MethodOptions',
  'ExtensionRangeOptions',
]
  .map((m) => `message ${m} {\n  extensions 1000 to max;\n}\n`)
  .join('');

const WRAPPERS = (
  [
    ['DoubleValue', 'double'],
    ['FloatValue', 'float'],
    ['Int64Value', 'int64'],
    ['UInt64Value', 'uint64'],
    ['Int32Value', 'int32'],
    ['UInt32Value', 'uint32'],
    ['BoolValue', 'bool'],
    ['StringValue', 'string'],
    ['BytesValue', 'bytes'],
  ] as const
)
  .map(([m, t]) => `message ${m} {\n  ${t} value = 1;\n}\n`)
  .join('');

const P3 = 'syntax = "proto3";\n';

export const KNOWN_FILES: ReadonlyMap<string, string> = new Map([
  [
    'google/protobuf/any.proto',
    `${P3}package google.protobuf;\nmessage Any {\n  string type_url = 1;\n  bytes value = 2;\n}\n`,
  ],
  [
    'google/protobuf/duration.proto',
    `${P3}package google.protobuf;\nmessage Duration {\n  int64 seconds = 1;\n  int32 nanos = 2;\n}\n`,
  ],
  ['google/protobuf/empty.proto', `${P3}package google.protobuf;\nmessage Empty {\n}\n`],
  [
    'google/protobuf/field_mask.proto',
    `${P3}package google.protobuf;\nmessage FieldMask {\n  repeated string paths = 1;\n}\n`,
  ],
  [
    'google/protobuf/source_context.proto',
    `${P3}package google.protobuf;\nmessage SourceContext {\n  string file_name = 1;\n}\n`,
  ],
  [
    'google/protobuf/struct.proto',
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
`,
  ],
  [
    'google/protobuf/timestamp.proto',
    `${P3}package google.protobuf;\nmessage Timestamp {\n  int64 seconds = 1;\n  int32 nanos = 2;\n}\n`,
  ],
  ['google/protobuf/wrappers.proto', `${P3}package google.protobuf;\n${WRAPPERS}`],
  [
    'google/protobuf/type.proto',
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
`,
  ],
  [
    'google/protobuf/api.proto',
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
`,
  ],
  ['google/protobuf/descriptor.proto', `syntax = "proto2";\npackage google.protobuf;\n${DESCRIPTOR_OPTIONS}`],
  [
    'google/type/date.proto',
    `${P3}package google.type;\nmessage Date {\n  int32 year = 1;\n  int32 month = 2;\n  int32 day = 3;\n}\n`,
  ],
  [
    'google/type/timeofday.proto',
    `${P3}package google.type;\nmessage TimeOfDay {\n  int32 hours = 1;\n  int32 minutes = 2;\n  int32 seconds = 3;\n  int32 nanos = 4;\n}\n`,
  ],
  [
    'google/type/money.proto',
    `${P3}package google.type;\nmessage Money {\n  string currency_code = 1;\n  int64 units = 2;\n  int32 nanos = 3;\n}\n`,
  ],
  [
    'google/type/latlng.proto',
    `${P3}package google.type;\nmessage LatLng {\n  double latitude = 1;\n  double longitude = 2;\n}\n`,
  ],
  ['google/type/decimal.proto', `${P3}package google.type;\nmessage Decimal {\n  string value = 1;\n}\n`],
  [
    'google/type/fraction.proto',
    `${P3}package google.type;\nmessage Fraction {\n  int64 numerator = 1;\n  int64 denominator = 2;\n}\n`,
  ],
  [
    'google/type/quaternion.proto',
    `${P3}package google.type;\nmessage Quaternion {\n  double x = 1;\n  double y = 2;\n  double z = 3;\n  double w = 4;\n}\n`,
  ],
  [
    'google/type/expr.proto',
    `${P3}package google.type;\nmessage Expr {\n  string expression = 1;\n  string title = 2;\n  string description = 3;\n  string location = 4;\n}\n`,
  ],
  [
    'google/type/interval.proto',
    `${P3}package google.type;\nimport "google/protobuf/timestamp.proto";\nmessage Interval {\n  google.protobuf.Timestamp start_time = 1;\n  google.protobuf.Timestamp end_time = 2;\n}\n`,
  ],
  [
    'google/type/dayofweek.proto',
    `${P3}package google.type;\nenum DayOfWeek {\n  DAY_OF_WEEK_UNSPECIFIED = 0;\n  MONDAY = 1;\n  TUESDAY = 2;\n  WEDNESDAY = 3;\n  THURSDAY = 4;\n  FRIDAY = 5;\n  SATURDAY = 6;\n  SUNDAY = 7;\n}\n`,
  ],
  [
    'google/type/month.proto',
    `${P3}package google.type;\nenum Month {\n  MONTH_UNSPECIFIED = 0;\n  JANUARY = 1;\n  FEBRUARY = 2;\n  MARCH = 3;\n  APRIL = 4;\n  MAY = 5;\n  JUNE = 6;\n  JULY = 7;\n  AUGUST = 8;\n  SEPTEMBER = 9;\n  OCTOBER = 10;\n  NOVEMBER = 11;\n  DECEMBER = 12;\n}\n`,
  ],
  [
    'google/type/calendar_period.proto',
    `${P3}package google.type;\nenum CalendarPeriod {\n  CALENDAR_PERIOD_UNSPECIFIED = 0;\n  DAY = 1;\n  WEEK = 2;\n  FORTNIGHT = 3;\n  MONTH = 4;\n  QUARTER = 5;\n  HALF = 6;\n  YEAR = 7;\n}\n`,
  ],
  [
    'confluent/meta.proto',
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
`,
  ],
  [
    'confluent/type/variant.proto',
    `${P3}package confluent.type;\nmessage Variant {\n  bytes metadata = 1;\n  bytes value = 2;\n}\n`,
  ],
  [
    'google/type/color.proto',
    `${P3}package google.type;
import "google/protobuf/wrappers.proto";
message Color {
  float red = 1;
  float green = 2;
  float blue = 3;
  google.protobuf.FloatValue alpha = 4;
}
`,
  ],
  [
    'google/type/datetime.proto',
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
`,
  ],
  [
    'google/type/phone_number.proto',
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
`,
  ],
  [
    'google/type/postal_address.proto',
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
`,
  ],
  [
    'confluent/type/decimal.proto',
    `${P3}package confluent.type;\nmessage Decimal {\n  bytes value = 1;\n  uint32 precision = 2;\n  int32 scale = 3;\n}\n`,
  ],
]);
