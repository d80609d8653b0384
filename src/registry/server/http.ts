import type { IncomingMessage, ServerResponse } from 'node:http';
import { RegistryErrors, RegistryHttpError } from './errors.js';

/** Headers on every response (§1; asserted by the registry's own tests). */
export const COMMON_HEADERS = {
  'X-XSS-Protection': '1; mode=block',
  'Cache-Control': 'no-cache, no-store, must-revalidate',
} as const;

/** Where a request body goes once read, or why it could not be. */
export interface BodySink {
  body(text: string): void;
  fail(e: unknown): void;
}

/**
 * Reads a request body up to `limit` bytes. A larger body gets a 413 error once it has been read to its
 * end and thrown away: closing a socket with unread bytes makes the kernel answer with a reset, which
 * the client sees instead of the 413 (a hard cap used to do exactly that above 8 MiB). Memory stays
 * bounded; time is bounded by node's `requestTimeout`. The sink hears once.
 */
export function readBody(req: IncomingMessage, limit: number, sink: BodySink): void {
  const declared = Number(req.headers['content-length']);
  let size = 0;
  let tooLarge = Number.isFinite(declared) && declared > limit;
  let done = false;
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    if (tooLarge) {
      chunks.length = 0;
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (done) return;
    done = true;
    if (tooLarge) sink.fail(RegistryErrors.tooLarge(limit));
    else
      sink.body(
        chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8'),
      );
  });
  req.on('error', (e) => {
    if (done) return;
    done = true;
    sink.fail(tooLarge ? RegistryErrors.tooLarge(limit) : e);
  });
  req.on('close', () => {
    if (done || !tooLarge) return;
    done = true;
    sink.fail(RegistryErrors.tooLarge(limit));
  });
}

export function sendJson(res: ServerResponse, status: number, contentType: string, body: string): void {
  // The flat array form skips node's per-call header object handling on the hot path.
  res.writeHead(status, [
    'X-XSS-Protection',
    COMMON_HEADERS['X-XSS-Protection'],
    'Cache-Control',
    COMMON_HEADERS['Cache-Control'],
    'Content-Type',
    contentType,
    'Content-Length',
    String(Buffer.byteLength(body)),
  ]);
  res.end(body);
}

export function sendError(res: ServerResponse, contentType: string, e: RegistryHttpError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (e.status === 413) res.setHeader('Connection', 'close');
  sendJson(res, e.status, contentType, JSON.stringify(e.body()));
}

/** `readBody` for a caller that awaits (a write forwarded to the leader: off the hot path). */
export function readBodyText(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => readBody(req, limit, { body: resolve, fail: reject }));
}
