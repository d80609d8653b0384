import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { SchemagateError } from '../../errors.js';
import { makeDirectory } from '../make-directory.js';
import { AUTH_REALM, Gate, type ReplyFilter } from './auth.js';
import { readAuthFile } from './authfile.js';
import { SchemaEngine } from './engine.js';
import { resolveAliases } from './aliases.js';
import { rewriteContextPath } from './context-paths.js';
import { RegistryErrors, RegistryHttpError } from './errors.js';
import { buildRouter, type Handler } from './handlers.js';
import { readBody, sendError, sendJson } from './http.js';
import { acquireLock } from './lock.js';
import { EventLog, replayLog } from './log.js';
import { acceptsRequestType, DEFAULT_RESPONSE_TYPE, negotiateResponseType } from './negotiate.js';
import { pathSegments, type Router } from './router.js';
import { RegistryService, type RuleSetPolicy } from './service.js';
import { RegistryState } from './state.js';
import { loadTls, refuseBadClientCertificate, type TlsFiles } from './tls.js';
import type { Shapes } from './views.js';

export const DEFAULT_DATA_DIR = '.schemagate/registry';
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Kafka's default `message.max.bytes`: the registry cannot store a larger schema record (42209). */
export const DEFAULT_MAX_SCHEMA_BYTES = 1048588;

export interface RegistryServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8081; 0 picks a free port. */
  port?: number;
  /** Where the log and the lock live. Default `.schemagate/registry` (relative to the working directory). */
  dataDir?: string;
  /** Response shapes: Confluent 7.9 (default) or 8.x (`schemaType` always, guid, error 40901). */
  shapes?: Shapes;
  /** Larger request bodies get a 413 error. Default 1 MiB. */
  maxBodyBytes?: number;
  /** A registration whose stored record is larger is refused with 42209. Default 1048588 (Kafka's default). */
  maxSchemaBytes?: number;
  /** Refuse to register under the empty subject or `*` (42208), like `schema.reject.empty.subject`. */
  rejectEmptySubject?: boolean;
  /** A reference name bound to two versions across the graph is 42201, like `reference.versions.strict`. */
  referenceVersionsStrict?: boolean;
  /**
   * `keep` (default) stores rule sets as Confluent Enterprise and Cloud do; `drop` ignores them as
   * the community edition does (register and config).
   */
  ruleSets?: RuleSetPolicy;
  /** Serve https with these PEM files (and ask for client certificates if `clientAuth` says so). */
  tls?: TlsFiles;
  /** HTTP basic users and their permissions, in Karapace's authfile format; read once at start. */
  authFile?: string;
}

export interface RunningRegistry {
  /** `http://host:port` (`https://` with TLS), without a trailing slash. */
  url: string;
  port: number;
  dataDir: string;
  /** How start-up went: events replayed, time taken, bytes of a torn last line cut off. */
  startup: { events: number; millis: number; tornBytes: number };
  close(): Promise<void>;
}

/**
 * Starts a Confluent-compatible Schema Registry on node:http: the state is replayed from the data
 * directory's log, and every change is on disk (fsync) before it is answered.
 */
export async function startRegistryServer(options: RegistryServerOptions = {}): Promise<RunningRegistry> {
  const host = options.host ?? '127.0.0.1';
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  // Both are read before anything else, so that a bad file stops the start before the lock is taken.
  const tls = options.tls === undefined ? undefined : loadTls(options.tls);
  const authFile = options.authFile === undefined ? undefined : readAuthFile(options.authFile);
  try {
    makeDirectory(dataDir);
  } catch (e) {
    throw new SchemagateError(
      'REGISTRY_ERROR',
      `cannot use ${dataDir} as the registry data directory: ${(e as Error).message}`,
    );
  }
  const release = acquireLock(dataDir);
  let log: EventLog;
  const state = new RegistryState();
  const started = performance.now();
  let replay;
  try {
    replay = replayLog(dataDir, (e) => state.apply(e));
    log = await EventLog.open(dataDir);
  } catch (e) {
    release();
    throw e;
  }
  const millis = performance.now() - started;
  const service = new RegistryService(
    state,
    new SchemaEngine(),
    (events) => {
      for (const e of events) {
        log.append(e);
        state.apply(e);
      }
    },
    {
      shapes: options.shapes ?? '7',
      maxSchemaBytes: options.maxSchemaBytes ?? DEFAULT_MAX_SCHEMA_BYTES,
      rejectEmptySubject: options.rejectEmptySubject ?? false,
      referenceVersionsStrict: options.referenceVersionsStrict ?? false,
      ruleSets: options.ruleSets ?? 'keep',
    },
  );
  const router = buildRouter();
  const gate =
    authFile === undefined
      ? undefined
      : new Gate(authFile, (id) => state.spaceOf('').holders.get(id)?.map((v) => v.subject) ?? []);
  const listener = (req: IncomingMessage, res: ServerResponse): void =>
    handle(req, res, router, service, log, maxBody, gate);
  const server =
    tls === undefined
      ? createServer({ keepAliveTimeout: 30_000 }, listener)
      : createHttpsServer({ ...tls, keepAliveTimeout: 30_000 }, listener);
  if (tls?.requestCert === true && tls.rejectUnauthorized === false)
    server.on('secureConnection', refuseBadClientCertificate);
  const wanted = options.port ?? 8081;
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(wanted, host, () => {
        server.off('error', fail);
        ok();
      });
    });
  } catch (e) {
    await log.close();
    release();
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE'
        ? 'the port is in use (choose another with --port, or 0 for a free one)'
        : (e as Error).message;
    throw new SchemagateError('REGISTRY_ERROR', `cannot listen on ${host}:${wanted}: ${why}`);
  }
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `${tls === undefined ? 'http' : 'https'}://${shownHost}:${port}`,
    port,
    dataDir,
    startup: { events: replay.events, millis, tornBytes: replay.tornBytes },
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((ok) => server.close(() => ok()));
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1000).unref();
        await stopped;
        await log.close();
        release();
      })();
      return closing;
    },
  };
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const NO_QUERY = new URLSearchParams();

/** Reads stay synchronous from request to answer (the hot path); only bodies and fsyncs wait. */
function handle(
  req: IncomingMessage,
  res: ServerResponse,
  router: Router<Handler>,
  service: RegistryService,
  log: EventLog,
  maxBody: number,
  gate: Gate | undefined,
): void {
  const negotiated = negotiateResponseType(req.headers.accept);
  const contentType = negotiated ?? DEFAULT_RESPONSE_TYPE;
  const fail = (e: unknown): void => {
    if (!req.complete) req.resume();
    if (e instanceof RegistryHttpError && e.status === 401)
      res.setHeader('WWW-Authenticate', `Basic realm="${AUTH_REALM}"`);
    if (e instanceof RegistryHttpError) sendError(res, contentType, e);
    else sendError(res, contentType, RegistryErrors.internal(e instanceof Error ? e.message : String(e)));
  };
  try {
    if (negotiated === undefined) throw RegistryErrors.notAcceptable();
    if (gate === undefined) return route(undefined);
    const who = gate.authenticate(req);
    if (typeof who === 'string') return route(who);
    who.then(route).catch(fail);
  } catch (e) {
    fail(e);
  }

  /** `user` is who the gate let in (undefined without an auth file). */
  function route(user: string | undefined): void {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    let segments = pathSegments(q < 0 ? url : url.slice(0, q));
    let query = q < 0 ? NO_QUERY : new URLSearchParams(url.slice(q + 1));
    if (segments !== undefined && segments[0] === 'contexts' && segments.length > 1)
      ({ segments, query } = rewriteContextPath(segments, query));
    if (segments !== undefined && service.state.aliases.size > 0)
      ({ segments, query } = resolveAliases(segments, query, service.state.aliases));
    const match = segments === undefined ? undefined : router.match(req.method ?? 'GET', segments);
    if (match === undefined) throw RegistryErrors.notFound();
    if (match === 'method-not-allowed') throw RegistryErrors.methodNotAllowed();
    const filter: ReplyFilter | undefined =
      user === undefined ? undefined : gate?.authorize(user, req.method ?? 'GET', segments as string[]);
    const run = (body: string): void => {
      if (log.failed !== undefined) throw RegistryErrors.storeError(log.failed.message);
      const reply = match.handler({ params: match.params, query, body, service });
      const status = 'empty' in reply ? 204 : 200;
      const text =
        'raw' in reply
          ? reply.raw
          : 'empty' in reply
            ? ''
            : JSON.stringify(filter === undefined ? reply.json : filter(reply.json));
      // Nothing is answered before what it shows is on disk: a 200 survives a crash (group commit).
      if (log.isDurable(log.head)) sendJson(res, status, contentType, text);
      else {
        log.durable(log.head).then(
          () => sendJson(res, status, contentType, text),
          (failure: unknown) =>
            fail(RegistryErrors.storeError(failure instanceof Error ? failure.message : String(failure))),
        );
      }
    };
    if (!BODY_METHODS.has(req.method ?? '')) return run('');
    if (!acceptsRequestType(req.headers['content-type'])) throw RegistryErrors.unsupportedMediaType();
    readBody(req, maxBody).then((body) => {
      try {
        run(body);
      } catch (e) {
        fail(e);
      }
    }, fail);
  }
}
