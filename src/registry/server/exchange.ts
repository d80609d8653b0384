import type { IncomingMessage, ServerResponse } from 'node:http';
import { AUTH_REALM, type Gate, type ReplyFilter } from './auth.js';
import { resolveAliases } from './aliases.js';
import { rewriteContextPath } from './context-paths.js';
import { RegistryErrors, RegistryHttpError } from './errors.js';
import type { Handler } from './handlers.js';
import { readBody, readBodyText, sendError, sendJson, type BodySink } from './http.js';
import type { EventLog } from './log.js';
import { acceptsRequestType, DEFAULT_RESPONSE_TYPE, negotiateResponseType } from './negotiate.js';
import { pathSegments, type Match, type Router } from './router.js';
import type { RegistryService } from './service.js';
import { health } from './health.js';
import { ClusterErrors, type KafkaRegistryStore } from '../kafka-store/store.js';
import {
  FORWARDED_HEADER,
  POSITION_HEADER,
  forwardToLeader,
  isWrite,
  sendForwarded,
} from '../kafka-store/forward.js';

/** What every request is handled with. */
export interface Site {
  router: Router<Handler>;
  service: RegistryService;
  log: Journal;
  maxBody: number;
  /** Absent without an auth file. */
  gate: Gate | undefined;
  /** Present when the state is in a Kafka topic shared with other nodes. */
  cluster: KafkaRegistryStore | undefined;
}

/** The store's side of a change: the file log, or the Kafka topic. */
export type Journal = Pick<EventLog, 'head' | 'failed' | 'isDurable' | 'durable' | 'append' | 'close'>;

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const NO_QUERY = new URLSearchParams();

/**
 * One request and its answer. Reads stay synchronous from request to answer (the hot path); only
 * bodies, password checks and fsyncs wait. The steps are methods rather than closures made for each
 * request, so a request allocates no functions of its own.
 */
export class Exchange implements BodySink {
  /** The response type the Accept header allows; undefined: none we serve (406). */
  private readonly negotiated: string | undefined;
  private readonly contentType: string;
  private match: Match<Handler> | undefined;
  private query = NO_QUERY;
  private filter: ReplyFilter | undefined;

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    private readonly site: Site,
  ) {
    this.negotiated = negotiateResponseType(req.headers.accept);
    this.contentType = this.negotiated ?? DEFAULT_RESPONSE_TYPE;
  }

  /** Handles the request: the gate (when there is one), the route, the body, the answer. */
  start(): void {
    const { req, site } = this;
    if (req.url === '/_health' && (req.method === 'GET' || req.method === 'HEAD'))
      return health(this.res, site.cluster);
    try {
      if (this.negotiated === undefined) throw RegistryErrors.notAcceptable();
      if (site.gate === undefined) return this.route(undefined);
      const who = site.gate.authenticate(req);
      if (typeof who === 'string') return this.route(who);
      who.then(
        (user) => this.admitted(user),
        (e: unknown) => this.fail(e),
      );
    } catch (e) {
      this.fail(e);
    }
  }

  fail(e: unknown): void {
    if (!this.req.complete) this.req.resume();
    if (e instanceof RegistryHttpError && e.status === 401)
      this.res.setHeader('WWW-Authenticate', `Basic realm="${AUTH_REALM}"`);
    if (e instanceof RegistryHttpError) sendError(this.res, this.contentType, e);
    else
      sendError(
        this.res,
        this.contentType,
        RegistryErrors.internal(e instanceof Error ? e.message : String(e)),
      );
  }

  /** The request body has been read. */
  body(text: string): void {
    try {
      this.run(text);
    } catch (e) {
      this.fail(e);
    }
  }

  /** The gate let `user` in after checking a password it had not seen (asynchronous). */
  private admitted(user: string): void {
    try {
      this.route(user);
    } catch (e) {
      this.fail(e);
    }
  }

  /** `user` is who the gate let in (undefined without an auth file). */
  private route(user: string | undefined): void {
    const { req, site } = this;
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    let segments = pathSegments(q < 0 ? url : url.slice(0, q));
    let query = q < 0 ? NO_QUERY : new URLSearchParams(url.slice(q + 1));
    if (segments !== undefined && segments[0] === 'contexts' && segments.length > 1)
      ({ segments, query } = rewriteContextPath(segments, query));
    if (segments !== undefined && site.service.state.aliases.size > 0)
      ({ segments, query } = resolveAliases(segments, query, site.service.state.aliases));
    const match = segments === undefined ? undefined : site.router.match(req.method ?? 'GET', segments);
    if (match === undefined) throw RegistryErrors.notFound();
    if (match === 'method-not-allowed') throw RegistryErrors.methodNotAllowed();
    this.match = match;
    this.query = query;
    this.filter =
      user === undefined ? undefined : site.gate?.authorize(user, req.method ?? 'GET', segments as string[]);
    const cluster = site.cluster;
    if (cluster !== undefined) {
      if (!cluster.ready)
        throw cluster.failed === undefined
          ? ClusterErrors.notReady()
          : RegistryErrors.storeError(cluster.failed.message);
      if (isWrite(req.method ?? 'GET', segments as string[])) return this.write(cluster);
    }
    this.local();
  }

  /** Handled on this node: read the body (if any), then run the handler. */
  private local(): void {
    const { req, site } = this;
    if (!BODY_METHODS.has(req.method ?? '')) return this.run('');
    if (!acceptsRequestType(req.headers['content-type'])) throw RegistryErrors.unsupportedMediaType();
    readBody(req, site.maxBody, this);
  }

  /** A write on Kafka: here when this node leads, else forwarded to the leader. */
  private write(cluster: KafkaRegistryStore): void {
    const { req } = this;
    const forwarded = req.headers[FORWARDED_HEADER] !== undefined;
    cluster
      .writeTarget(forwarded ? 5_000 : 15_000)
      .then(async (target) => {
        if (target === 'here') return this.local();
        // A forwarded write that finds no leader here fails rather than travel on.
        if (forwarded) throw ClusterErrors.unknownLeader();
        const body = BODY_METHODS.has(req.method ?? '')
          ? await readBodyText(req, this.site.maxBody)
          : undefined;
        const reply = await forwardToLeader(target.url, req, body);
        // Read-your-writes through this node too: answer once it has read what the leader wrote.
        if (reply.position !== undefined) await cluster.applied(reply.position);
        sendForwarded(this.res, reply);
      })
      .catch((e: unknown) => this.fail(e));
  }

  private run(body: string): void {
    const { log, service } = this.site;
    const match = this.match as Match<Handler>;
    if (log.failed !== undefined) throw RegistryErrors.storeError(log.failed.message);
    const reply = match.handler({ params: match.params, query: this.query, body, service });
    const status = 'empty' in reply ? 204 : 200;
    const text =
      'raw' in reply
        ? reply.raw
        : 'empty' in reply
          ? ''
          : JSON.stringify(this.filter === undefined ? reply.json : this.filter(reply.json));
    // Nothing is answered before what it shows is on disk (or in the topic and read back by this node):
    // a 200 survives a crash (group commit).
    if (log.isDurable(log.head)) this.send(status, text);
    else {
      log.durable(log.head).then(
        () => this.send(status, text),
        (failure: unknown) =>
          this.fail(RegistryErrors.storeError(failure instanceof Error ? failure.message : String(failure))),
      );
    }
  }

  private send(status: number, text: string): void {
    const cluster = this.site.cluster;
    if (cluster !== undefined) this.res.setHeader(POSITION_HEADER, String(cluster.position));
    sendJson(this.res, status, this.contentType, text);
  }
}
