/**
 * Confluent's own Protobuf diff examples (protobuf-provider/src/test/resources/diff-schema-examples*.json),
 * read at run time from a local snapshot of confluentinc/schema-registry when there is one; nothing of
 * theirs is copied here. Set SCHEMA_REGISTRY_MIRROR to the snapshot's git directory; without one the
 * test is skipped. Each example must give the same differences, in the same order, and the same verdict.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { compareProtobuf } from '../../../src/formats/protobuf/index.js';

const MIRROR = process.env['SCHEMA_REGISTRY_MIRROR'] ?? '/work/.mirror/confluentinc+schema-registry/repo';
const BASE = 'protobuf-provider/src/test/resources';

function show(path: string): string {
  return execFileSync('git', ['-C', MIRROR, 'show', `HEAD:${path}`], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

interface Example {
  description: string;
  original_schema: string;
  update_schema: string;
  original_dependencies?: Array<{ name: string; dependency?: string }>;
  update_dependencies?: Array<{ name: string; dependency?: string }>;
  changes: string[];
  compatible: boolean;
}

/** A schema given as a resource path (the -with-meta file) is read from the snapshot too. */
function schemaText(value: string): string {
  return value.endsWith('.proto') && !value.includes('\n') ? show(`${BASE}/${value}`) : value;
}

function references(deps: Example['original_dependencies']): Array<{ name: string; text: string }> {
  return (deps ?? []).flatMap((d) => {
    if (d.dependency !== undefined) return [{ name: d.name, text: d.dependency }];
    // Without text: a file the registry knows (built in here); a resource otherwise.
    try {
      return [{ name: d.name, text: show(`${BASE}/${d.name}`) }];
    } catch {
      return [];
    }
  });
}

const available = existsSync(MIRROR);
for (const file of ['diff-schema-examples.json', 'diff-schema-examples-with-meta.json']) {
  test(`Confluent's ${file}`, { skip: available ? false : `no snapshot at ${MIRROR}` }, () => {
    const examples = JSON.parse(show(`${BASE}/${file}`)) as Example[];
    const failures: string[] = [];
    for (const [i, ex] of examples.entries()) {
      const result = compareProtobuf(
        { text: schemaText(ex.original_schema), references: references(ex.original_dependencies) },
        { text: schemaText(ex.update_schema), references: references(ex.update_dependencies) },
      );
      const got = result.differences.map((d) => `${d.type} ${d.path}`);
      if (JSON.stringify(got) !== JSON.stringify(ex.changes) || result.compatible !== ex.compatible)
        failures.push(
          `#${i} ${ex.description}: expected ${JSON.stringify(ex.changes)} ${ex.compatible}, got ${JSON.stringify(got)} ${result.compatible}`,
        );
    }
    console.log(`${file}: ${examples.length - failures.length}/${examples.length} agree`);
    assert.deepEqual(failures, []);
  });
}
