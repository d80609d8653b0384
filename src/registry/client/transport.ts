import { ShapeMismatch, type Decoder } from './answers.js';
import { RegistryAnswerError, RegistryError } from './errors.js';
import { fetchRawPath, hasDotSegment } from './raw-path-fetch.js';
import { tlsHint } from './tls-hint.js';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** Base URL; a `user:password@` part is taken as basic auth and removed from the URL. */
  url: string;
  /** `user:password`, as `SCHEMA_REGISTRY_USER_INFO` and the seed's `basic_auth_user_info`. */
  userInfo?: string;
  /** Bearer token; wins over basic auth when both are given. */
  token?: string;
  /** Per request, retries and their backoff included: no call waits longer. Default 30 s. */
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
const ACCEPT =
  'application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5';
/** Network errors after which a request cannot have been processed: the connection was never made. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

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
    else if (userInfo !== undefined && userInfo !== '')
      this.authorization = `Basic ${Buffer.from(userInfo, 'utf8').toString('base64')}`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = Math.max(0, options.retries ?? 3);
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** One call: retried as its policy allows, all within `timeoutMs`; a success is decoded or refused. */
  async request<T>(spec: RequestSpec, decode: Decoder<T>): Promise<T> {
    const url = this.urlFor(spec);
    const deadline = Date.now() + this.timeoutMs;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(spec, url, deadline);
      if (outcome.ok) return this.decodeAnswer(spec, outcome, decode);
      const error = outcome.error;
      const left = deadline - Date.now();
      if (attempt >= this.retries || left <= 0 || !this.mayRetry(spec.retry, outcome)) throw error;
      await sleep(Math.min(left, this.backoff(attempt, outcome.retryAfterMs)));
    }
  }

  /**
   * A 2xx is the registry's JSON, of the endpoint's shape, or a RegistryAnswerError naming the URL and the
   * content type: a login page or a proxy answering 200 must not pass for "nothing there".
   */
  private decodeAnswer<T>(spec: RequestSpec, answer: AttemptSuccess, decode: Decoder<T>): T {
    const where = `${spec.method} ${this.baseUrl}${spec.path}`;
    const refuse = (what: string): never => {
      throw new RegistryAnswerError(
        notRegistryMessage(where, answer.status, answer.contentType, what),
        answer.status,
        `${this.baseUrl}${spec.path}`,
        answer.contentType,
      );
    };
    if (answer.contentType !== '' && !isJsonType(answer.contentType))
      refuse(`not JSON; the body begins ${snippet(answer.text)}`);
    let value: unknown;
    try {
      value = JSON.parse(answer.text) as unknown;
    } catch {
      return refuse(`and a body that is not JSON: ${snippet(answer.text)}`);
    }
    try {
      return decode(value);
    } catch (e) {
      if (e instanceof ShapeMismatch)
        return refuse(`and JSON of the wrong shape for this call: ${e.message}`);
      throw e;
    }
  }

  private urlFor(spec: RequestSpec): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) params.set(k, String(v));
    const q = params.toString();
    return `${this.baseUrl}${spec.path}${q === '' ? '' : `?${q}`}`;
  }

  private async attempt(spec: RequestSpec, url: string, deadline: number): Promise<AttemptOutcome> {
    const headers: Record<string, string> = { Accept: ACCEPT };
    if (spec.body !== undefined) headers['Content-Type'] = CONTENT_TYPE;
    if (this.authorization !== undefined) headers.Authorization = this.authorization;
    const where = `${spec.method} ${this.baseUrl}${spec.path}`;
    let response: Response;
    let text: string;
    // A timer of our own, not AbortSignal.timeout: that one does not keep the process alive, and fetch
    // can lose a request to a server that resets its connections; the process then ended with exit code
    // 13 and no word instead of this error.
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException('The operation timed out.', 'TimeoutError')),
      Math.max(1, deadline - Date.now()),
    );
    try {
      const init: RequestInit = {
        method: spec.method,
        headers,
        ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
        signal: timeout.signal,
      };
      // `fetch` would resolve a subject named `..` away (`/subjects/../versions` is `/versions`).
      response = hasDotSegment(spec.path)
        ? await fetchRawPath(this.baseUrl, url.slice(this.baseUrl.length), init)
        : await this.fetchImpl(url, init);
      text = await response.text();
    } catch (e) {
      const code = networkCode(e);
      const timedOut = code === 'TIMEOUT';
      const message = timedOut
        ? `registry timed out: ${where}: no answer within ${duration(this.timeoutMs)} (the time allowed per request, retries included)`
        : `registry unreachable: ${where}: ${code ?? 'network error'}`;
      return {
        ok: false,
        error: new RegistryError(timedOut ? message : `${message}${tlsHint(code)}`, 0, 0, { cause: e }),
        network: true,
        notSent: code !== undefined && NOT_SENT_CODES.has(code),
      };
    } finally {
      clearTimeout(timer);
    }
    if (response.ok)
      return {
        ok: true,
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        text,
      };
    const contentType = response.headers.get('content-type') ?? '';
    const envelope = parseErrorEnvelope(text);
    if (envelope === undefined && response.status < 500 && response.status !== 429) {
      // A 404 or 409 without the registry's error JSON is not "not found" or "incompatible": it is
      // something else answering (a proxy's or a web server's error page).
      const error = new RegistryAnswerError(
        notRegistryMessage(
          where,
          response.status,
          contentType,
          `not the registry's error JSON; the body begins ${snippet(text)}`,
        ),
        response.status,
        `${this.baseUrl}${spec.path}`,
        contentType,
      );
      return { ok: false, error, status: response.status };
    }
    const { errorCode, message } = envelope ?? {
      errorCode: 50005,
      message: `${contentType === '' ? 'an answer without content type' : `a ${contentType} answer`}, not the registry's error JSON: ${snippet(text)}`,
    };
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      error: new RegistryError(
        `registry ${response.status} (${errorCode}) on ${where}: ${message}`,
        response.status,
        errorCode,
      ),
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

type AttemptOutcome = AttemptSuccess | AttemptFailure;
interface AttemptSuccess {
  ok: true;
  status: number;
  contentType: string;
  text: string;
}
interface AttemptFailure {
  ok: false;
  error: RegistryError;
  status?: number;
  network?: boolean;
  notSent?: boolean;
  retryAfterMs?: number;
}

/** The registry's `{error_code, message}`, or undefined when the body is something else. */
function parseErrorEnvelope(text: string): { errorCode: number; message: string } | undefined {
  try {
    const body = JSON.parse(text) as { error_code?: unknown; message?: unknown } | null;
    if (typeof body?.error_code === 'number') {
      return { errorCode: body.error_code, message: typeof body.message === 'string' ? body.message : text };
    }
  } catch {
    // not JSON: not the registry's envelope
  }
  return undefined;
}

function notRegistryMessage(where: string, status: number, contentType: string, what: string): string {
  const shown = contentType === '' ? 'no content type' : `content type ${contentType}`;
  return `not a schema registry answer: ${where} answered ${status} with ${shown}, ${what} (is the URL a schema registry, not a login page or a proxy?)`;
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

/** `application/json`, the registry's `application/vnd.schemaregistry.v1+json`, any `…+json`. */
function isJsonType(contentType: string): boolean {
  const mime = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return mime === 'application/json' || mime.endsWith('+json');
}

/** The start of a body, for a message: enough to recognise a login page, never a whole page. */
function snippet(text: string): string {
  if (text === '') return '(empty)';
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 60 ? `${flat.slice(0, 60)}…` : flat);
}

export function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(3))} s`;
}

/** Removes `user:password@` from a URL so that it can appear in messages and logs. */
export function maskUrl(url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//***@');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
