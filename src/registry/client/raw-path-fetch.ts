import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * Whether a request path has a segment that URL parsing would resolve away: `.` and `..`, also written
 * `%2E` and `%2E%2E` (the WHATWG URL standard, which `fetch` follows, decodes those before resolving).
 * A subject named `..` is such a segment, however it is encoded.
 */
export function hasDotSegment(path: string): boolean {
  return path.split(/[/?]/).some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}

/**
 * `fetch` for a path that must reach the server as written: node's http client sends the path it is
 * given, as Confluent's Java client does. Only the transport's few needs: method, headers, a string
 * body, an abort signal.
 */
export function fetchRawPath(baseUrl: string, pathAndQuery: string, init: RequestInit): Promise<Response> {
  const base = new URL(baseUrl);
  const send = base.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      {
        protocol: base.protocol,
        hostname: base.hostname.replace(/^\[|\]$/g, ''),
        port: base.port,
        method: init.method ?? 'GET',
        path: `${base.pathname.replace(/\/+$/, '')}${pathAndQuery}`,
        headers: init.headers as Record<string, string>,
        ...(init.signal === null || init.signal === undefined ? {} : { signal: init.signal }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        // Cut off mid-body (a timeout, a reset): the abort's reason says which.
        res.on('close', () => {
          if (!res.complete)
            reject(init.signal?.aborted === true ? init.signal.reason : new Error('ECONNRESET'));
        });
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const status = res.statusCode ?? 0;
          const nullBody = status === 204 || status === 205 || status === 304 || body.length === 0;
          resolve(new Response(nullBody ? null : body, { status, headers: toHeaders(res.headers) }));
        });
      },
    );
    req.on('error', reject);
    req.end(typeof init.body === 'string' ? init.body : undefined);
  });
}

function toHeaders(headers: IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.append(name, v);
  }
  return out;
}
