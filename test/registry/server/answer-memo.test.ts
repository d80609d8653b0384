import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnswerMemo } from '../../../src/registry/server/answer-memo.js';

describe('AnswerMemo', () => {
  it('answers only at the revision it was told, and forgets everything when the revision moves', () => {
    const memo = new AnswerMemo();
    memo.set('a', 1, 'A');
    assert.equal(memo.get('a', 1), 'A');
    assert.equal(memo.get('a', 2), undefined);
    memo.set('b', 2, 'B');
    assert.equal(memo.get('a', 2), undefined);
    assert.equal(memo.get('b', 2), 'B');
  });

  it('holds at most its character budget, and never one entry larger than a sixteenth of it', () => {
    const memo = new AnswerMemo(1600);
    memo.set('big', 1, 'x'.repeat(200));
    assert.equal(memo.get('big', 1), undefined);
    for (let i = 0; i < 20; i++) memo.set(`k${String(i).padStart(2, '0')}`, 1, 'y'.repeat(96));
    const held = Array.from({ length: 20 }, (_, i) => memo.get(`k${String(i).padStart(2, '0')}`, 1));
    // 100 characters each: 16 fit; the 17th cleared the memo and started again.
    assert.deepEqual(
      held.map((h) => h !== undefined),
      Array.from({ length: 20 }, (_, i) => i >= 16),
    );
  });
});
