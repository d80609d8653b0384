import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { SchemagateError } from '../../errors.js';
import { makeDirectory } from '../make-directory.js';
import { Gate } from './auth.js';
import { Exchange, type Site } from './exchange.js';
import { MetadataEncoder, type MetadataSecrets } from './metadata-encoder.js';
import { readAuthFile } from './authfile.js';
import { SchemaEngine } from './engine.js';
import { buildRouter } from './handlers.js';
import { acquireLock } from './lock.js';
import { EventLog, replayLog } from './log.js';
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
  const service = new RegistryService(
    state,
    new SchemaEngine(),
    (events) => {
      for (const e of events) {
        log.append(encoder.encode(e));
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
  const site: Site = { router, service, log, maxBody, gate };
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

function secretsFromEnvironment(): MetadataSecrets {
  return {
    secret: process.env['METADATA_ENCODER_SECRET'],
    oldSecret: process.env['METADATA_ENCODER_OLD_SECRET'],
  };
}
