import { RegistryError } from './errors.js';
import { tlsHint } from './tls-hint.js';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** Base URL; a `user:password@` part is taken as basic auth and removed from the URL. */
  url: string;
  /** `user:password`, as `SCHEMA_REGISTRY_USER_INFO` and the seed's `basic_auth_user_info`. */
  userInfo?: string;
  /** Bearer token; wins over basic auth when both are given. */
  token?: string;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt, for calls that may be retried. Default 3. */
  retries?: number;
  /** First backoff delay; it doubles per attempt, with full jitter, capped at 5 s. Default 100 ms. */
  retryDelayMs?: number;
  fetch?: FetchLike;
}

export type RetryPolicy =
  /** Reads and other calls that change nothing: retried on 5xx, 429 and network errors. */
  | 'idempotent'
  /** Writes: retried only when the request provably never reached the registry (connection refused) or on 429. */
  | 'write';

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  retry: RetryPolicy;
}

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';
const ACCEPT = 'application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5';
/** Network errors after which a request cannot have been processed: the connection was never made. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** HTTP with the registry's content types, auth, per-attempt timeouts and retries with backoff and jitter. */
export class RegistryTransport {
  /** The URL without credentials, safe to print. */
  readonly baseUrl: string;
  private readonly authorization: string | undefined;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly fetchImpl: FetchLike;

  constructor(options: TransportOptions) {
    let parsed: URL;
    try {
      parsed = new URL(options.url);
    } catch {
      throw new RegistryError(`invalid registry URL '${maskUrl(options.url)}'`, 0, 0);
    }
    let userInfo = options.userInfo;
    if (parsed.username !== '' && userInfo === undefined) {
      userInfo = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
    }
    parsed.username = '';
    parsed.password = '';
    this.baseUrl = parsed.toString().replace(/\/+$/, '');
    if (options.token !== undefined && options.token !== '') this.authorization = `Bearer ${options.token}`;
    else if (userInfo !== undefined && userInfo !== '') this.authorization = `Basic ${Buffer.from(userInfo, 'utf8').toString('base64')}`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = Math.max(0, options.retries ?? 3);
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async request<T>(spec: RequestSpec): Promise<T> {
    const url = this.urlFor(spec);
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(spec, url);
      if (outcome.ok) return outcome.value as T;
      const error = outcome.error;
      if (attempt >= this.retries || !this.mayRetry(spec.retry, outcome)) throw error;
      await sleep(this.backoff(attempt, outcome.retryAfterMs));
    }
  }

  private urlFor(spec: RequestSpec): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) params.set(k, String(v));
    const q = params.toString();
    return `${this.baseUrl}${spec.path}${q === '' ? '' : `?${q}`}`;
  }

  private async attempt(spec: RequestSpec, url: string): Promise<AttemptOutcome> {
    const headers: Record<string, string> = { Accept: ACCEPT };
    if (spec.body !== undefined) headers['Content-Type'] = CONTENT_TYPE;
    if (this.authorization !== undefined) headers.Authorization = this.authorization;
    const where = `${spec.method} ${this.baseUrl}${spec.path}`;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(url, {
        method: spec.method,
        headers,
        ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (e) {
      const code = networkCode(e);
      const timedOut = code === 'TIMEOUT';
      const why = timedOut ? `timed out after ${this.timeoutMs} ms` : `${code ?? 'network error'}`;
      return {
        ok: false,
        error: new RegistryError(`registry unreachable: ${where}: ${why}${tlsHint(code)}`, 0, 0, { cause: e }),
        network: true,
        notSent: code !== undefined && NOT_SENT_CODES.has(code),
      };
    }
    if (response.ok) {
      if (text === '') return { ok: true, value: undefined };
      try {
        return { ok: true, value: JSON.parse(text) as unknown };
      } catch {
        // `/schema` endpoints answer with the raw schema; callers of those expect text.
        return { ok: true, value: text };
      }
    }
    const { errorCode, message } = parseErrorBody(response.status, text);
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      error: new RegistryError(`registry ${response.status} (${errorCode}) on ${where}: ${message}`, response.status, errorCode),
      status: response.status,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  }

  private mayRetry(policy: RetryPolicy, outcome: AttemptFailure): boolean {
    const status = outcome.status ?? 0;
    if (status === 429) return true;
    if (policy === 'idempotent') return outcome.network === true || status >= 500;
    return outcome.notSent === true;
  }

  private backoff(attempt: number, retryAfterMs: number | undefined): number {
    const ceiling = Math.min(5000, this.retryDelayMs * 2 ** attempt);
    const jittered = Math.random() * ceiling;
    return Math.max(jittered, Math.min(retryAfterMs ?? 0, 5000));
  }
}

type AttemptOutcome = { ok: true; value: unknown } | AttemptFailure;
interface AttemptFailure {
  ok: false;
  error: RegistryError;
  status?: number;
  network?: boolean;
  notSent?: boolean;
  retryAfterMs?: number;
}

function parseErrorBody(status: number, text: string): { errorCode: number; message: string } {
  try {
    const body = JSON.parse(text) as { error_code?: unknown; message?: unknown };
    if (typeof body.error_code === 'number') {
      return { errorCode: body.error_code, message: typeof body.message === 'string' ? body.message : text };
    }
  } catch {
    // fall through: not the registry's envelope (a proxy's HTML page, for instance)
  }
  return { errorCode: 50005, message: text.length > 200 ? `${text.slice(0, 200)}…` : text || `HTTP ${status}` };
}

function networkCode(e: unknown): string | undefined {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return 'TIMEOUT';
  let current: unknown = e;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

/** Removes `user:password@` from a URL so that it can appear in messages and logs. */
export function maskUrl(url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//***@');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
