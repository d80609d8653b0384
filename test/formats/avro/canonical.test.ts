import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import avsc from 'avsc';
import {
  avroFormat,
  fingerprintAvro,
  fingerprint64,
  fingerprint64Hex,
  normalizedAvro,
  parsingCanonicalForm,
} from '../../../src/formats/avro/index.js';
import { avro, S } from './fixtures.js';

describe('canonical: the registry identity string (Java Schema.toString())', () => {
  const cases: [string, string, string][] = [
    [
      'whitespace and the object form of a primitive (testCanonicalization)',
      '{   "type":   "string"}',
      '"string"',
    ],
    [
      'a nested primitive object as a field type',
      '{"type":"record","name":"R","fields":[{"name":"f","type":{"type":"int"}}]}',
      '{"type":"record","name":"R","fields":[{"name":"f","type":"int"}]}',
    ],
    [
      'key order of fields is Java’s (the §6.3 worked example)',
      S.S1,
      '{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"string"}]}',
    ],
    [
      'dotted names become name + namespace; references by the shortest name',
      '{"type":"record","name":"a.b.R","fields":[{"name":"x","type":{"type":"enum","name":"E","symbols":["A"]}},{"name":"y","type":"E"},{"name":"z","type":{"type":"fixed","name":"c.F","size":2}},{"name":"w","type":"c.F"}]}',
      '{"type":"record","name":"R","namespace":"a.b","fields":[{"name":"x","type":{"type":"enum","name":"E","symbols":["A"]}},{"name":"y","type":"E"},{"name":"z","type":{"type":"fixed","name":"F","namespace":"c","size":2}},{"name":"w","type":"c.F"}]}',
    ],
    [
      'field attributes in Java’s order, custom properties last in declaration order',
      '{"type":"record","name":"R","fields":[{"name":"f","aliases":["g"],"zz":1,"aa":true,"type":"long","order":"descending","default":0,"doc":"d"}]}',
      '{"type":"record","name":"R","fields":[{"name":"f","type":"long","doc":"d","default":0,"order":"descending","aliases":["g"],"zz":1,"aa":true}]}',
    ],
    [
      'record doc, properties then aliases; enum default after symbols',
      '{"aliases":["Old"],"x-owner":"team","fields":[{"name":"e","type":{"symbols":["A","B"],"default":"A","name":"E","type":"enum","doc":"the E"}}],"doc":"the R","name":"R","type":"record"}',
      '{"type":"record","name":"R","doc":"the R","fields":[{"name":"e","type":{"type":"enum","name":"E","doc":"the E","symbols":["A","B"],"default":"A"}}],"x-owner":"team","aliases":["Old"]}',
    ],
    [
      'logical types stay as properties',
      '{"type":"long","logicalType":"timestamp-millis"}',
      '{"type":"long","logicalType":"timestamp-millis"}',
    ],
    [
      'numbers as Jackson re-prints them',
      '{"type":"record","name":"R","fields":[{"name":"a","type":"double","default":1.0},{"name":"b","type":"double","default":1e3},{"name":"c","type":"double","default":1e10},{"name":"d","type":"long","default":9223372036854775807},{"name":"e","type":"float","default":0.0001}]}',
      '{"type":"record","name":"R","fields":[{"name":"a","type":"double","default":1.0},{"name":"b","type":"double","default":1000.0},{"name":"c","type":"double","default":1.0E10},{"name":"d","type":"long","default":9223372036854775807},{"name":"e","type":"float","default":1.0E-4}]}',
    ],
    [
      'strings as Jackson escapes them',
      '{"type":"record","name":"R","doc":"tab\\t quote\\" \\u001f é \\/","fields":[]}',
      '{"type":"record","name":"R","doc":"tab\\t quote\\" \\u001F é /","fields":[]}',
    ],
    [
      'a null namespace inside a namespaced record is written as ""',
      '{"type":"record","name":"R","namespace":"n","fields":[{"name":"a","type":{"type":"record","name":"In","namespace":"","fields":[]}}]}',
      '{"type":"record","name":"R","namespace":"n","fields":[{"name":"a","type":{"type":"record","name":"In","namespace":"","fields":[]}}]}',
    ],
    [
      'error records',
      '{"type":"error","name":"Oops","fields":[]}',
      '{"type":"error","name":"Oops","fields":[]}',
    ],
    [
      'array and map properties',
      '{"type":"array","items":{"type":"map","values":"int","p":1},"q":"x"}',
      '{"type":"array","items":{"type":"map","values":"int","p":1},"q":"x"}',
    ],
  ];
  for (const [name, input, expected] of cases)
    test(name, () => assert.equal(avroFormat.canonical(avro(input)), expected));

  test('types from references are written by name (toString(references))', () => {
    const r = avroFormat.parse(
      '{"type":"record","name":"R","fields":[{"name":"m","type":"com.acme.Money"}]}',
      {
        references: [
          {
            name: 'com.acme.Money',
            text: '{"type":"record","name":"Money","namespace":"com.acme","fields":[{"name":"c","type":"long"}]}',
          },
        ],
      },
    );
    assert.ok(r.ok);
    assert.equal(
      avroFormat.canonical(r.schema),
      '{"type":"record","name":"R","fields":[{"name":"m","type":"com.acme.Money"}]}',
    );
  });

  test('normalized: formatting and property order are not a new version; doc and defaults are', () => {
    const a = avro(S.S2);
    const reformatted = avro(
      JSON.stringify(JSON.parse(S.S2), null, 4)
        .replace('"type": "record",', '')
        .replace('{', '{"type":"record",'),
    );
    assert.equal(avroFormat.normalized(a), avroFormat.normalized(reformatted));
    assert.notEqual(avroFormat.normalized(a), avroFormat.normalized(avro(S.S2.replace('"foo"', '"bar"'))));
    assert.notEqual(
      avroFormat.normalized(a),
      avroFormat.normalized(avro(S.S2.replace('"name":"f2"', '"name":"f2","doc":"x"'))),
    );
    const props = (order: string) => avro(`{"type":"record","name":"R",${order},"fields":[]}`);
    assert.equal(avroFormat.normalized(props('"a":1,"b":2')), avroFormat.normalized(props('"b":2,"a":1')));
    assert.notEqual(avroFormat.canonical(props('"a":1,"b":2')), avroFormat.canonical(props('"b":2,"a":1')));
    assert.notEqual(avroFormat.normalized(props('"a":1,"b":2')), avroFormat.normalized(props('"a":1,"b":3')));
  });
});

describe('normalizedAvro (§4.3 normalize=true)', () => {
  test('property order and `"type":{"type":"int"}` are irrelevant (testSchemaNormalization)', () => {
    const a =
      '{"type":"record","name":"myrecord","fields":[{"type":{"type":"int"},"name":"field0"}],"extraMetadata":{"a":1,"b":2}}';
    const b =
      '{"type":"record","name":"myrecord","fields":[{"type":"int","name":"field0"}],"extraMetadata":{"b":2,"a":1}}';
    assert.equal(normalizedAvro(avro(a)), normalizedAvro(avro(b)));
    assert.notEqual(avroFormat.canonical(avro(a)), avroFormat.canonical(avro(b)));
  });
  test('names are fully qualified and aliases sorted', () => {
    const n = normalizedAvro(
      avro('{"type":"record","name":"R","namespace":"n","aliases":["Z","A"],"fields":[]}'),
    );
    assert.equal(n, '{"type":"record","name":"n.R","aliases":["n.A","n.Z"],"fields":[]}');
  });
});

describe('Parsing Canonical Form and fingerprint', () => {
  test('the specification’s fingerprint of "null"', () => {
    assert.equal(parsingCanonicalForm(avro('{"type":"null"}')), '"null"');
    assert.equal(fingerprint64('"null"'), 7195948357588979594n);
    assert.equal(fingerprint64Hex('"null"').length, 16);
    assert.equal(fingerprintAvro(avro('{"type":"null"}')), 7195948357588979594n);
    // Formatting, doc and properties do not change the fingerprint; a field type does.
    const base = fingerprintAvro(avro(S.S1));
    assert.equal(
      fingerprintAvro(avro(S.S1.replace('"name":"myrecord"', '"name":"myrecord","doc":"x","p":1'))),
      base,
    );
    assert.notEqual(fingerprintAvro(avro(S.S1.replace('"type":"string"', '"type":"bytes"'))), base);
  });
  const samples = [
    S.S7,
    '{"type":"record","name":"a.R","doc":"x","fields":[{"name":"x","type":{"type":"enum","name":"E","symbols":["A"]},"default":"A"},{"name":"y","type":["null","E"]},{"name":"m","type":{"type":"map","values":{"type":"fixed","name":"F","size":3}}},{"name":"l","type":{"type":"array","items":{"type":"long","logicalType":"timestamp-millis"}}}]}',
    '{"type":"record","name":"Node","namespace":"n","fields":[{"name":"next","type":["null","Node"]}]}',
  ];
  for (const text of samples) {
    test(`equals avsc's canonical schema: ${text.slice(0, 60)}…`, () => {
      assert.equal(
        parsingCanonicalForm(avro(text)),
        JSON.stringify(avsc.Type.forSchema(JSON.parse(text) as avsc.Schema).schema()),
      );
    });
  }
});
