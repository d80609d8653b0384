// The bundled Action as the runner runs it, for what does not need a check or a registry: inputs,
// events, modes, history and secret masking. Under Node 20 and Node 24.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pullRequestEvent, pushEvent, runAction, runtimes, TempRepo } from './harness.js';

const SECRET_PASSWORD = 's3cr3t-Pa55-word';
const USER_INFO = `svc-schemas:${SECRET_PASSWORD}`;
const REGISTRY_TOKEN = 'regtok_9f8e7d6c5b4a';
const GITHUB_TOKEN = 'ghs_basicsTokenABCDEF';

for (const runtime of runtimes()) {
  describe(`Action basics under ${runtime.name}`, () => {
    let origin: TempRepo;
    let base: string;
    let head: string;
    before(() => {
      origin = TempRepo.init();
      base = origin.commit('v1', {
        'schemas/orders-value.avsc':
          '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"}]}\n',
      });
      origin.git('checkout', '-q', '-b', 'feature');
      head = origin.commit('v2', {
        'schemas/orders-value.avsc':
          '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"},{"name":"n","type":"int","default":0}]}\n',
      });
      origin.git('checkout', '-q', 'main');
    });
    after(() => origin.remove());

    const prEvent = () =>
      pullRequestEvent({ number: 3, baseRef: 'main', baseSha: base, headRef: 'feature', headSha: head });

    it('a bad input fails the step with one message naming the input', async () => {
      const run = await runAction({
        runtime,
        workspace: origin.dir,
        eventName: 'pull_request',
        event: prEvent(),
        inputs: { mode: 'bogus' },
      });
      assert.equal(run.code, 1);
      assert.deepEqual(
        run.annotations.map((a) => [a.level, a.message]),
        [['error', "input 'mode' is 'bogus'; expected one of: check, publish, auto"]],
      );
      assert.doesNotMatch(run.log, /at .*\.js:\d+/, 'no stack trace');
    });

    it('auto mode on a workflow_dispatch asks for an explicit mode', async () => {
      const run = await runAction({
        runtime,
        workspace: origin.dir,
        eventName: 'workflow_dispatch',
        event: { inputs: {} },
      });
      assert.equal(run.code, 1);
      assert.match(run.annotations[0]?.message ?? '', /for a 'workflow_dispatch' event set the mode input/);
    });

    it('auto mode on a push to another branch publishes nothing and passes', async () => {
      const run = await runAction({
        runtime,
        workspace: origin.dir,
        eventName: 'push',
        event: pushEvent({ ref: 'refs/heads/feature', before: base, after: head }),
      });
      assert.equal(run.code, 0, run.log);
      assert.equal(run.outputs.ok, 'true');
      assert.equal(run.outputs.findings, '0');
      assert.equal(run.outputs.published, '[]');
      assert.ok(run.outputs.report !== undefined && run.outputs.report !== '');
      assert.match(run.annotations[0]?.message ?? '', /not the base branch \(main\)/);
    });

    it('auto mode takes the base branch from schemagate.yaml', async () => {
      const repo = TempRepo.init();
      try {
        const c = repo.commit('config', {
          'schemagate.yaml': 'baseBranch: release\n',
          'schemas/a.avsc': '{"type":"record","name":"A","fields":[]}\n',
        });
        const run = await runAction({
          runtime,
          workspace: repo.dir,
          eventName: 'push',
          event: pushEvent({ ref: 'refs/heads/main', before: c, after: c }),
        });
        assert.equal(run.code, 0, run.log);
        assert.match(
          run.annotations[0]?.message ?? '',
          /refs\/heads\/main is not the base branch \(release\)/,
        );
        const bad = repo.commit('bad config', { 'schemagate.yaml': 'baseBranch: release\nbogus: 1\n' });
        const refused = await runAction({
          runtime,
          workspace: repo.dir,
          eventName: 'push',
          event: pushEvent({ ref: 'refs/heads/main', before: c, after: bad }),
        });
        assert.equal(refused.code, 1);
        assert.match(refused.annotations[0]?.message ?? '', /schemagate\.yaml:2:1: .*unknown key 'bogus'/);
      } finally {
        repo.remove();
      }
    });

    it('publish without a registry names the input to set', async () => {
      const run = await runAction({
        runtime,
        workspace: origin.dir,
        eventName: 'push',
        event: pushEvent({ ref: 'refs/heads/main', before: '0'.repeat(40), after: base }),
        inputs: { mode: 'publish' },
      });
      assert.equal(run.code, 1);
      assert.equal(run.outputs.ok, 'false');
      assert.match(
        run.annotations.at(-1)?.message ?? '',
        /no registry to publish to: set the registry-url input/,
      );
    });

    it('mode check on a push checks before..after', async () => {
      origin.git('update-ref', 'refs/heads/pushed', head);
      const ws = origin.checkout('refs/heads/pushed', 1);
      try {
        const run = await runAction({
          runtime,
          workspace: ws.dir,
          eventName: 'push',
          event: pushEvent({ ref: 'refs/heads/pushed', before: base, after: head }),
          inputs: { mode: 'check' },
        });
        assert.equal(run.code, 0, run.log);
        assert.equal(run.outputs.ok, 'true');
        assert.equal(run.outputs.findings, '0');
        assert.match(
          run.summary,
          /\| `orders-value` \| `schemas\/orders-value\.avsc` \| BACKWARD \| ok \| 1 \|/,
        );
        assert.match(run.summary, /field 'n'/);
      } finally {
        ws.remove();
      }
    });

    it('a shallow checkout without a remote fails with the fetch-depth: 0 fix', async () => {
      origin.git('update-ref', 'refs/pull/3/head', head);
      const ws = origin.checkout('refs/pull/3/head', 1);
      try {
        ws.git('remote', 'remove', 'origin');
        const run = await runAction({
          runtime,
          workspace: ws.dir,
          eventName: 'pull_request',
          event: prEvent(),
          inputs: { mode: 'check' },
        });
        assert.equal(run.code, 1);
        const message = run.annotations.find((a) => a.level === 'error')?.message ?? '';
        assert.match(message, /shallow/);
        assert.match(message, /fetch-depth: 0/);
      } finally {
        ws.remove();
      }
    });

    it('a secret quoted in an error is masked in the log and redacted in the summary', async () => {
      const run = await runAction({
        runtime,
        workspace: origin.dir,
        eventName: 'pull_request',
        event: prEvent(),
        inputs: { 'fail-on': REGISTRY_TOKEN, 'registry-token': REGISTRY_TOKEN },
      });
      assert.equal(run.code, 1);
      assert.equal(run.outputs.ok, 'false');
      assert.match(run.log, /input 'fail-on' is '\*\*\*'/);
      assert.ok(!run.log.includes(REGISTRY_TOKEN));
      assert.match(run.summary, /schemagate could not run[\s\S]*input 'fail-on' is '\*\*\*'/);
      assert.ok(!run.summary.includes(REGISTRY_TOKEN));
    });

    it('secrets are masked before anything is printed and appear nowhere else', async () => {
      const run = await runAction({
        runtime,
        workspace: origin.dir,
        eventName: 'workflow_dispatch',
        event: {},
        token: GITHUB_TOKEN,
        inputs: {
          mode: 'bogus',
          'registry-user-info': USER_INFO,
          'registry-token': REGISTRY_TOKEN,
          'registry-url': `https://svc:${SECRET_PASSWORD}@registry.example.com`,
        },
      });
      for (const secret of [
        USER_INFO,
        SECRET_PASSWORD,
        REGISTRY_TOKEN,
        GITHUB_TOKEN,
        Buffer.from(USER_INFO).toString('base64'),
      ]) {
        assert.ok(run.masked.includes(secret), `masked: ${secret}`);
        assert.ok(!run.unmaskedLog.includes(secret), `not in the log: ${secret}`);
        assert.ok(!run.summary.includes(secret));
        assert.ok(!Object.values(run.outputs).some((v) => v.includes(secret)));
      }
      const firstMask = run.stdout.indexOf('::add-mask::');
      const firstOther = run.stdout.split('\n').findIndex((l) => l !== '' && !l.startsWith('::add-mask::'));
      assert.ok(firstMask === 0 && firstOther > 0, 'the masks come first');
    });
  });
}
