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
import type { KafkaStoreOptions } from '../kafka-store/connection.js';
import { ClusterErrors, KafkaRegistryStore, type KafkaHealth } from '../kafka-store/store.js';
import {
  FORWARDED_HEADER,
  POSITION_HEADER,
  forwardToLeader,
  isWrite,
  sendForwarded,
} from '../kafka-store/forward.js';

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
  /**
   * Keep the state in a Kafka topic in Confluent's format instead of the data directory: several
   * nodes share it, one elected leader writes, the others forward writes to it.
   */
  kafka?: KafkaStoreOptions;
}

/** The store's side of a change: the file log, or the Kafka topic. */
type Journal = Pick<EventLog, 'head' | 'failed' | 'isDurable' | 'durable' | 'append' | 'close'>;

/** A node on Kafka, as the server's user sees it. */
export interface KafkaNode {
  topic: string;
  groupId: string;
  health(): KafkaHealth;
  /** Called once if the node stops serving (a write failed, e.g. fenced by a newer leader). */
  onFatal(listener: (e: Error) => void): void;
}

export interface RunningRegistry {
  /** `http://host:port` (`https://` with TLS), without a trailing slash. */
  url: string;
  port: number;
  dataDir: string;
  /** How start-up went: events replayed, time taken, bytes of a torn last line cut off. */
  startup: { events: number; millis: number; tornBytes: number };
  /** Present when the state is on Kafka (`options.kafka`). */
  kafka?: KafkaNode;
  close(): Promise<void>;
}

/**
 * Starts a Confluent-compatible Schema Registry on node:http: the state is replayed from the data
 * directory's log, and every change is on disk (fsync) before it is answered.
 */
export async function startRegistryServer(options: RegistryServerOptions = {}): Promise<RunningRegistry> {
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  // Both are read before anything else, so that a bad file stops the start before the lock is taken.
  const tls = options.tls === undefined ? undefined : loadTls(options.tls);
  const authFile = options.authFile === undefined ? undefined : readAuthFile(options.authFile);
  if (options.kafka !== undefined) return startOnKafka(options, options.kafka, tls, authFile);
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
  return listen(options, { state, log, tls, authFile }, async (running) => ({
    ...running,
    dataDir,
    startup: { events: replay.events, millis, tornBytes: replay.tornBytes },
    close: async () => {
      await running.close();
      release();
    },
  })).catch((e: unknown) => {
    release();
    throw e;
  });
}

/** The state in a Kafka topic: listen at once (health says not ready), replay, then join the election. */
async function startOnKafka(
  options: RegistryServerOptions,
  kafka: KafkaStoreOptions,
  tls: ReturnType<typeof loadTls> | undefined,
  authFile: ReturnType<typeof readAuthFile> | undefined,
): Promise<RunningRegistry> {
  const state = new RegistryState();
  const store = await KafkaRegistryStore.open(state, kafka);
  return listen(options, { state, log: store, tls, authFile, cluster: store }, async (running) => {
    try {
      const replay = await store.replay();
      await store.join(kafka.advertisedUrl ?? running.url);
      return {
        ...running,
        dataDir: '',
        startup: { events: replay.records, millis: replay.millis, tornBytes: 0 },
        kafka: {
          topic: store.topic,
          groupId: store.groupId,
          health: () => store.health(),
          onFatal: (listener) => store.onFatal(listener),
        },
      };
    } catch (e) {
      await running.close();
      throw e;
    }
  }).catch(async (e: unknown) => {
    await store.close();
    throw e;
  });
}

interface Storage {
  state: RegistryState;
  log: Journal;
  tls: ReturnType<typeof loadTls> | undefined;
  authFile: ReturnType<typeof readAuthFile> | undefined;
  cluster?: KafkaRegistryStore;
}

type Listening = Omit<RunningRegistry, 'dataDir' | 'startup'>;

/** The HTTP side, the same on either store; `ready` finishes the start once the port is open. */
async function listen(
  options: RegistryServerOptions,
  { state, log, tls, authFile, cluster }: Storage,
  ready: (running: Listening) => Promise<RunningRegistry>,
): Promise<RunningRegistry> {
  const host = options.host ?? '127.0.0.1';
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const service = new RegistryService(
    state,
    new SchemaEngine(),
    (events) => {
      cluster?.requireWriter();
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
      : new Gate(
          authFile,
          (id) =>
            state
              .spaceOf('')
              .holders.get(id)
              ?.map((v) => v.subject) ?? [],
        );
  const listener = (req: IncomingMessage, res: ServerResponse): void =>
    handle(req, res, { router, service, log, maxBody, gate, cluster });
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
  return ready({
    url: `${tls === undefined ? 'http' : 'https'}://${shownHost}:${port}`,
    port,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((ok) => server.close(() => ok()));
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1000).unref();
        await stopped;
        await log.close();
      })();
      return closing;
    },
  });
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const NO_QUERY = new URLSearchParams();

/** Reads stay synchronous from request to answer (the hot path); only bodies and fsyncs wait. */
interface HandlerContext {
  router: Router<Handler>;
  service: RegistryService;
  log: Journal;
  maxBody: number;
  gate: Gate | undefined;
  cluster: KafkaRegistryStore | undefined;
}

function handle(req: IncomingMessage, res: ServerResponse, ctx: HandlerContext): void {
  const { router, service, log, maxBody, gate, cluster } = ctx;
  if (req.url === '/_health' && (req.method === 'GET' || req.method === 'HEAD')) return health(res, cluster);
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
    const matched = match;
    const filter: ReplyFilter | undefined =
      user === undefined ? undefined : gate?.authorize(user, req.method ?? 'GET', segments as string[]);
    const method = req.method ?? 'GET';
    if (cluster !== undefined) {
      if (!cluster.ready)
        throw cluster.failed === undefined
          ? ClusterErrors.notReady()
          : RegistryErrors.storeError(cluster.failed.message);
      if (isWrite(method, segments as string[])) {
        const forwarded = req.headers[FORWARDED_HEADER] !== undefined;
        cluster
          .writeTarget(forwarded ? 5_000 : 15_000)
          .then(async (target) => {
            if (target === 'here') return local();
            // A forwarded write that finds no leader here fails rather than travel on.
            if (forwarded) throw ClusterErrors.unknownLeader();
            const body = BODY_METHODS.has(method) ? await readBody(req, maxBody) : undefined;
            const reply = await forwardToLeader(target.url, req, body);
            // Read-your-writes through this node too: answer once it has read what the leader wrote.
            if (reply.position !== undefined) await cluster.applied(reply.position);
            sendForwarded(res, reply);
          })
          .catch(fail);
        return;
      }
    }
    return local();

    function local(): void {
      if (!BODY_METHODS.has(method)) return run('');
      if (!acceptsRequestType(req.headers['content-type'])) throw RegistryErrors.unsupportedMediaType();
      readBody(req, maxBody).then((body) => {
        try {
          run(body);
        } catch (e) {
          fail(e);
        }
      }, fail);
    }

    function run(body: string): void {
      if (log.failed !== undefined) throw RegistryErrors.storeError(log.failed.message);
      const reply = matched.handler({ params: matched.params, query, body, service });
      const status = 'empty' in reply ? 204 : 200;
      const text =
        'raw' in reply
          ? reply.raw
          : 'empty' in reply
            ? ''
            : JSON.stringify(filter === undefined ? reply.json : filter(reply.json));
      const send = (): void => {
        if (cluster !== undefined) res.setHeader(POSITION_HEADER, String(cluster.position));
        sendJson(res, status, contentType, text);
      };
      // Nothing is answered before what it shows is on disk (or in the topic and read back by this
      // node): a 200 survives a crash (group commit).
      if (log.isDurable(log.head)) send();
      else {
        log
          .durable(log.head)
          .then(send, (failure: unknown) =>
            fail(RegistryErrors.storeError(failure instanceof Error ? failure.message : String(failure))),
          );
      }
    }
  }
}

/**
 * `GET /_health` (Karapace's path), for load balancers: 200 when the node serves, 503 while it
 * replays its topic or after it stopped; with its role and where the leader is.
 */
function health(res: ServerResponse, cluster: KafkaRegistryStore | undefined): void {
  const body =
    cluster === undefined
      ? { ready: true, store: 'file', role: 'leader' }
      : { store: 'kafka', topic: cluster.topic, groupId: cluster.groupId, ...cluster.health() };
  const text = JSON.stringify(body);
  res.writeHead(body.ready ? 200 : 503, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
