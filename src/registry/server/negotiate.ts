/** The types the registry produces, with their server-side quality (§1). */
const PRODUCES: ReadonlyArray<readonly [string, number]> = [
  ['application/vnd.schemaregistry.v1+json', 1],
  ['application/vnd.schemaregistry+json', 0.9],
  ['application/json', 0.5],
];

export const DEFAULT_RESPONSE_TYPE = 'application/vnd.schemaregistry.v1+json';

const ACCEPTED_REQUEST_TYPES = new Set([
  'application/vnd.schemaregistry.v1+json',
  'application/vnd.schemaregistry+json',
  'application/json',
  'application/octet-stream',
]);

interface Range {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(header: string): Range[] {
  const out: Range[] = [];
  for (const part of header.split(',')) {
    const [media = '', ...params] = part.split(';').map((p) => p.trim());
    const [type = '', subtype = ''] = media.toLowerCase().split('/');
    if (type === '') continue;
    let q = 1;
    for (const p of params) {
      const [k, v] = p.split('=').map((x) => x.trim());
      if (k === 'q' && v !== undefined) q = Number.parseFloat(v);
    }
    out.push({ type, subtype: subtype === '' ? '*' : subtype, q: Number.isFinite(q) ? q : 0 });
  }
  return out;
}

/** The q a request gives one produced type: from its most specific matching range (RFC 9110 §12.5.1). */
function qualityOf(produced: string, ranges: readonly Range[]): number {
  const [type, subtype] = produced.split('/');
  let best = -1;
  let q = 0;
  for (const r of ranges) {
    const specificity =
      r.type === type && r.subtype === subtype
        ? 2
        : r.type === type && r.subtype === '*'
          ? 1
          : r.type === '*'
            ? 0
            : -1;
    if (specificity > best) {
      best = specificity;
      q = r.q;
    }
  }
  return q;
}

const cache = new Map<string, string | undefined>();

/** The response content type for an `Accept` header, or `undefined` when nothing it accepts is produced (406). */
export function negotiateResponseType(accept: string | undefined): string | undefined {
  if (accept === undefined || accept === '' || accept === '*/*') return DEFAULT_RESPONSE_TYPE;
  if (cache.has(accept)) return cache.get(accept);
  const ranges = parseAccept(accept);
  let chosen: string | undefined;
  let score = 0;
  for (const [type, qs] of PRODUCES) {
    const s = qualityOf(type, ranges) * qs;
    if (s > score) {
      score = s;
      chosen = type;
    }
  }
  if (cache.size > 1000) cache.clear();
  cache.set(accept, chosen);
  return chosen;
}

/** Whether a request body's `Content-Type` is one the registry reads as JSON; no header counts as JSON. */
export function acceptsRequestType(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType.trim() === '') return true;
  const media = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return ACCEPTED_REQUEST_TYPES.has(media);
}
