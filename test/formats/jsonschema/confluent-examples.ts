// Runs Confluent's own JSON Schema diff examples through our engine and prints every disagreement.
// Their example files are under the Confluent Community License, so they are not in this project: this
// script reads them at run time from a local mirror of confluentinc/schema-registry (a git directory),
// and skips (exit 0) when there is none. Not part of the suite; our own cases are in cases/*.json.
//
// Usage: node --import tsx test/formats/jsonschema/confluent-examples.ts [--changes] [--verbose]
//   SCHEMA_REGISTRY_MIRROR=<git dir>   (default /work/.mirror/confluentinc+schema-registry/repo)
//   --changes   also count cases whose change list (type and path, any order) differs
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { JsonValue } from '../../../src/formats/json/parse.js';
import { compareSchemaNodes, jsonSchemaFormat } from '../../../src/formats/jsonschema/index.js';

const MIRROR = process.env['SCHEMA_REGISTRY_MIRROR'] ?? '/work/.mirror/confluentinc+schema-registry/repo';
const DIR = 'json-schema-provider/src/test/resources';
const FILES = [
  'diff-schema-examples.json',
  'diff-schema-examples-2020-12.json',
  'diff-combined-schema-examples.json',
  'diff-combined-schema-examples-2020-12.json',
];
const withChanges = process.argv.includes('--changes');
const verbose = process.argv.includes('--verbose');

interface Example {
  description: string;
  original_schema: JsonValue;
  update_schema: JsonValue;
  changes: string[];
  compatible: boolean;
  compatible_lenient?: boolean;
}

/** Their files are read with org.json, which accepts trailing commas; drop them outside strings. */
function dropTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === ',' && /^\s*[}\]]/.test(text.slice(i + 1, i + 200))) {
      continue;
    } else out += c;
  }
  return out;
}

function read(file: string): Example[] | undefined {
  try {
    const text = execFileSync('git', ['-C', MIRROR, 'show', `HEAD:${DIR}/${file}`], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return JSON.parse(dropTrailingCommas(text)) as Example[];
  } catch {
    return undefined;
  }
}

function parse(value: JsonValue, lenient: boolean): ReturnType<typeof jsonSchemaFormat.parse> {
  return jsonSchemaFormat.parse(JSON.stringify(value, null, 2), { lenient });
}

if (!existsSync(MIRROR)) {
  console.log(`skipped: no schema-registry mirror at ${MIRROR}`);
  process.exit(0);
}
let total = 0;
let strictOff = 0;
let lenientOff = 0;
let changesOff = 0;
let unparsable = 0;
for (const file of FILES) {
  const examples = read(file);
  if (examples === undefined) {
    console.log(`skipped: ${file} not found in ${MIRROR}`);
    continue;
  }
  examples.forEach((ex, i) => {
    total++;
    const label = `${file}#${i} ${ex.description}`;
    const original = parse(ex.original_schema, true);
    const update = parse(ex.update_schema, false);
    if (!original.ok || !update.ok) {
      unparsable++;
      const issues = !update.ok ? update.issues : !original.ok ? original.issues : [];
      console.log(`PARSE    ${label}: ${issues.map((x) => x.message).join('; ')}`);
      return;
    }
    const strict = compareSchemaNodes(original.schema.root, update.schema.root, 'strict');
    const lenient = compareSchemaNodes(original.schema.root, update.schema.root, 'lenient');
    const got = strict.changes.map((c) => `${c.type} ${c.path}`);
    const wantLenient = ex.compatible_lenient ?? ex.compatible;
    const sameChanges = JSON.stringify([...got].sort()) === JSON.stringify([...ex.changes].sort());
    const problems: string[] = [];
    if (strict.compatible !== ex.compatible) {
      strictOff++;
      problems.push(`STRICT   expected ${ex.compatible}`);
    }
    if (lenient.compatible !== wantLenient) {
      lenientOff++;
      problems.push(`LENIENT  expected ${wantLenient}`);
    }
    if (!sameChanges) changesOff++;
    const show = problems.length > 0 || (withChanges && !sameChanges);
    if (!show) return;
    if (problems.length === 0) problems.push('CHANGES');
    console.log(`${problems.join(', ')}: ${label}`);
    if (verbose || !sameChanges) {
      console.log(`    want ${JSON.stringify(ex.changes)}`);
      console.log(`    got  ${JSON.stringify(got)}`);
    }
  });
}
console.log(
  `${total} examples: ${strictOff} disagree on STRICT, ${lenientOff} on LENIENT, ${unparsable} do not parse, ` +
    `${changesOff} list other changes`,
);
process.exitCode = strictOff + lenientOff + unparsable > 0 ? 1 : 0;
