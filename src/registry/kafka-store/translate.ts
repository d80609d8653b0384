/**
 * Between the server's events and Confluent's `_schemas` records, both ways. Pure.
 *
 * Writing: each event the service commits becomes the records Confluent's server would have written
 * for the same request (computed against the state *before* the event is applied).
 * Reading: each record changes the state as Confluent's reader changes its key-value cache: the last
 * value of a key wins, a tombstone removes it, DELETE_SUBJECT soft-deletes up to a version.
 */
import { contextOf, DEFAULT_CONTEXT, parseSubject } from '../server/qualified.js';
import type { RegistryState } from '../server/state.js';
import type { LogEvent, StoredSchema } from '../server/types.js';
import {
  DEFAULT_TENANT,
  encodeConfigValue,
  encodeContextValue,
  encodeKey,
  encodeModeValue,
  encodeSchemaValue,
  type RawRecord,
  type SchemaValue,
  type StoreRecord,
} from './records.js';

/** A record to produce; `timestamp` (ms) when the event carries one (a registration's time). */
export interface OutgoingRecord extends RawRecord {
  timestamp?: number;
}

const schemaKey = (subject: string, version: number): string =>
  encodeKey({ keytype: 'SCHEMA', subject, version });

function schemaRecord(state: RegistryState, subject: string, version: number, deleted: boolean): RawRecord {
  const entry = state.version(subject, version);
  const schema = entry === undefined ? undefined : state.schemaAt(entry);
  if (entry === undefined || schema === undefined)
    throw new Error(`internal: ${subject} version ${version} has no schema to write`);
  return {
    key: schemaKey(subject, version),
    value: encodeSchemaValue(schemaValue(subject, version, schema, deleted)),
  };
}

function schemaValue(subject: string, version: number, s: StoredSchema, deleted: boolean): SchemaValue {
  return {
    subject,
    version,
    id: s.id,
    schemaType: s.schemaType,
    references: s.references,
    ...(s.metadata === undefined ? {} : { metadata: s.metadata }),
    ...(s.ruleSet === undefined ? {} : { ruleSet: s.ruleSet }),
    schema: s.schema,
    deleted,
  };
}

/** The records for one event, against the state before it is applied. */
export function recordsForEvent(state: RegistryState, e: LogEvent): OutgoingRecord[] {
  switch (e.t) {
    case 'reg': {
      const out: OutgoingRecord[] = [];
      const context = contextOf(e.s);
      // Confluent writes a CONTEXT record the first time a context is used.
      if (context !== DEFAULT_CONTEXT && !state.contexts().includes(context))
        out.push({
          key: encodeKey({ keytype: 'CONTEXT', tenant: DEFAULT_TENANT, context }),
          value: encodeContextValue(context),
        });
      for (const d of e.drop ?? []) out.push({ key: schemaKey(e.s, d), value: null });
      const stored = e.schema ?? state.spaceOf(e.s).schemas.get(e.id);
      if (stored === undefined) throw new Error(`internal: schema id ${e.id} of ${e.s} is unknown`);
      out.push({
        key: schemaKey(e.s, e.v),
        value: encodeSchemaValue(schemaValue(e.s, e.v, stored, false)),
        ...(e.ts === undefined ? {} : { timestamp: e.ts }),
      });
      return out;
    }
    case 'soft':
      return e.v.map((v) => schemaRecord(state, e.s, v, true));
    case 'hard': {
      // Descending, as Confluent deletes (a version may reference an earlier one of its subject).
      const out: OutgoingRecord[] = [...e.v]
        .sort((a, b) => b - a)
        .map((v) => ({ key: schemaKey(e.s, v), value: null }));
      const left = state.versions(e.s, true).filter((v) => !e.v.includes(v.version));
      if (left.length === 0) {
        if (state.subjectModes.has(e.s))
          out.push({ key: encodeKey({ keytype: 'MODE', subject: e.s }), value: null });
        if (state.subjectConfigs.has(e.s))
          out.push({ key: encodeKey({ keytype: 'CONFIG', subject: e.s }), value: null });
      }
      return out;
    }
    case 'config': {
      const key = encodeKey(e.s === undefined ? { keytype: 'CONFIG' } : { keytype: 'CONFIG', subject: e.s });
      return [{ key, value: e.c === null ? null : encodeConfigValue(e.s, e.c) }];
    }
    case 'mode': {
      const key = encodeKey(e.s === undefined ? { keytype: 'MODE' } : { keytype: 'MODE', subject: e.s });
      return [{ key, value: e.m === null ? null : encodeModeValue(e.s, e.m) }];
    }
    case 'ctxdel':
      return [{ key: encodeKey({ keytype: 'CONTEXT', tenant: DEFAULT_TENANT, context: e.c }), value: null }];
  }
}

/**
 * Applies one record to the state as Confluent's reader does. `timestamp` is the record's (ms): the
 * registration time a SCHEMA record stands for. Returns false when the record is refused, as
 * Confluent's reader refuses a SCHEMA record that gives an id already held by another schema.
 */
export function applyRecord(state: RegistryState, rec: StoreRecord, timestamp: number): boolean {
  const { key } = rec;
  switch (key.keytype) {
    case 'SCHEMA': {
      if (rec.value === null) {
        keepingSettings(state, [key.subject], () =>
          state.apply({ t: 'hard', s: key.subject, v: [key.version] }),
        );
        return true;
      }
      const v = rec.value as SchemaValue;
      const held = state.spaceOf(key.subject).held(v.id);
      if (held !== undefined && held.schema !== v.schema) return false;
      const existing = state.version(key.subject, key.version);
      // A soft delete rewrites the version's record; the version keeps its registration time.
      if (!(v.deleted && existing !== undefined && existing.id === v.id)) {
        const stored: StoredSchema = {
          id: v.id,
          schemaType: v.schemaType as StoredSchema['schemaType'],
          schema: v.schema,
          references: v.references,
          ...(v.metadata === undefined ? {} : { metadata: v.metadata }),
          ...(v.ruleSet === undefined ? {} : { ruleSet: v.ruleSet }),
        };
        state.apply({ t: 'reg', s: key.subject, v: key.version, id: v.id, ts: timestamp, schema: stored });
      }
      if (v.deleted) state.apply({ t: 'soft', s: key.subject, v: [key.version] });
      return true;
    }
    case 'CONFIG':
      state.apply({
        t: 'config',
        ...(key.subject === undefined ? {} : { s: key.subject }),
        c: rec.value === null ? null : (rec.value as NonNullable<Extract<LogEvent, { t: 'config' }>['c']>),
      });
      return true;
    case 'MODE':
      state.apply({
        t: 'mode',
        ...(key.subject === undefined ? {} : { s: key.subject }),
        m: rec.value === null ? null : (rec.value as NonNullable<Extract<LogEvent, { t: 'mode' }>['m']>),
      });
      return true;
    case 'DELETE_SUBJECT': {
      if (rec.value === null) return true;
      const upTo = (rec.value as { version: number }).version;
      const live = state.versions(key.subject).filter((v) => v.version <= upTo);
      if (live.length > 0) state.apply({ t: 'soft', s: key.subject, v: live.map((v) => v.version) });
      return true;
    }
    case 'CLEAR_SUBJECT': {
      if (rec.value === null) return true;
      const subjects = clearedSubjects(state, key.subject);
      keepingSettings(state, subjects, () => {
        for (const s of subjects) {
          const gone = state.versions(s, true).filter((v) => v.deleted);
          if (gone.length > 0) state.apply({ t: 'hard', s, v: gone.map((v) => v.version) });
        }
      });
      return true;
    }
    case 'CONTEXT':
      // A context is listed from its first registration on; a tombstone is `DELETE /contexts/{c}`.
      if (rec.value === null) state.apply({ t: 'ctxdel', c: key.context });
      return true;
    case 'NOOP':
      return true;
  }
}

/** CLEAR_SUBJECT names one subject, or with `:.ctx:` every subject of that context. */
function clearedSubjects(state: RegistryState, subject: string): string[] {
  const q = parseSubject(subject);
  if (q.name !== '' || !subject.startsWith(':.')) return state.subjects.has(subject) ? [subject] : [];
  return [...state.subjects.keys()].filter((s) => contextOf(s) === q.context);
}

/**
 * The server's hard delete of a subject's last version also drops its config and mode, because its
 * log has no other record of them; Confluent writes those tombstones as records of their own, so a
 * SCHEMA tombstone alone must leave them in place.
 */
function keepingSettings(state: RegistryState, subjects: readonly string[], change: () => void): void {
  const saved = subjects.map((s) => ({ s, c: state.subjectConfigs.get(s), m: state.subjectModes.get(s) }));
  change();
  for (const { s, c, m } of saved) {
    if (c !== undefined && !state.subjectConfigs.has(s)) state.apply({ t: 'config', s, c });
    if (m !== undefined && !state.subjectModes.has(s)) state.apply({ t: 'mode', s, m });
  }
}
