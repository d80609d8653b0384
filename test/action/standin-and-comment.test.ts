import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { commentMarker, syncComment, type CommentPlan } from '../../action/comment.js';
import { githubCommentsApi } from '../../action/github-api.js';
import { startGitHubStandIn, type GitHubStandIn } from './github-standin.js';

const TOKEN = 'ghs_standinToken123';
const repo = { owner: 'acme', repo: 'schemas' };

describe('GitHub stand-in: rejects what GitHub rejects', () => {
  let gh: GitHubStandIn;
  before(async () => {
    gh = await startGitHubStandIn({ ...repo, token: TOKEN, issues: [7] });
  });
  after(() => gh.close());

  const call = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> =>
    fetch(`${gh.url}${path}`, {
      method,
      headers: {
        authorization: `token ${TOKEN}`,
        accept: 'application/vnd.github+json',
        'user-agent': 't',
        'content-type': 'application/json',
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  const cases: Array<{
    name: string;
    method: string;
    path: string;
    body?: unknown;
    headers?: Record<string, string>;
    status: number;
  }> = [
    { name: 'unknown route', method: 'GET', path: '/repos/acme/schemas/pulls/7/comments', status: 404 },
    {
      name: 'another repository',
      method: 'GET',
      path: '/repos/other/schemas/issues/7/comments',
      status: 404,
    },
    {
      name: 'unknown issue',
      method: 'POST',
      path: '/repos/acme/schemas/issues/8/comments',
      body: { body: 'x' },
      status: 404,
    },
    {
      name: 'DELETE is not the Action’s',
      method: 'DELETE',
      path: '/repos/acme/schemas/issues/comments/1',
      status: 404,
    },
    {
      name: 'PUT instead of PATCH',
      method: 'PUT',
      path: '/repos/acme/schemas/issues/comments/1',
      body: { body: 'x' },
      status: 404,
    },
    {
      name: 'missing body',
      method: 'POST',
      path: '/repos/acme/schemas/issues/7/comments',
      body: { text: 'x' },
      status: 422,
    },
    {
      name: 'body not a string',
      method: 'POST',
      path: '/repos/acme/schemas/issues/7/comments',
      body: { body: 3 },
      status: 422,
    },
    {
      name: 'body too long',
      method: 'POST',
      path: '/repos/acme/schemas/issues/7/comments',
      body: { body: 'x'.repeat(65537) },
      status: 422,
    },
    {
      name: 'bad token',
      method: 'GET',
      path: '/repos/acme/schemas/issues/7/comments',
      headers: { authorization: 'token nope' },
      status: 401,
    },
    {
      name: 'no user agent',
      method: 'GET',
      path: '/repos/acme/schemas/issues/7/comments',
      headers: { 'user-agent': '' },
      status: 403,
    },
    {
      name: 'unknown comment',
      method: 'PATCH',
      path: '/repos/acme/schemas/issues/comments/5',
      body: { body: 'x' },
      status: 404,
    },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.status}, recorded as a violation`, async () => {
      const before = gh.violations.length;
      const res = await call(c.method, c.path, c.body, c.headers);
      assert.equal(res.status, c.status);
      const body = (await res.json()) as { message?: string };
      assert.equal(typeof body.message, 'string');
      assert.ok(gh.violations.length > before, 'recorded as a violation');
    });
  }

  it('accepts the documented calls and paginates with Link headers', async () => {
    const before = gh.violations.length;
    for (let i = 0; i < 5; i++)
      assert.equal(
        (await call('POST', '/repos/acme/schemas/issues/7/comments', { body: `c${i}` })).status,
        201,
      );
    const page1 = await call('GET', '/repos/acme/schemas/issues/7/comments?per_page=2');
    assert.equal(page1.status, 200);
    assert.match(page1.headers.get('link') ?? '', /page=2>; rel="next".*page=3>; rel="last"/);
    const items = (await page1.json()) as Array<{ id: number; body: string }>;
    assert.deepEqual(
      items.map((c) => c.body),
      ['c0', 'c1'],
    );
    const patched = await call('PATCH', `/repos/acme/schemas/issues/comments/${items[0]?.id}`, {
      body: 'edited',
    });
    assert.equal(patched.status, 200);
    assert.equal(gh.comments(7)[0]?.body, 'edited');
    assert.equal(gh.violations.length, before, gh.violations.join('\n'));
  });
});

describe('comment lifecycle through Octokit against the stand-in', () => {
  let gh: GitHubStandIn;
  const issue = 12;
  before(async () => {
    gh = await startGitHubStandIn({ ...repo, token: TOKEN, issues: [issue] });
    // 130 earlier comments: the marker must be found past the first page of 100.
    for (let i = 0; i < 130; i++) gh.seedComment(issue, `review comment ${i}`);
  });
  after(() => gh.close());

  const marker = commentMarker();
  const plan = (clean: boolean, n: number): CommentPlan => ({
    marker,
    clean,
    reportBody: `${marker}\nreport ${n}`,
    resolvedBody: `${marker}\nresolved`,
  });

  it('creates once, updates in place, resolves, and keeps exactly one comment', async () => {
    const api = githubCommentsApi(TOKEN, repo, gh.url);
    const first = await syncComment(api, issue, plan(false, 1));
    assert.equal(first.action, 'created');
    const second = await syncComment(api, issue, plan(false, 2));
    assert.deepEqual(second, { action: 'updated', id: (first as { id: number }).id });
    const third = await syncComment(api, issue, plan(true, 3));
    assert.deepEqual(third, { action: 'resolved', id: (first as { id: number }).id });
    const ours = gh.comments(issue).filter((c) => c.body.includes(marker));
    assert.equal(ours.length, 1);
    assert.equal(ours[0]?.body, `${marker}\nresolved`);
    assert.deepEqual(gh.violations, []);
    const lists = gh.requests.filter((r) => r.method === 'GET');
    assert.ok(
      lists.some((r) => r.query.page === '2'),
      'the second page was read',
    );
    assert.ok(lists.every((r) => r.query.per_page === '100'));
  });

  it('a reviewer quoting the comment keeps their comment; ours is created apart', async () => {
    const gh3 = await startGitHubStandIn({ ...repo, token: TOKEN, issues: [3] });
    try {
      const quote = gh3.seedComment(3, `> ${marker}\n> report 1\n\nWhy is this breaking?`, 'reviewer');
      const outcome = await syncComment(githubCommentsApi(TOKEN, repo, gh3.url), 3, plan(false, 1));
      assert.equal(outcome.action, 'created');
      assert.equal(
        gh3
          .comments(3)
          .find((c) => c.id === quote.id)
          ?.body.startsWith('> '),
        true,
      );
      assert.equal(gh3.comments(3).length, 2);
    } finally {
      await gh3.close();
    }
  });

  it('a clean pull request that never had a comment gets none', async () => {
    const gh2 = await startGitHubStandIn({ ...repo, token: TOKEN, issues: [1] });
    try {
      const outcome = await syncComment(githubCommentsApi(TOKEN, repo, gh2.url), 1, plan(true, 1));
      assert.deepEqual(outcome, { action: 'none' });
      assert.deepEqual(
        gh2.requests.map((r) => r.method),
        ['GET'],
      );
    } finally {
      await gh2.close();
    }
  });

  it('a different marker key is a different comment', async () => {
    const api = githubCommentsApi(TOKEN, repo, gh.url);
    const other = commentMarker('services/billing');
    const outcome = await syncComment(api, issue, {
      marker: other,
      clean: false,
      reportBody: `${other}\nx`,
      resolvedBody: `${other}\ny`,
    });
    assert.equal(outcome.action, 'created');
    assert.equal(gh.comments(issue).filter((c) => c.body.includes('schemagate:pr-comment')).length, 2);
  });

  it('refuses a body without its marker (it could never be found again)', async () => {
    const api = githubCommentsApi(TOKEN, repo, gh.url);
    await assert.rejects(
      syncComment(api, issue, { marker, clean: false, reportBody: 'no marker', resolvedBody: `${marker}` }),
      /marker/,
    );
  });
});
