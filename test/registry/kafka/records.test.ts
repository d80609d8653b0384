import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeKey,
  decodeRecord,
  encodeKey,
  encodeSchemaValue,
  RecordFormatError,
  type RawRecord,
} from '../../../src/registry/kafka-store/records.js';
import { applyRecord, recordsForEvent } from '../../../src/registry/kafka-store/translate.js';
import { SchemaEngine } from '../../../src/registry/server/engine.js';
import { RegistryService } from '../../../src/registry/server/service.js';
import { RegistryState } from '../../../src/registry/server/state.js';
import type { LogEvent } from '../../../src/registry/server/types.js';
import { stateFingerprint } from './fingerprint.js';

const record = (name: string, fields: string[]): string =>
  JSON.stringify({
    type: 'record',
    name,
    fields: fields.map((f) => ({ name: f, type: 'string', default: '' })),
  });

describe("Confluent's _schemas keys, byte for byte", () => {
  // Compaction keeps the last record per key bytes: ours must equal Confluent's Jackson output.
  const cases: [Parameters<typeof encodeKey>[0], string][] = [
    [
      { keytype: 'SCHEMA', subject: 'orders-value', version: 3 },
      '{"keytype":"SCHEMA","subject":"orders-value","version":3,"magic":1}',
    ],
    [{ keytype: 'CONFIG' }, '{"keytype":"CONFIG","magic":0}'],
    [
      { keytype: 'CONFIG', subject: 'orders-value' },
      '{"keytype":"CONFIG","subject":"orders-value","magic":0}',
    ],
    [{ keytype: 'MODE', subject: ':.prod:' }, '{"keytype":"MODE","subject":":.prod:","magic":0}'],
    [{ keytype: 'DELETE_SUBJECT', subject: 's' }, '{"keytype":"DELETE_SUBJECT","subject":"s","magic":0}'],
    [{ keytype: 'CLEAR_SUBJECT', subject: 's' }, '{"keytype":"CLEAR_SUBJECT","subject":"s","magic":0}'],
    [
      { keytype: 'CONTEXT', tenant: 'default', context: '.prod' },
      '{"keytype":"CONTEXT","tenant":"default","context":".prod","magic":0}',
    ],
    [{ keytype: 'NOOP' }, '{"keytype":"NOOP","magic":0}'],
  ];
  for (const [key, golden] of cases) {
    it(`${key.keytype} ${JSON.stringify(key)}`, () => {
      assert.equal(encodeKey(key), golden);
      assert.deepEqual(decodeKey(golden), key);
    });
  }

  it('reads the spellings older servers wrote and passes over key types it has no use for', () => {
    assert.deepEqual(decodeKey('{"keytype":"CONFIG","subject":null,"magic":0}'), { keytype: 'CONFIG' });
    assert.deepEqual(decodeKey('{"magic":0,"keytype":"SCHEMA","version":1,"subject":"x"}'), {
      keytype: 'SCHEMA',
      subject: 'x',
      version: 1,
    });
    assert.equal(decodeKey('{"keytype":"ASSOC","tenant":"default","magic":0}'), undefined);
    assert.throws(
      () => decodeKey('{"keytype":"SCHEMA","subject":"x","version":1,"magic":7}'),
      RecordFormatError,
    );
    assert.throws(() => decodeKey('not json'), RecordFormatError);
  });

  it('a SCHEMA value: property order, no empty references, type AVRO when absent', () => {
    const text = encodeSchemaValue({
      subject: 's',
      version: 1,
      id: 7,
      schemaType: 'AVRO',
      references: [],
      schema: '"string"',
      deleted: false,
    });
    assert.equal(
      text,
      '{"subject":"s","version":1,"id":7,"schemaType":"AVRO","schema":"\\"string\\"","deleted":false}',
    );
    const old = decodeRecord({
      key: '{"keytype":"SCHEMA","subject":"s","version":1,"magic":0}',
      value: '{"subject":"s","version":1,"id":7,"schema":"\\"int\\"","deleted":false}',
    });
    assert.deepEqual(old?.value, {
      subject: 's',
      version: 1,
      id: 7,
      schemaType: 'AVRO',
      references: [],
      schema: '"int"',
      deleted: false,
    });
    assert.throws(
      () => decodeRecord({ key: '{"keytype":"MODE","magic":0}', value: '{"mode":"SOMETIMES"}' }),
      RecordFormatError,
    );
  });
});

/** Drives the real service; every event is also written as records and read back into a second state. */
function mirroredService(): {
  service: RegistryService;
  direct: RegistryState;
  replayed: RegistryState;
  records: RawRecord[];
} {
  const direct = new RegistryState();
  const replayed = new RegistryState();
  const records: RawRecord[] = [];
  const commit = (events: LogEvent[]): void => {
    for (const e of events) {
      const out = recordsForEvent(direct, e);
      direct.apply(e);
      for (const r of out) {
        records.push(r);
        const decoded = decodeRecord(r);
        assert.ok(decoded !== undefined);
        assert.equal(applyRecord(replayed, decoded, r.timestamp ?? 0), true);
      }
    }
  };
  const service = new RegistryService(direct, new SchemaEngine(), commit, {
    shapes: '7',
    maxSchemaBytes: 1048588,
    rejectEmptySubject: false,
    referenceVersionsStrict: false,
    ruleSets: 'keep',
  });
  return { service, direct, replayed, records };
}

describe('events → records → state gives the state the events give', () => {
  it('registrations, references, contexts, soft and hard deletes, re-registration, config, mode', () => {
    const { service, direct, replayed, records } = mirroredService();
    const A = record('A', ['a']);
    const B = record('A', ['a', 'b']);
    const steps: [string, () => unknown][] = [
      [
        'global config',
        () => service.settings.putConfig(undefined, { set: { compatibilityLevel: 'FULL' }, cleared: [] }),
      ],
      ['a v1', () => service.register('a', { schema: A, references: [] }, false)],
      ['a v2', () => service.register('a', { schema: B, references: [] }, false)],
      [
        'ref v1',
        () =>
          service.register(
            'ref',
            {
              schema: '{"type":"record","name":"R","fields":[{"name":"x","type":"A"}]}',
              references: [{ name: 'A', subject: 'a', version: 1 }],
            },
            false,
          ),
      ],
      ['ctx c v1', () => service.register(':.ctx:c', { schema: A, references: [] }, false)],
      [
        'subject config',
        () => service.settings.putConfig('a', { set: { compatibilityLevel: 'NONE' }, cleared: [] }),
      ],
      [
        'ctx config',
        () => service.settings.putConfig(':.ctx:c', { set: { compatibilityLevel: 'NONE' }, cleared: [] }),
      ],
      ['mode', () => service.settings.putMode('ref', 'READONLY', false)],
      ['mode off', () => service.settings.deleteMode('ref', false)],
      ['first soft a v2', () => service.deleteVersion('a', 2, false)],
      ['hard a v2', () => service.deleteVersion('a', 2, true)],
      ['a v2 again (B, same id)', () => service.register('a', { schema: B, references: [] }, false)],
      ['soft a v2', () => service.deleteVersion('a', 2, false)],
      [
        'a v3: B once more drops soft-deleted v2',
        () => service.register('a', { schema: B, references: [] }, false),
      ],
      ['soft ctx subject', () => service.deleteSubject(':.ctx:c', false)],
      ['hard ctx subject', () => service.deleteSubject(':.ctx:c', true)],
      ['delete context', () => service.deleteContext('.ctx')],
      ['delete global config', () => service.settings.deleteConfig(undefined)],
    ];
    for (const [name, step] of steps) {
      step();
      assert.deepEqual(stateFingerprint(replayed), stateFingerprint(direct), `after ${name}`);
    }
    // The scenario did what it says: a dropped version, a tombstoned config, a context record.
    assert.deepEqual(
      direct.versions('a', true).map((v) => v.version),
      [1, 3],
    );
    assert.ok(
      records.some((r) => r.key === '{"keytype":"CONFIG","subject":":.ctx:c","magic":0}' && r.value === null),
    );
    assert.ok(records.some((r) => r.key.startsWith('{"keytype":"CONTEXT"') && r.value !== null));
    assert.equal(direct.contexts().length, 1);
  });
});

describe("a stream as Confluent's server writes it", () => {
  const key = (subject: string, version: number) =>
    `{"keytype":"SCHEMA","subject":"${subject}","version":${version},"magic":1}`;
  const value = (subject: string, version: number, id: number, schema: string, deleted = false) =>
    JSON.stringify({ subject, version, id, schemaType: 'AVRO', schema, deleted });
  const S1 = record('S', ['a']);
  const S2 = record('S', ['a', 'b']);
  const apply = (state: RegistryState, raw: RawRecord[]): boolean[] =>
    raw.map((r, i) => {
      const d = decodeRecord(r);
      return d === undefined ? true : applyRecord(state, d, 1000 + i);
    });

  it('soft delete is a SCHEMA record with deleted=true; a tombstone removes; DELETE_SUBJECT soft-deletes up to its version', () => {
    const state = new RegistryState();
    apply(state, [
      { key: '{"keytype":"NOOP","magic":0}', value: null },
      { key: '{"keytype":"CONFIG","magic":0}', value: '{"compatibilityLevel":"FORWARD"}' },
      { key: key('s', 1), value: value('s', 1, 1, S1) },
      { key: key('s', 2), value: value('s', 2, 2, S2) },
      { key: key('t', 1), value: value('t', 1, 1, S1) },
      { key: key('s', 2), value: value('s', 2, 2, S2, true) },
      {
        key: '{"keytype":"CONFIG","subject":"s","magic":0}',
        value: '{"subject":"s","compatibilityLevel":"NONE"}',
      },
      { key: key('s', 2), value: null },
      { key: '{"keytype":"DELETE_SUBJECT","subject":"t","magic":0}', value: '{"subject":"t","version":1}' },
      { key: '{"keytype":"MODE","subject":"t","magic":0}', value: '{"subject":"t","mode":"READONLY"}' },
    ]);
    assert.deepEqual(
      state.versions('s', true).map((v) => [v.version, v.id, v.deleted, v.ts]),
      [[1, 1, false, 1002]],
    );
    assert.deepEqual(
      state.versions('t', true).map((v) => [v.version, v.deleted, v.ts]),
      [[1, true, 1004]],
    );
    assert.deepEqual(state.globalConfig, { compatibilityLevel: 'FORWARD' });
    // The tombstone of s's last-but-one version leaves its config: Confluent tombstones config on its own.
    assert.deepEqual(state.subjectConfigs.get('s'), { compatibilityLevel: 'NONE' });
    assert.equal(state.subjectModes.get('t'), 'READONLY');
    assert.equal(state.defaultSpace.maxId, 2);
  });

  it('a record reusing an id for another schema is refused, as Confluent refuses it; CLEAR_SUBJECT drops soft-deleted versions', () => {
    const state = new RegistryState();
    const applied = apply(state, [
      { key: key('s', 1), value: value('s', 1, 1, S1) },
      { key: key('u', 1), value: value('u', 1, 1, S2) },
      { key: key('s', 2), value: value('s', 2, 2, S2, true) },
      {
        key: '{"keytype":"CONFIG","subject":"s","magic":0}',
        value: '{"subject":"s","compatibilityLevel":"NONE"}',
      },
      { key: '{"keytype":"CLEAR_SUBJECT","subject":"s","magic":0}', value: '{"subject":"s"}' },
    ]);
    assert.deepEqual(applied, [true, false, true, true, true]);
    assert.equal(state.subjects.has('u'), false);
    assert.deepEqual(
      state.versions('s', true).map((v) => v.version),
      [1],
    );
    assert.deepEqual(state.subjectConfigs.get('s'), { compatibilityLevel: 'NONE' });
  });
});
