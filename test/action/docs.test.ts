// The workflows in docs/github-action.md must work when copied unchanged: valid YAML, inputs that
// action.yml declares, the full history and the permissions the Action needs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { REPO_ROOT } from './harness.js';

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

const doc = readFileSync(join(REPO_ROOT, 'docs', 'github-action.md'), 'utf8');
const workflows = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1] ?? '') as Workflow);
const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  runs: Record<string, string>;
};

describe('docs/github-action.md', () => {
  it('has the four workflows', () => assert.equal(workflows.length, 4));
  for (const [i, wf] of workflows.entries()) {
    it(`workflow ${i + 1}: full history, least permissions, known inputs`, () => {
      const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
      const checkout = steps.find((s) => s.uses?.startsWith('actions/checkout@'));
      assert.equal(checkout?.with?.['fetch-depth'], 0);
      const ours = steps.find((s) => s.uses === 'schemagate/schemagate@v1');
      assert.ok(ours !== undefined);
      for (const key of Object.keys(ours.with ?? {}))
        assert.ok(key in action.inputs, `input ${key} exists in action.yml`);
      assert.equal(wf.permissions.contents, 'read');
      const checks = 'pull_request' in wf.on;
      if (checks) {
        assert.equal(wf.permissions['pull-requests'], 'write');
        const types = (wf.on.pull_request as { types?: string[] }).types ?? [];
        assert.ok(types.includes('labeled'), 'the approve label re-runs the check');
      }
      assert.deepEqual(
        Object.keys(wf.permissions).sort(),
        checks ? ['contents', 'pull-requests'] : ['contents'],
      );
    });
  }
  it('documents every input and output of action.yml', () => {
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)])
      assert.match(doc, new RegExp(`\\| \`${name}\` +\\|`));
  });
  it('action.yml runs the bundle on node24', () =>
    assert.deepEqual(action.runs, { using: 'node24', main: 'dist/index.js' }));
});
