/** Path segments of a request, decoded one by one so that an encoded `/` stays inside its segment. */
export function pathSegments(path: string): string[] | undefined {
  const parts = path.split('/');
  if (parts[0] === '') parts.shift();
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  try {
    return parts.map((p) => (p.includes('%') ? decodeURIComponent(p) : p));
  } catch {
    return undefined;
  }
}

export interface Match<H> {
  handler: H;
  params: Record<string, string>;
}

interface Route<H> {
  method: string;
  pattern: string[];
  handler: H;
}

/**
 * Method + path pattern (`/subjects/:subject/versions/:version`) → handler. Routes are bucketed by
 * segment count; a path that matches only under another method is a 405, no match at all a 404.
 */
export class Router<H> {
  private readonly buckets = new Map<number, Route<H>[]>();

  add(method: string, path: string, handler: H): this {
    const pattern = path.split('/').filter((p) => p !== '');
    let bucket = this.buckets.get(pattern.length);
    if (bucket === undefined) this.buckets.set(pattern.length, (bucket = []));
    bucket.push({ method, pattern, handler });
    return this;
  }

  match(method: string, segments: readonly string[]): Match<H> | 'method-not-allowed' | undefined {
    let pathMatched = false;
    for (const route of this.buckets.get(segments.length) ?? []) {
      const params = matchPattern(route.pattern, segments);
      if (params === undefined) continue;
      if (route.method === method) return { handler: route.handler, params };
      pathMatched = true;
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }
}

function matchPattern(
  pattern: readonly string[],
  segments: readonly string[],
): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const s = segments[i] as string;
    if (p.startsWith(':')) params[p.slice(1)] = s;
    else if (p !== s) return undefined;
  }
  return params;
}
