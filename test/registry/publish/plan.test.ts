import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countActions, orderByReferences, planSubject, reportToJson, summarize, type PublishCandidate } from '../../../src/registry/plan/index.js';

function candidate(subject: string, refs: string[] = [], level: PublishCandidate['level'] = 'BACKWARD'): PublishCandidate {
  return { subject, schema: '"string"', schemaType: 'AVRO', references: refs.map((s) => ({ name: `ns.${s}`, subject: s })), level };
}

describe('orderByReferences', () => {
  const cases: { name: string; input: PublishCandidate[]; order?: string[]; cycle?: string[] }[] = [
    { name: 'no references keeps input order', input: [candidate('b'), candidate('a')], order: ['b', 'a'] },
    { name: 'a referenced subject comes first', input: [candidate('order', ['customer']), candidate('customer')], order: ['customer', 'order'] },
    {
      name: 'chains and diamonds',
      input: [candidate('top', ['left', 'right']), candidate('left', ['base']), candidate('right', ['base']), candidate('base')],
      order: ['base', 'left', 'right', 'top'],
    },
    { name: 'references outside the batch impose nothing', input: [candidate('x', ['elsewhere']), candidate('y')], order: ['x', 'y'] },
    { name: 'a cycle is reported', input: [candidate('a', ['b']), candidate('b', ['a'])], cycle: ['a', 'b', 'a'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = orderByReferences(c.input);
      if (c.cycle !== undefined) assert.deepEqual(r, { ok: false, cycle: c.cycle });
      else assert.deepEqual(r.ok && r.order.map((x) => x.subject), c.order);
    });
  }
});

describe('planSubject', () => {
  it('unchanged when the registry holds the schema and the level matches: nothing to write', () => {
    const step = planSubject(candidate('s'), { effectiveLevel: 'BACKWARD', existing: { id: 4, version: 2 } });
    assert.deepEqual(step, { subject: 's', action: 'unchanged', id: 4, version: 2 });
  });
  it('sets the level when the registry differs, even for an unchanged schema', () => {
    const step = planSubject(candidate('s', [], 'FULL'), { effectiveLevel: 'BACKWARD', existing: { id: 4, version: 2 } });
    assert.equal(step.setLevel, 'FULL');
    assert.equal(step.action, 'unchanged');
  });
  it('registers a schema the registry lacks, and carries a predicted refusal', () => {
    const step = planSubject(candidate('s'), {
      effectiveLevel: 'BACKWARD',
      existing: undefined,
      compatibility: { isCompatible: false, messages: ['READER_FIELD_MISSING_DEFAULT_VALUE'] },
    });
    assert.equal(step.action, 'register');
    assert.deepEqual(step.predictedIncompatible, ['READER_FIELD_MISSING_DEFAULT_VALUE']);
  });
  it('registers when a referenced subject changes in the same run', () => {
    const step = planSubject(candidate('order', ['customer']), { effectiveLevel: 'BACKWARD', existing: undefined }, ['customer']);
    assert.equal(step.action, 'register');
    assert.match(step.reason ?? '', /customer/);
  });
});

describe('summary', () => {
  it('ok only when nothing failed or was refused; JSON has the documented shape', () => {
    const good = summarize([
      { subject: 'a', action: 'unchanged', id: 1, version: 1, messages: [] },
      { subject: 'b', action: 'registered', id: 2, version: 1, messages: [] },
    ]);
    assert.equal(good.ok, true);
    const bad = summarize([...good.results, { subject: 'c', action: 'incompatible', messages: ['x'] }, { subject: 'd', action: 'failed', messages: ['boom'] }]);
    assert.equal(bad.ok, false);
    assert.deepEqual(countActions(bad.results), { unchanged: 1, registered: 1, incompatible: 1, failed: 1 });
    assert.deepEqual(reportToJson(bad), {
      ok: false,
      results: [
        { subject: 'a', action: 'unchanged', id: 1, version: 1, messages: [] },
        { subject: 'b', action: 'registered', id: 2, version: 1, messages: [] },
        { subject: 'c', action: 'incompatible', id: null, version: null, messages: ['x'] },
        { subject: 'd', action: 'failed', id: null, version: null, messages: ['boom'] },
      ],
    });
  });
});
