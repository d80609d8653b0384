import type { IncomingMessage, ServerResponse } from 'node:http';
import { ClusterErrors } from './store.js';

/** The header that carries the leader's read position back to the node that forwarded a write. */
export const POSITION_HEADER = 'x-schemagate-position';
/** Marks a forwarded request: a node that gets one never forwards it again. */
export const FORWARDED_HEADER = 'x-schemagate-forwarded';

const PASSED_HEADERS = ['content-type', 'accept', 'authorization'] as const;

export interface ForwardedReply {
  status: number;
  contentType: string;
  body: string;
  /** The leader's read position once the write was answered; undefined from an older leader. */
  position: number | undefined;
}

/** Sends a write to the leader, as Confluent's followers do, and returns its answer as it came. */
export async function forwardToLeader(
  leaderUrl: string,
  req: IncomingMessage,
  body: string | undefined,
): Promise<ForwardedReply> {
  const headers: Record<string, string> = { [FORWARDED_HEADER]: '1' };
  for (const h of PASSED_HEADERS) {
    const v = req.headers[h];
    if (typeof v === 'string') headers[h] = v;
  }
  let res: Response;
  try {
    res = await fetch(`${leaderUrl}${req.url ?? '/'}`, {
      method: req.method ?? 'POST',
      headers,
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (e) {
    const cause = (e as { cause?: { message?: string } }).cause?.message;
    throw ClusterErrors.forwardFailed(`${leaderUrl}: ${cause ?? (e as Error).message}`);
  }
  const text = await res.text();
  const position = Number(res.headers.get(POSITION_HEADER) ?? Number.NaN);
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? 'application/vnd.schemaregistry.v1+json',
    body: text,
    position: Number.isInteger(position) ? position : undefined,
  };
}

export function sendForwarded(res: ServerResponse, reply: ForwardedReply): void {
  res.writeHead(reply.status, {
    'Content-Type': reply.contentType,
    'Content-Length': Buffer.byteLength(reply.body),
  });
  res.end(reply.body);
}

/**
 * Whether a request changes the registry (and so goes to the leader). Compatibility checks and the
 * lookup `POST /subjects/{s}` only read; every other POST, PUT and DELETE writes.
 */
export function isWrite(method: string, segments: readonly string[]): boolean {
  if (method !== 'POST' && method !== 'PUT' && method !== 'DELETE') return false;
  if (segments[0] === 'compatibility') return false;
  if (method === 'POST' && segments[0] === 'subjects' && segments.length === 2) return false;
  return true;
}
