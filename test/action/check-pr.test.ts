// A pull request's life as GitHub runs the Action: the bundled dist/index.js in a child process, a
// depth-1 checkout of the merge ref (as actions/checkout makes it), the stand-in for GitHub's comment
// API. Under Node 20 and Node 24.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { commentMarker } from '../../action/comment.js';
import { startGitHubStandIn, type GitHubStandIn } from './github-standin.js';
import {
  pullRequestEvent,
  runAction,
  runtimes,
  TempRepo,
  type ActionRun,
  type NodeRuntime,
} from './harness.js';

const TOKEN = 'ghs_prCheckToken0123456789';
const FILE = 'schemas/orders-value.avsc';
const MARKER = commentMarker();

type Field = { name: string; type: unknown; default?: unknown };

/** A pretty-printed Avro record, one field per line group, so line numbers are meaningful. */
function avro(fields: Field[]): string {
  return `${JSON.stringify({ type: 'record', name: 'Order', namespace: 'acme.orders', fields }, null, 2)}\n`;
}

function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(index >= 0, `${needle} in the schema`);
  return index + 1;
}

const V1: Field[] = [
  { name: 'id', type: 'string' },
  { name: 'amount', type: 'double' },
];
const V2: Field[] = [...V1, { name: 'note', type: ['null', 'string'], default: null }];

/** The origin repository: main with two versions of the schema; PR branches are made per test. */
function makeOrigin(): { origin: TempRepo; base: string } {
  const origin = TempRepo.init();
  origin.commit('orders v1', { [FILE]: avro(V1), 'README.md': 'schemas\n' });
  const base = origin.commit('orders v2', { [FILE]: avro(V2) });
  return { origin, base };
}

/** Commits `fields` on `branch` and makes refs/pull/<n>/merge the merge into main, as GitHub does. */
function pushToPullRequest(
  origin: TempRepo,
  n: number,
  branch: string,
  fields: Field[],
): { head: string; text: string } {
  const exists = origin.git('branch', '--list', branch) !== '';
  origin.git('checkout', '-q', ...(exists ? [branch] : ['-b', branch, 'main']));
  const text = avro(fields);
  const head = origin.commit(`${branch}: ${fields.map((f) => f.name).join(',')}`, { [FILE]: text });
  origin.git('checkout', '-q', '--detach', 'main');
  origin.git('merge', '-q', '--no-ff', '--no-edit', '-m', `Merge ${head} into main`, head);
  origin.git('update-ref', `refs/pull/${n}/merge`, 'HEAD');
  origin.git('update-ref', `refs/pull/${n}/head`, head);
  origin.git('checkout', '-q', 'main');
  return { head, text };
}

function assertNoSecret(run: ActionRun, gh: GitHubStandIn | undefined, secret: string): void {
  assert.ok(!run.unmaskedLog.includes(secret), 'secret in the log');
  assert.ok(!run.summary.includes(secret), 'secret in the summary');
  for (const v of Object.values(run.outputs)) assert.ok(!v.includes(secret), 'secret in an output');
  for (const c of gh?.requests ?? []) assert.ok(!c.rawBody.includes(secret), 'secret in a request body');
}

for (const runtime of runtimes()) {
  describe(`pull-request check under ${runtime.name}`, () => {
    let origin: TempRepo;
    let base: string;
    let gh: GitHubStandIn;
    const cleanup: TempRepo[] = [];
    before(async () => {
      ({ origin, base } = makeOrigin());
      cleanup.push(origin);
      gh = await startGitHubStandIn({
        owner: 'acme',
        repo: 'schemas',
        token: TOKEN,
        issues: [7, 8, 9, 10, 12, 13, 14, 15],
      });
      // More than a page of review comments: the Action's comment must be found past page 1.
      for (let i = 0; i < 104; i++) gh.seedComment(7, `LGTM ${i}`);
    });
    after(async () => {
      await gh.close();
      cleanup.forEach((r) => r.remove());
    });

    async function runPr(
      rt: NodeRuntime,
      n: number,
      branch: string,
      head: string,
      extra: { labels?: string[]; fork?: boolean; depth?: number; inputs?: Record<string, string> } = {},
    ): Promise<ActionRun> {
      const ws = origin.checkout(`refs/pull/${n}/merge`, extra.depth ?? 1);
      cleanup.push(ws);
      return runAction({
        runtime: rt,
        workspace: ws.dir,
        eventName: 'pull_request',
        event: pullRequestEvent({
          number: n,
          baseRef: 'main',
          baseSha: base,
          headRef: branch,
          headSha: head,
          labels: extra.labels ?? [],
          fork: extra.fork ?? false,
        }),
        apiUrl: gh.url,
        token: TOKEN,
        inputs: extra.inputs ?? {},
      });
    }

    it('breaks, is updated, then resolved: annotations, summary and exactly one comment', async () => {
      // 1. A field without a default: BACKWARD readers cannot read old data.
      const one = pushToPullRequest(origin, 7, 'add-email', [...V2, { name: 'email', type: 'string' }]);
      const r1 = await runPr(runtime, 7, 'add-email', one.head);
      assert.equal(r1.code, 1, r1.log);
      assert.equal(r1.outputs.ok, 'false');
      assert.equal(r1.outputs.findings, '1');
      assert.equal(r1.outputs.published, '[]');
      const errors = r1.annotations.filter((a) => a.level === 'error' && a.file !== undefined);
      assert.equal(errors.length, 1, JSON.stringify(r1.annotations));
      assert.equal(errors[0]?.file, FILE);
      assert.equal(
        errors[0]?.line,
        lineOf(one.text, '"name": "email"') - 1,
        'the annotation is on the email field',
      );
      assert.match(errors[0]?.title ?? '', /^READER_FIELD_MISSING_DEFAULT_VALUE \(orders-value\)$/);
      assert.match(
        r1.summary,
        /\| `orders-value` \| `schemas\/orders-value\.avsc` \| BACKWARD \| incompatible \| 2 \|/,
      );
      assert.match(r1.summary, /email/);
      assert.match(r1.summary, new RegExp(`checked against \`main\` \\(${base.slice(0, 7)}\\)`));
      assert.match(r1.summary, /READER_FIELD_MISSING_DEFAULT_VALUE/);
      // The failing step names itself, after the annotation.
      assert.match(r1.annotations.at(-1)?.message ?? '', /schema changes break compatibility/);
      let ours = gh.comments(7).filter((c) => c.body.includes(MARKER));
      assert.equal(ours.length, 1);
      const id = ours[0]?.id;
      assert.match(ours[0]?.body ?? '', /READER_FIELD_MISSING_DEFAULT_VALUE/);
      assert.match(ours[0]?.body ?? '', /email/);
      assert.match(ours[0]?.body ?? '', /Fix/);
      assert.match(ours[0]?.body ?? '', new RegExp(`checked at ${one.head.slice(0, 7)}`));
      assert.match(r1.outputs.report ?? '', /schemagate\/report-.*\.json$/);
      const report = JSON.parse(r1.reportText ?? '') as {
        ok: boolean;
        subjects: Array<{ subject: string; status: string; findings: Array<{ rule: string; line: number }> }>;
      };
      assert.equal(report.ok, false);
      assert.deepEqual(
        report.subjects.map((s) => [s.subject, s.status, s.findings.map((f) => f.rule)]),
        [['orders-value', 'incompatible', ['READER_FIELD_MISSING_DEFAULT_VALUE']]],
      );

      // 2. Another push, another break: the same comment is updated in place.
      const two = pushToPullRequest(origin, 7, 'add-email', [
        ...V2,
        { name: 'email', type: 'string' },
        { name: 'phone', type: 'string' },
      ]);
      const r2 = await runPr(runtime, 7, 'add-email', two.head);
      assert.equal(r2.code, 1, r2.log);
      assert.equal(r2.outputs.findings, '2');
      assert.deepEqual(
        r2.annotations.filter((a) => a.file !== undefined).map((a) => a.line),
        [lineOf(two.text, '"name": "email"') - 1, lineOf(two.text, '"name": "phone"') - 1],
      );
      ours = gh.comments(7).filter((c) => c.body.includes(MARKER));
      assert.equal(ours.length, 1);
      assert.equal(ours[0]?.id, id);
      assert.match(ours[0]?.body ?? '', /phone/);

      // 3. The fix: defaults. The comment says resolved; still one comment.
      const three = pushToPullRequest(origin, 7, 'add-email', [
        ...V2,
        { name: 'email', type: 'string', default: '' },
        { name: 'phone', type: ['null', 'string'], default: null },
      ]);
      const r3 = await runPr(runtime, 7, 'add-email', three.head);
      assert.equal(r3.code, 0, r3.log);
      assert.equal(r3.outputs.ok, 'true');
      assert.equal(r3.outputs.findings, '0');
      assert.deepEqual(
        r3.annotations.filter((a) => a.level === 'error'),
        [],
      );
      ours = gh.comments(7).filter((c) => c.body.includes(MARKER));
      assert.equal(ours.length, 1);
      assert.equal(ours[0]?.id, id);
      assert.match(ours[0]?.body ?? '', /resolved/);
      assert.doesNotMatch(ours[0]?.body ?? '', /READER_FIELD_MISSING_DEFAULT_VALUE/);
      assert.equal(gh.comments(7).length, 105, 'one comment added in all');

      const writes = gh.requests.filter((r) => r.method !== 'GET' && r.path.includes('/issues/'));
      assert.deepEqual(
        writes.map((r) => r.method),
        ['POST', 'PATCH', 'PATCH'],
      );
      assert.deepEqual(gh.violations, []);
      for (const run of [r1, r2, r3]) assertNoSecret(run, gh, TOKEN);
    });

    it('the approve label passes a breaking change and still reports it', async () => {
      const pr = pushToPullRequest(origin, 8, 'retype', [
        { name: 'id', type: 'string' },
        { name: 'amount', type: 'string' },
        V2[2] as Field,
      ]);
      const run = await runPr(runtime, 8, 'retype', pr.head, {
        labels: ['schema-breaking-approved'],
        depth: 0,
      });
      assert.equal(run.code, 0, run.log);
      assert.equal(run.outputs.ok, 'true');
      assert.ok(Number(run.outputs.findings) >= 1);
      assert.ok(
        run.annotations.some((a) => a.level === 'error' && a.file === FILE),
        'the break is still annotated',
      );
      assert.match(run.summary, /Approved with the `schema-breaking-approved` label/);
      assert.ok(
        run.annotations.some(
          (a) => a.level === 'notice' && /approved with the 'schema-breaking-approved' label/.test(a.message),
        ),
      );
      const ours = gh.comments(8).filter((c) => c.body.includes(MARKER));
      assert.equal(ours.length, 1);
      assert.match(ours[0]?.body ?? '', /Approved with the `schema-breaking-approved` label/);
      // Without the label the same change fails.
      const without = await runPr(runtime, 8, 'retype', pr.head, { depth: 0 });
      assert.equal(without.code, 1);
      assert.equal(without.outputs.ok, 'false');
      assert.deepEqual(gh.violations, []);
    });

    it('site-url links the changed subject’s diff on the site; site-dir builds that site', async () => {
      const pr = pushToPullRequest(origin, 15, 'site', [...V2, { name: 'sku', type: 'string' }]);
      const ws = origin.checkout('refs/pull/15/merge', 0);
      cleanup.push(ws);
      const run = await runAction({
        runtime,
        workspace: ws.dir,
        eventName: 'pull_request',
        event: pullRequestEvent({
          number: 15,
          baseRef: 'main',
          baseSha: base,
          headRef: 'site',
          headSha: pr.head,
          labels: [],
          fork: false,
        }),
        apiUrl: gh.url,
        token: TOKEN,
        inputs: { 'site-url': 'https://acme.github.io/schemas/', 'site-dir': 'site' },
      });
      assert.equal(run.code, 1, run.log);
      const body = gh.comments(15).find((c) => c.body.includes(MARKER))?.body ?? '';
      const link = /\[`orders-value`: history and diff\]\((https:[^)]+)\)/.exec(body)?.[1];
      assert.equal(link, 'https://acme.github.io/schemas/subjects/orders-value.html#compare', body);
      assert.match(run.summary, /On the schema site/);
      // The page the link names is the one the site builder wrote, and it shows the pull request's step.
      const page = readFileSync(
        join(ws.dir, 'site', new URL(link!).pathname.slice('/schemas/'.length)),
        'utf8',
      );
      assert.match(page, /id="compare"/);
      assert.match(page, /data-path="sku"/);
      assert.ok(existsSync(join(ws.dir, 'site', 'index.html')));

      // A site that cannot be built (a file where its folder should be) fails the step with the CLI's message.
      const blocked = await runAction({
        runtime,
        workspace: ws.dir,
        eventName: 'pull_request',
        event: pullRequestEvent({
          number: 15,
          baseRef: 'main',
          baseSha: base,
          headRef: 'site',
          headSha: pr.head,
          labels: [],
          fork: false,
        }),
        apiUrl: gh.url,
        token: TOKEN,
        inputs: { 'site-dir': 'README.md/site' },
      });
      assert.equal(blocked.code, 1, blocked.log);
      assert.match(
        blocked.annotations.at(-1)?.message ?? '',
        /^schemagate docs failed \(exit code 2\): schemagate: --out '.*README\.md\/site': cannot write the site there \(ENOTDIR/,
      );
      assert.deepEqual(gh.violations, []);
    });

    it('a pull request from a fork gets annotations and a summary, and no API call at all', async () => {
      const pr = pushToPullRequest(origin, 9, 'fork-change', [...V2, { name: 'email', type: 'string' }]);
      const before = gh.requests.length;
      const run = await runPr(runtime, 9, 'fork-change', pr.head, { fork: true });
      assert.equal(run.code, 1);
      assert.equal(run.outputs.ok, 'false');
      assert.ok(run.annotations.some((a) => a.level === 'error' && a.file === FILE));
      assert.match(run.summary, /READER_FIELD_MISSING_DEFAULT_VALUE/);
      assert.match(run.log, /from a fork: no comment/);
      assert.equal(gh.requests.length, before, 'no request to GitHub');
      assert.deepEqual(gh.comments(9), []);
    });

    it('a clean pull request passes with no comment at all', async () => {
      origin.git('checkout', '-q', '-b', 'docs', 'main');
      const head = origin.commit('docs only', { 'README.md': 'schemas, documented\n' });
      origin.git('checkout', '-q', 'main');
      origin.git('update-ref', 'refs/pull/12/merge', head);
      const before = gh.requests.length;
      const run = await runPr(runtime, 12, 'docs', head);
      assert.equal(run.code, 0, run.log);
      assert.equal(run.outputs.ok, 'true');
      assert.equal(run.outputs.findings, '0');
      assert.deepEqual(run.annotations, []);
      assert.match(run.summary, /no problems|compatible/);
      assert.deepEqual(
        gh.requests.slice(before).map((r) => r.method),
        ['GET'],
        'looked for an earlier comment, wrote nothing',
      );
      assert.deepEqual(gh.comments(12), []);
    });

    it('fail-on: a warning passes by default and fails with fail-on: warning', async () => {
      origin.git('checkout', '-q', '-b', 'level', 'main');
      const head = origin.commit('relax the level', { 'schemagate.yaml': 'compatibility: NONE\n' });
      origin.git('checkout', '-q', 'main');
      origin.git('update-ref', 'refs/pull/13/merge', head);
      // The base has no schemagate.yaml (BACKWARD by default); the pull request sets NONE.
      const lenient = await runPr(runtime, 13, 'level', head);
      assert.equal(lenient.code, 0, lenient.log);
      assert.equal(lenient.outputs.ok, 'true');
      assert.equal(lenient.outputs.findings, '1');
      assert.deepEqual(
        lenient.annotations.map((a) => [a.level, a.file, a.line, a.title]),
        [['warning', 'schemagate.yaml', 1, 'LEVEL_CHANGED (orders-value)']],
      );
      const strict = await runPr(runtime, 13, 'level', head, { inputs: { 'fail-on': 'warning' } });
      assert.equal(strict.code, 1);
      assert.equal(strict.outputs.ok, 'false');
      assert.match(strict.summary, /Failing on warnings/);
      assert.equal(
        gh.comments(13).filter((c) => c.body.includes(MARKER)).length,
        1,
        'a warning is worth a comment',
      );
    });

    it('a JSON Schema subject: the annotations point at the property and at the required list', async () => {
      const repo = TempRepo.init();
      cleanup.push(repo);
      const file = 'schemas/customers-value.json';
      const schema = (props: Record<string, unknown>, required?: string[]): string =>
        `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: props, ...(required === undefined ? {} : { required }), additionalProperties: false }, null, 2)}\n`;
      const jsBase = repo.commit('customers v1', { [file]: schema({ id: { type: 'string' } }) });
      repo.git('checkout', '-q', '-b', 'age');
      const text = schema({ id: { type: 'string' }, age: { type: 'integer' } }, ['age']);
      const head = repo.commit('require age', { [file]: text });
      repo.git('update-ref', 'refs/pull/14/merge', head);
      const ws = repo.checkout('refs/pull/14/merge', 1);
      cleanup.push(ws);
      const run = await runAction({
        runtime,
        workspace: ws.dir,
        eventName: 'pull_request',
        event: pullRequestEvent({
          number: 14,
          baseRef: 'main',
          baseSha: jsBase,
          headRef: 'age',
          headSha: head,
        }),
        apiUrl: gh.url,
        token: TOKEN,
      });
      assert.equal(run.code, 1, run.log);
      const at = run.annotations
        .filter((a) => a.level === 'error' && a.file === file)
        .map((a) => [a.title?.split(' ')[0], a.line])
        .sort();
      // A property that is new and required is one change (the registry's ObjectSchemaDiff compares
      // `required` only for properties both versions declare).
      assert.deepEqual(at, [['REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', lineOf(text, '"age": {')]]);
      assert.equal(gh.comments(14).filter((c) => c.body.includes(MARKER)).length, 1);
    });

    it('a token that cannot write comments: a warning, and the check’s verdict stands', async () => {
      const readOnly = await startGitHubStandIn({
        owner: 'acme',
        repo: 'schemas',
        token: TOKEN,
        issues: [11],
        readOnly: true,
      });
      try {
        const pr = pushToPullRequest(origin, 11, 'read-only', [...V2, { name: 'email', type: 'string' }]);
        const ws = origin.checkout('refs/pull/11/merge', 1);
        cleanup.push(ws);
        const run = await runAction({
          runtime,
          workspace: ws.dir,
          eventName: 'pull_request',
          event: pullRequestEvent({
            number: 11,
            baseRef: 'main',
            baseSha: base,
            headRef: 'read-only',
            headSha: pr.head,
          }),
          apiUrl: readOnly.url,
          token: TOKEN,
        });
        assert.equal(run.code, 1);
        assert.equal(run.outputs.findings, '1');
        const warning = run.annotations.find((a) => a.level === 'warning');
        assert.match(
          warning?.message ?? '',
          /Could not write the pull-request comment \(the job needs `permissions: pull-requests: write`\)/,
        );
        assert.deepEqual(readOnly.violations, []);
        assert.deepEqual(readOnly.comments(11), []);
      } finally {
        await readOnly.close();
      }
    });

    it('more than 10 errors: 10 annotations, the rest in the summary', async () => {
      const many: Field[] = Array.from({ length: 13 }, (_, i) => ({
        name: `f${String(i).padStart(2, '0')}`,
        type: 'string',
      }));
      const pr = pushToPullRequest(origin, 10, 'many', [...V2, ...many]);
      const run = await runPr(runtime, 10, 'many', pr.head, { inputs: { comment: 'false' } });
      assert.equal(run.code, 1);
      assert.equal(run.outputs.findings, '13');
      const annotated = run.annotations.filter((a) => a.level === 'error' && a.file === FILE);
      assert.equal(annotated.length, 10);
      assert.match(run.summary, /Findings without an annotation[\s\S]*3 findings did not get one/);
      for (const name of ['f10', 'f11', 'f12'])
        assert.match(run.summary.split('Findings without an annotation')[1] ?? '', new RegExp(`${name}`));
      assert.deepEqual(gh.comments(10), [], 'comment: false');
    });
  });
}
