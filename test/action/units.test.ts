import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitForAnnotations } from '../../action/annotations.js';
import { allFindings, type LocatedFinding } from '../../action/check-report.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { summarize, type CheckReport, type Severity, type SubjectReport } from '../../src/report/model.js';
import { EventError, parseEvent } from '../../action/event.js';
import { resolveMode } from '../../action/mode.js';
import {
  COMMENT_LIMIT,
  renderReportComment,
  renderSummary,
  truncate,
  type CheckView,
} from '../../action/render.js';
import { commentMarker } from '../../action/comment.js';
import { readInputs } from '../../action/inputs.js';
import { subjectDiffUrl, subjectPagePath } from '../../src/site/paths.js';
import { pullRequestEvent, pushEvent } from './harness.js';

const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);

describe('event payloads', () => {
  it('reads a pull_request: base, head, labels, same-repository', () => {
    const e = parseEvent(
      'pull_request',
      pullRequestEvent({
        number: 5,
        baseRef: 'main',
        baseSha: SHA_A,
        headRef: 'feat',
        headSha: SHA_B,
        labels: ['x', 'schema-breaking-approved'],
      }),
    );
    assert.deepEqual(e, {
      kind: 'pull_request',
      eventName: 'pull_request',
      number: 5,
      baseRef: 'main',
      baseSha: SHA_A,
      headSha: SHA_B,
      labels: ['x', 'schema-breaking-approved'],
      fromFork: false,
      htmlUrl: 'https://github.com/acme/schemas/pull/5',
    });
  });
  it('a head in another repository is a fork', () => {
    const e = parseEvent(
      'pull_request',
      pullRequestEvent({
        number: 5,
        baseRef: 'main',
        baseSha: SHA_A,
        headRef: 'feat',
        headSha: SHA_B,
        fork: true,
      }),
    );
    assert.equal(e.kind === 'pull_request' && e.fromFork, true);
  });
  it('a deleted head repository counts as a fork', () => {
    const payload = pullRequestEvent({
      number: 5,
      baseRef: 'main',
      baseSha: SHA_A,
      headRef: 'feat',
      headSha: SHA_B,
    }) as { pull_request: { head: { repo: unknown } } };
    payload.pull_request.head.repo = null;
    const e = parseEvent('pull_request', payload);
    assert.equal(e.kind === 'pull_request' && e.fromFork, true);
  });
  it('reads a push, and a branch-creating push', () => {
    const e = parseEvent('push', pushEvent({ ref: 'refs/heads/main', before: SHA_A, after: SHA_B }));
    assert.deepEqual(e, {
      kind: 'push',
      eventName: 'push',
      ref: 'refs/heads/main',
      before: SHA_A,
      after: SHA_B,
      defaultBranch: 'main',
      created: false,
    });
    const created = parseEvent(
      'push',
      pushEvent({ ref: 'refs/heads/main', before: '0'.repeat(40), after: SHA_B }),
    );
    assert.equal(created.kind === 'push' && created.created, true);
  });
  it('a malformed payload names the missing field', () => {
    assert.throws(
      () =>
        parseEvent(
          'pull_request',
          { pull_request: { number: 1, base: {}, head: { sha: SHA_B } } },
          'event.json',
        ),
      (e: unknown) => e instanceof EventError && /event\.json: .*'base\.ref'/.test(e.message),
    );
    assert.throws(() => parseEvent('push', { ref: 'refs/heads/main' }, 'event.json'), /'before'/);
    assert.throws(() => parseEvent('push', [], 'event.json'), /not a JSON object/);
  });
});

describe('mode', () => {
  const pr = parseEvent(
    'pull_request',
    pullRequestEvent({ number: 1, baseRef: 'main', baseSha: SHA_A, headRef: 'f', headSha: SHA_B }),
  );
  const pushMain = parseEvent('push', pushEvent({ ref: 'refs/heads/main', before: SHA_A, after: SHA_B }));
  const pushOther = parseEvent('push', pushEvent({ ref: 'refs/heads/feature', before: SHA_A, after: SHA_B }));
  const table: Array<[string, Parameters<typeof resolveMode>, string]> = [
    ['auto + pull_request', ['auto', pr, undefined], 'check'],
    ['auto + push to base', ['auto', pushMain, 'main'], 'publish'],
    ['auto + push elsewhere', ['auto', pushOther, 'main'], 'skip'],
    ['explicit check on push', ['check', pushMain, 'main'], 'check'],
    ['explicit publish on push', ['publish', pushOther, 'main'], 'publish'],
    [
      'explicit publish on workflow_dispatch',
      ['publish', { kind: 'other', eventName: 'workflow_dispatch' }, 'main'],
      'publish',
    ],
  ];
  for (const [name, args, expected] of table)
    it(name, () => assert.equal(resolveMode(...args).mode, expected));
  it('never publishes from a pull request', () => {
    assert.throws(
      () => resolveMode('publish', pr, undefined),
      /mode publish runs on a push to the base branch.*not on a 'pull_request' event/,
    );
  });
  it('auto on another event asks for a mode', () => {
    assert.throws(
      () => resolveMode('auto', { kind: 'other', eventName: 'workflow_dispatch' }, 'main'),
      /workflow_dispatch.*mode input/,
    );
  });
});

function finding(i: number, severity: Severity): LocatedFinding {
  return {
    rule: `R${i}`,
    severity,
    path: '/fields/0',
    line: i + 1,
    column: 3,
    version: 1,
    commit: SHA_A,
    message: `m${i}`,
    fix: `fix ${i}`,
    subject: 'orders-value',
    file: 'schemas/orders-value.avsc',
  };
}

describe('annotations', () => {
  it('at most 10 per level; the rest overflow in order', () => {
    const findings = [
      ...Array.from({ length: 13 }, (_, i) => finding(i, 'error')),
      ...Array.from({ length: 4 }, (_, i) => finding(100 + i, 'warning')),
      ...Array.from({ length: 12 }, (_, i) => finding(200 + i, 'info')),
    ];
    const { annotated, overflow } = splitForAnnotations(findings);
    assert.equal(annotated.filter((f) => f.severity === 'error').length, 10);
    assert.equal(annotated.filter((f) => f.severity === 'warning').length, 4);
    assert.equal(annotated.filter((f) => f.severity === 'info').length, 10);
    assert.deepEqual(
      overflow.map((f) => f.rule),
      ['R10', 'R11', 'R12', 'R210', 'R211'],
    );
  });
});

describe('rendering', () => {
  const report = (n: number): CheckReport => {
    const subjects: SubjectReport[] = [
      {
        subject: 'orders-value',
        file: 'schemas/orders-value.avsc',
        format: 'avro',
        level: 'BACKWARD',
        status: 'incompatible',
        versions: 2,
        findings: Array.from({ length: n }, (_, i) => finding(i, 'error')),
        changes: [],
      },
    ];
    return {
      ok: false,
      mode: 'against',
      base: { ref: SHA_A, commit: SHA_A },
      subjects,
      summary: summarize(subjects),
    };
  };
  const view = (n: number, extra: Partial<CheckView> = {}): CheckView => ({
    report: report(n),
    passed: false,
    approvedBy: undefined,
    failOn: 'error',
    overflow: [],
    headSha: SHA_B,
    runUrl: 'https://github.com/acme/schemas/actions/runs/1',
    ...extra,
  });
  it('the summary is the validator’s Markdown plus the findings that got no annotation', () => {
    const v = view(12);
    const { overflow } = splitForAnnotations(allFindings(v.report));
    const md = renderSummary({ ...v, overflow });
    assert.ok(md.startsWith(renderMarkdown(v.report).trimEnd()));
    assert.match(
      md,
      /Findings without an annotation[\s\S]*2 findings did not get one[\s\S]*`R10` at `schemas\/orders-value\.avsc:11:3` \(`orders-value`\): m10 \*\*Fix:\*\* fix 10\n- ❌ `R11`/,
    );
  });
  it('an approved pull request says so above the report', () => {
    const md = renderSummary(view(1, { passed: true, approvedBy: 'schema-breaking-approved' }));
    assert.match(md, /^> \[!NOTE\]\n> \*\*Approved with the `schema-breaking-approved` label:\*\*/);
  });
  it('a comment over GitHub’s limit is cut, keeps its marker and footer', () => {
    const marker = commentMarker();
    const body = renderReportComment(view(3000), marker);
    assert.ok(body.length <= COMMENT_LIMIT, `${body.length}`);
    assert.ok(body.startsWith(marker));
    assert.match(body, /cut at GitHub's size limit/);
    assert.match(body, /checked at bbbbbbb/);
  });
  it('with site-url, the report links each changed subject to its diff on the docs site', () => {
    const v = view(1, { siteUrl: 'https://acme.github.io/schemas' });
    v.report.subjects.push({ ...v.report.subjects[0]!, subject: 'still', status: 'unchanged', findings: [] });
    v.report.subjects.push({ ...v.report.subjects[0]!, subject: 'a/b c', status: 'new', findings: [] });
    const links = [...renderReportComment(v, commentMarker()).matchAll(/\]\((https:[^)]*#compare)\)/g)].map(
      (m) => m[1],
    );
    assert.deepEqual(links, [
      'https://acme.github.io/schemas/subjects/orders-value.html#compare',
      `https://acme.github.io/schemas/${encodeURI(subjectPagePath('a/b c'))}#compare`,
    ]);
    assert.match(renderSummary(v), /On the schema site/);
    assert.doesNotMatch(renderSummary(view(1)), /On the schema site/, 'no link without site-url');
    assert.equal(subjectDiffUrl('https://h/x/', 'a/b c'), 'https://h/x/subjects/a~2f~b~20~c.html#compare');
  });
  it('site-url must be an http(s) URL: anything else is one message naming the input', () => {
    process.env['INPUT_SITE-URL'] = 'acme.github.io/schemas';
    try {
      assert.throws(() => readInputs(), {
        name: 'InputError',
        message: "input 'site-url' is 'acme.github.io/schemas'; expected an http(s) URL (the site's root)",
      });
      process.env['INPUT_SITE-URL'] = 'https://acme.github.io/schemas';
      assert.equal(readInputs().siteUrl, 'https://acme.github.io/schemas');
    } finally {
      delete process.env['INPUT_SITE-URL'];
    }
  });
  it('truncate never splits a surrogate pair', () => {
    assert.equal(truncate('ab😀cd', 4, ''), 'ab😀');
    assert.equal(truncate('ab😀cd', 3, ''), 'ab');
  });
});
