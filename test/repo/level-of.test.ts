import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../src/repo/config.js';
import { levelOf, subjectSettings } from '../../src/repo/subjects.js';

// levelOf is the level part of subjectSettings, computed alone for speed; the two must never disagree.
const CONFIGS = [
  '',
  'compatibility: FULL_TRANSITIVE\n',
  [
    'root: schemas',
    'compatibility: BACKWARD',
    'subjects:',
    '  - match: "orders/**"',
    '    compatibility: FULL',
    '  - match: "schemas/orders/legacy/*.avsc"',
    '    compatibility: NONE',
    '  - match: "**/*.json"',
    '    subject: "{name}-json"',
    '  - match: "payments.avsc"',
    '    compatibility: FORWARD_TRANSITIVE',
    '',
  ].join('\n'),
  ['root: .', 'subjects:', '  - match: "a/{b,c}/*.avsc"', '    compatibility: NONE', ''].join('\n'),
];
const PATHS = [
  'schemas/orders/value.avsc',
  'schemas/orders/legacy/old.avsc',
  'schemas/payments.avsc',
  'schemas/x/payments.avsc',
  'schemas/users.json',
  'a/b/x.avsc',
  'a/d/x.avsc',
  'x.avsc',
];

test('levelOf gives the level subjectSettings gives, for every rule shape', () => {
  const seen = new Set<string>();
  for (const text of CONFIGS) {
    const config = parseConfig(text);
    for (const path of PATHS) {
      const level = levelOf(path, config);
      assert.equal(level, subjectSettings(path, config).level, `${path} under ${JSON.stringify(text)}`);
      seen.add(level);
    }
  }
  // The table reaches rules that change the level, not only the defaults.
  for (const l of ['BACKWARD', 'FULL', 'NONE', 'FORWARD_TRANSITIVE', 'FULL_TRANSITIVE'])
    assert.ok(seen.has(l), l);
});
