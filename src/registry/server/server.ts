import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { SchemagateError } from '../../errors.js';
import { makeDirectory } from '../make-directory.js';
import { Gate } from './auth.js';
import { Exchange, type Journal, type Site } from './exchange.js';
import { MetadataEncoder, type MetadataSecrets } from './metadata-encoder.js';
import { readAuthFile } from './authfile.js';
import { SchemaEngine } from './engine.js';
import { buildRouter } from './handlers.js';
import { acquireLock } from './lock.js';
import { EventLog, replayLog } from './log.js';
import { RegistryService, type RuleSetPolicy } from './service.js';
import { RegistryState } from './state.js';
import { loadTls, refuseBadClientCertificate, type TlsFiles } from './tls.js';
import type { LogEvent } from './types.js';
import type { Shapes } from './views.js';
import type { KafkaStoreOptions } from '../kafka-store/connection.js';
import { KafkaRegistryStore, type KafkaHealth } from '../kafka-store/store.js';

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
  /**
   * Secrets that encrypt `sensitive` metadata values at rest, like `metadata.encoder.secret`. Default:
   * the environment's METADATA_ENCODER_SECRET and METADATA_ENCODER_OLD_SECRET (the registry's names).
   */
  metadataSecrets?: MetadataSecrets;
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
  let encoder: MetadataEncoder;
  const state = new RegistryState();
  const started = performance.now();
  let replay;
  try {
    encoder = MetadataEncoder.load(dataDir, options.metadataSecrets ?? secretsFromEnvironment());
    const opened = encoder;
    replay = replayLog(dataDir, (e) => state.apply(opened.decode(e)));
    log = await EventLog.open(dataDir);
  } catch (e) {
    release();
    throw e;
  }
  const millis = performance.now() - started;
  const atRest = (e: LogEvent): LogEvent => encoder.encode(e);
  return listen(options, { state, log, atRest, tls, authFile }, async (running) => ({
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
  /** How an event is written (sensitive metadata encrypted on the file log); as it is by default. */
  atRest?: (e: LogEvent) => LogEvent;
  tls: ReturnType<typeof loadTls> | undefined;
  authFile: ReturnType<typeof readAuthFile> | undefined;
  cluster?: KafkaRegistryStore;
}

type Listening = Omit<RunningRegistry, 'dataDir' | 'startup'>;

/** The HTTP side, the same on either store; `ready` finishes the start once the port is open. */
async function listen(
  options: RegistryServerOptions,
  { state, log, atRest = (e) => e, tls, authFile, cluster }: Storage,
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
        log.append(atRest(e));
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
  const site: Site = { router, service, log, maxBody, gate, cluster };
  const listener = (req: IncomingMessage, res: ServerResponse): void => new Exchange(req, res, site).start();
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

function secretsFromEnvironment(): MetadataSecrets {
  return {
    secret: process.env['METADATA_ENCODER_SECRET'],
    oldSecret: process.env['METADATA_ENCODER_OLD_SECRET'],
  };
}
