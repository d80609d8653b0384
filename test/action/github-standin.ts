/**
 * A stand-in for GitHub's REST API for issue comments, on loopback. It serves the three documented
 * endpoints the Action uses, answers everything else as GitHub does (404, 401, 403, 422), records every
 * request, and lists each way a request departs from the documented API in `violations`, so a test can
 * assert that the Action speaks GitHub's API and not just this server's.
 *
 * Documented API (https://docs.github.com/en/rest/issues/comments):
 *   GET   /repos/{owner}/{repo}/issues/{issue_number}/comments   ?since&per_page(≤100, default 30)&page
 *   POST  /repos/{owner}/{repo}/issues/{issue_number}/comments   {"body": string}   → 201
 *   PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}     {"body": string}   → 200
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  rawBody: string;
  status: number;
}

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface StandInOptions {
  owner: string;
  repo: string;
  token: string;
  /** Issue (pull request) numbers that exist. */
  issues: number[];
  /** Answer writes with 403 like a token without `pull-requests: write` (a fork's token). */
  readOnly?: boolean;
  /** The login the token belongs to. */
  login?: string;
}

export interface GitHubStandIn {
  url: string;
  requests: RecordedRequest[];
  violations: string[];
  comments(issue: number): StoredComment[];
  seedComment(issue: number, body: string, user?: string): StoredComment;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest/issues/comments';
const BODY_LIMIT = 65536;

export async function startGitHubStandIn(options: StandInOptions): Promise<GitHubStandIn> {
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const store: StoredComment[] = [];
  let nextId = 1_000_001;
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const login = options.login ?? 'github-actions[bot]';
  let base = '';

  const now = (): string => new Date((clock += 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');

  function toJson(c: StoredComment): Record<string, unknown> {
    const repoPath = `/repos/${options.owner}/${options.repo}`;
    return {
      id: c.id,
      node_id: `IC_${Buffer.from(String(c.id)).toString('base64')}`,
      url: `${base}${repoPath}/issues/comments/${c.id}`,
      html_url: `https://github.com/${options.owner}/${options.repo}/pull/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${base}${repoPath}/issues/${c.issue}`,
      body: c.body,
      user: { login: c.user, id: 41898282, type: c.user.endsWith('[bot]') ? 'Bot' : 'User' },
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: 'NONE',
    };
  }

  function seedComment(issue: number, body: string, user = 'octocat'): StoredComment {
    const t = now();
    const c: StoredComment = { id: nextId++, issue, body, user, createdAt: t, updatedAt: t };
    store.push(c);
    return c;
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  function send(
    res: ServerResponse,
    rec: RecordedRequest,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    rec.status = status;
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      ...headers,
    });
    res.end(text);
  }

  const notFound = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' };

  /**
   * Answers a write that GitHub would refuse: a bad body (a violation: the Action sent it) first, else a
   * read-only token's 403 (not a violation: a fork's token is read-only, and the Action must cope).
   */
  function refuseWrite(
    res: ServerResponse,
    rec: RecordedRequest,
    what: string,
    checked: ReturnType<typeof checkWriteBody>,
  ): void {
    if (!checked.ok) {
      violations.push(`${what}: rejected with ${checked.status}`);
      return send(res, rec, checked.status, checked.error);
    }
    return send(res, rec, 403, {
      message: 'Resource not accessible by integration',
      documentation_url: DOCS,
      status: '403',
    });
  }

  /** Checks a write's JSON body: an object whose only documented key is `body`, a string within the limit. */
  function checkWriteBody(
    rec: RecordedRequest,
  ): { ok: true; text: string } | { ok: false; status: number; error: unknown } {
    const ct = rec.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(ct))
      violations.push(`${rec.method} ${rec.path}: content-type is '${ct}', not application/json`);
    const value = rec.body;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return {
        ok: false,
        status: 400,
        error: { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' },
      };
    }
    const keys = Object.keys(value);
    for (const k of keys)
      if (k !== 'body') violations.push(`${rec.method} ${rec.path}: undocumented body parameter '${k}'`);
    const text = (value as Record<string, unknown>).body;
    if (typeof text !== 'string') {
      return {
        ok: false,
        status: 422,
        error: {
          message: `Invalid request.\n\nFor 'properties/body', ${JSON.stringify(text ?? null)} is not a string.`,
          documentation_url: DOCS,
          status: '422',
        },
      };
    }
    if (text.length > BODY_LIMIT) {
      return {
        ok: false,
        status: 422,
        error: {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'IssueComment',
              code: 'custom',
              field: 'body',
              message: `body is too long (maximum is ${BODY_LIMIT} characters)`,
            },
          ],
          documentation_url: DOCS,
          status: '422',
        },
      };
    }
    return { ok: true, text };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://standin');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const rawBody = await readBody(req);
    let body: unknown = undefined;
    if (rawBody !== '') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = Symbol.for('invalid-json');
      }
    }
    const rec: RecordedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      rawBody,
      status: 0,
    };
    requests.push(rec);
    const what = `${rec.method} ${rec.path}`;

    // Headers every REST call carries.
    if ((headers['user-agent'] ?? '') === '') {
      violations.push(`${what}: no User-Agent header`);
      return send(res, rec, 403, {
        message:
          'Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required).',
      });
    }
    const accept = headers.accept ?? '';
    if (!/application\/(vnd\.github(\.v3)?(\+json)?|json)/.test(accept))
      violations.push(`${what}: Accept is '${accept}'`);
    const auth = /^(token|bearer) (.+)$/i.exec(headers.authorization ?? '');
    if (auth === null || auth[2] !== options.token) {
      violations.push(`${what}: missing or wrong credentials`);
      return send(res, rec, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      });
    }
    if (body === Symbol.for('invalid-json')) {
      violations.push(`${what}: body is not JSON`);
      return send(res, rec, 400, {
        message: 'Problems parsing JSON',
        documentation_url: DOCS,
        status: '400',
      });
    }

    const repoPrefix = `/repos/${options.owner}/${options.repo}/issues/`;
    const list = new RegExp(`^${escape(repoPrefix)}(\\d+)/comments$`).exec(rec.path);
    const one = new RegExp(`^${escape(repoPrefix)}comments/(\\d+)$`).exec(rec.path);

    if (list !== null && (rec.method === 'GET' || rec.method === 'POST')) {
      const issue = Number(list[1]);
      if (!options.issues.includes(issue)) {
        violations.push(`${what}: no such issue`);
        return send(res, rec, 404, notFound);
      }
      if (rec.method === 'GET') {
        if (rawBody !== '') violations.push(`${what}: a GET with a body`);
        for (const k of Object.keys(rec.query)) {
          if (!['per_page', 'page', 'since'].includes(k))
            violations.push(`${what}: undocumented query parameter '${k}'`);
        }
        const perPage = Math.min(100, Math.max(1, Number(rec.query.per_page ?? 30) || 30));
        if (Number(rec.query.per_page ?? 30) > 100) violations.push(`${what}: per_page above 100`);
        const page = Math.max(1, Number(rec.query.page ?? 1) || 1);
        const all = store.filter((c) => c.issue === issue);
        const lastPage = Math.max(1, Math.ceil(all.length / perPage));
        const items = all.slice((page - 1) * perPage, page * perPage).map(toJson);
        const link = (p: number, rel: string): string =>
          `<${base}${rec.path}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
        const links: string[] = [];
        if (page > 1) links.push(link(page - 1, 'prev'));
        if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
        if (page > 1) links.push(link(1, 'first'));
        return send(res, rec, 200, items, links.length > 0 ? { link: links.join(', ') } : {});
      }
      const checked = checkWriteBody(rec);
      if (!checked.ok || options.readOnly === true) return refuseWrite(res, rec, what, checked);
      const t = now();
      const c: StoredComment = {
        id: nextId++,
        issue,
        body: checked.text,
        user: login,
        createdAt: t,
        updatedAt: t,
      };
      store.push(c);
      return send(res, rec, 201, toJson(c), { location: `${base}${repoPrefix}comments/${c.id}` });
    }
    if (one !== null && rec.method === 'PATCH') {
      const c = store.find((s) => s.id === Number(one[1]));
      if (c === undefined) {
        violations.push(`${what}: no such comment`);
        return send(res, rec, 404, notFound);
      }
      const checked = checkWriteBody(rec);
      if (!checked.ok || options.readOnly === true) return refuseWrite(res, rec, what, checked);
      c.body = checked.text;
      c.updatedAt = now();
      return send(res, rec, 200, toJson(c));
    }
    violations.push(`${what}: not an issue-comment endpoint the Action may call`);
    return send(res, rec, 404, notFound);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      violations.push(`stand-in crashed: ${(e as Error).message}`);
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    requests,
    violations,
    comments: (issue) => store.filter((c) => c.issue === issue),
    seedComment,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
