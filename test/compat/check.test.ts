import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCompatibility } from '../../src/compat/check.js';
import { LEVELS, directionsOf, parseLevel, type CompatibilityLevel } from '../../src/compat/level.js';
import type { PairContext, PairFinding } from '../../src/compat/finding.js';

// A toy pair check over version labels: it records every call and fails the pairs listed in `bad`.
function recorder(bad: ReadonlySet<string>) {
  const calls: string[] = [];
  const check = (reader: string, writer: string, ctx: PairContext): PairFinding[] => {
    calls.push(`${reader}<-${writer}:${ctx.reader}/${ctx.writer}`);
    return bad.has(`${reader}<-${writer}`)
      ? [{ errorType: 'TYPE_MISMATCH', path: '/', message: `${reader} cannot read ${writer}`, fix: 'x' }]
      : [];
  };
  return { calls, check };
}

test('which versions and directions each level compares', () => {
  const table: Array<[CompatibilityLevel, string[]]> = [
    ['NONE', []],
    ['BACKWARD', ['N<-v3:new/old']],
    ['FORWARD', ['v3<-N:old/new']],
    ['FULL', ['v3<-N:old/new', 'N<-v3:new/old']],
    ['BACKWARD_TRANSITIVE', ['N<-v3:new/old', 'N<-v2:new/old', 'N<-v1:new/old']],
    ['FORWARD_TRANSITIVE', ['v3<-N:old/new', 'v2<-N:old/new', 'v1<-N:old/new']],
    [
      'FULL_TRANSITIVE',
      ['v3<-N:old/new', 'N<-v3:new/old', 'v2<-N:old/new', 'N<-v2:new/old', 'v1<-N:old/new', 'N<-v1:new/old'],
    ],
  ];
  for (const [level, expected] of table) {
    const r = recorder(new Set());
    const result = checkCompatibility(level, 'N', ['v1', 'v2', 'v3'], r.check);
    assert.deepEqual(r.calls, expected, level);
    assert.equal(result.compatible, true);
  }
});

test('transitive levels report every failing version with its 1-based position and direction', () => {
  const r = recorder(new Set(['N<-v1', 'v2<-N']));
  const result = checkCompatibility('FULL_TRANSITIVE', 'N', ['v1', 'v2', 'v3'], r.check);
  assert.equal(result.compatible, false);
  assert.deepEqual(
    result.findings.map((f) => [f.version, f.direction]),
    [
      [2, 'old-reads-new'],
      [1, 'new-reads-old'],
    ],
  );
});

test('the first version is never checked', () => {
  for (const level of LEVELS) {
    const r = recorder(new Set(['N<-N']));
    assert.equal(checkCompatibility(level, 'N', [], r.check).compatible, true);
    assert.equal(r.calls.length, 0);
  }
});

test('levels parse case-insensitively and unknown text is rejected', () => {
  assert.equal(parseLevel(' full_transitive '), 'FULL_TRANSITIVE');
  assert.equal(parseLevel('backwards'), undefined);
  assert.deepEqual(directionsOf('NONE'), []);
});
