import { RegistryErrors } from './errors.js';
import { CONTEXT_WILDCARD, normalizeContextName } from './qualified.js';

/** A subject segment that already names its context is left as it is. */
const hasContext = (s: string): boolean => s.startsWith(':.') || s.startsWith(CONTEXT_WILDCARD);

/**
 * `/contexts/{context}/…` is the rest of the path inside that context (the registry's ContextFilter):
 * the subject after `subjects` (or after a leading `config`/`mode`) gets the context written before
 * it; a bare `config`/`mode` becomes the context's own setting; `/schemas/ids/…` reads in the context
 * (`subject`), and the listings filter to it (`subjectPrefix`). `/contexts/{context}` alone is the
 * context itself (its DELETE). A context name holding a colon is a 400.
 */
export function rewriteContextPath(
  segments: readonly string[],
  query: URLSearchParams,
): { segments: string[]; query: URLSearchParams } {
  const raw = segments[1] ?? '';
  const context = normalizeContextName(raw);
  if (context === undefined) throw RegistryErrors.badRequest(`Context name '${raw}' cannot contain a colon`);
  const prefix = context === '.' ? '' : `:${context}:`;
  const rest = segments.slice(2);
  if (rest.length === 0) return { segments: prefix === '' ? [] : ['contexts', prefix], query };
  const out: string[] = [];
  let subjectNext = false;
  let rootConfigOrMode = false;
  rest.forEach((seg, i) => {
    if (subjectNext) {
      out.push(hasContext(seg) ? seg : prefix + seg);
      subjectNext = false;
      return;
    }
    const root = i === 0 && (seg === 'config' || seg === 'mode');
    if (seg === 'subjects' || seg === 'deks' || root) subjectNext = true;
    if (root) rootConfigOrMode = true;
    out.push(seg);
  });
  if (rootConfigOrMode && subjectNext && prefix !== '') out.push(prefix);
  const q = new URLSearchParams(query);
  const path = out.join('/');
  if (path.startsWith('schemas/ids')) {
    const subject = q.get('subject') ?? '';
    if (!hasContext(subject)) q.set('subject', prefix + subject);
  } else if (path === 'schemas' || path === 'subjects') {
    const prefixes = q.getAll('subjectPrefix');
    q.delete('subjectPrefix');
    for (const p of prefixes.length === 0 ? [''] : prefixes)
      q.append('subjectPrefix', hasContext(p) ? p : prefix + p);
  }
  return { segments: out, query: q };
}
