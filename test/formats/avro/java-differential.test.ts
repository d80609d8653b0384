import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AVRO_ERROR_TYPES, avroFormat } from '../../../src/formats/avro/index.js';
import { askAvroJava, type OracleAnswer } from '../../support/avro-java.js';
import { schemaPairs } from './java-generators.js';

// Apache Avro Java 1.12 (what Confluent Schema Registry decides Avro with) against our engine, on seeded
// schema pairs: whether each schema is valid as a new and as a stored schema, and for each pair the
// verdict and every incompatibility (error type, Avro's location, Avro's message), in order.
const SEED = Number(process.env.AVRO_JAVA_SEED ?? 20261204);
const PAIRS = Number(process.env.AVRO_JAVA_PAIRS ?? 2500);

type Ours = { valid: boolean; issues: string };

function parse(text: string, lenient: boolean): { ours: Ours; schema?: ReturnType<typeof avroFormat.parse> } {
  const r = avroFormat.parse(text, { lenient });
  return {
    ours: {
      valid: r.ok,
      issues: r.ok ? '' : r.issues.map((i) => `${i.rule} ${i.pointer}: ${i.message}`).join('; '),
    },
    schema: r,
  };
}

interface Disagreement {
  kind: string;
  reader: string;
  writer: string;
  java: string;
  ours: string;
}

function compare(
  reader: string,
  writer: string,
  java: OracleAnswer,
  out: Disagreement[],
): 'ok' | 'compatible' | 'incompatible' | 'invalid' {
  const note = (kind: string, j: unknown, o: unknown): void => {
    out.push({ kind, reader, writer, java: JSON.stringify(j), ours: JSON.stringify(o) });
  };
  if (java.crash !== undefined) {
    note('oracle crash', java.crash, '');
    return 'ok';
  }
  const readerNew = parse(reader, false);
  const readerOld = parse(reader, true);
  const writerNew = parse(writer, false);
  const writerOld = parse(writer, true);
  const checks: [string, string | null, { ours: Ours }][] = [
    ['reader valid as new', java.readerNew, readerNew],
    ['reader valid as stored', java.readerOld, readerOld],
    ['writer valid as new', java.writerNew, writerNew],
    ['writer valid as stored', java.writerOld, writerOld],
  ];
  for (const [what, j, o] of checks)
    if ((j === null) !== o.ours.valid) note(what, j ?? 'valid', o.ours.valid ? 'valid' : o.ours.issues);
  if (java.compat === undefined) return 'invalid';
  const r = readerNew.schema;
  const w = writerOld.schema;
  if (r?.ok !== true || w?.ok !== true) return 'invalid';
  const findings = avroFormat.check(r.schema, w.schema, { reader: 'new', writer: 'old' });
  const ambiguous = findings.some((f) => f.errorType === AVRO_ERROR_TYPES.AMBIGUOUS_FIELD_ALIAS);
  if (java.compat.exception !== undefined) {
    const info = findings.map((f) => f.additionalInfo);
    if (!ambiguous || findings.length !== 1 || info[0] !== java.compat.exception)
      note('Java threw', java.compat.exception, info);
    return 'incompatible';
  }
  if (ambiguous) note('we found an ambiguous alias', java.compat, findings);
  const javaList = (java.compat.incompatibilities ?? []).map((i) => `${i.type} ${i.location} ${i.message}`);
  const ourList = findings.map((f) => `${f.errorType} ${f.registryPath ?? f.path} ${f.additionalInfo ?? ''}`);
  if (java.compat.compatible !== (findings.length === 0)) note('verdict', javaList, ourList);
  else if (JSON.stringify(javaList) !== JSON.stringify(ourList)) note('incompatibilities', javaList, ourList);
  return java.compat.compatible ? 'compatible' : 'incompatible';
}

test('differential: validity, verdicts, error types, locations and messages equal Apache Avro Java 1.12 (seeded)', async () => {
  const pairs = schemaPairs(SEED, PAIRS);
  const requests = pairs.flatMap(({ a, b }) => [
    { reader: b, writer: a },
    { reader: a, writer: b },
  ]);
  const answers = await askAvroJava(requests);
  const disagreements: Disagreement[] = [];
  const tally = { ok: 0, compatible: 0, incompatible: 0, invalid: 0 };
  requests.forEach((q, i) => tally[compare(q.reader, q.writer, answers[i] as OracleAnswer, disagreements)]++);
  const byKind = new Map<string, Disagreement[]>();
  for (const d of disagreements) byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), d]);
  const report = [...byKind]
    .map(
      ([kind, ds]) =>
        `${kind}: ${ds.length}\n${ds
          .slice(0, 3)
          .map((d) => `  reader ${d.reader}\n  writer ${d.writer}\n  java ${d.java}\n  ours ${d.ours}`)
          .join('\n')}`,
    )
    .join('\n');
  assert.equal(
    disagreements.length,
    0,
    `${disagreements.length} disagreements with Avro Java (seed ${SEED}):\n${report}`,
  );
  // The comparison proves little unless every outcome is common.
  assert.ok(tally.compatible > PAIRS / 10, JSON.stringify(tally));
  assert.ok(tally.incompatible > PAIRS / 10, JSON.stringify(tally));
  assert.ok(tally.invalid > PAIRS / 20, JSON.stringify(tally));
});
