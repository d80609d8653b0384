/**
 * Qualified subject names (`:.ctx:subject`), as the registry reads them: the context is what lies
 * between `:.` and the next `:`; no context means the default context `.`. Pure string work.
 */
export const DEFAULT_CONTEXT = '.';
/** The context whose config and mode sit above every other context's. */
export const GLOBAL_CONTEXT = '.__GLOBAL';
export const CONTEXT_WILDCARD = ':*:';

export interface QualifiedName {
  context: string;
  /** The subject within its context; '' when the name is a context alone (`:.ctx:`). */
  name: string;
}

export function parseSubject(subject: string): QualifiedName {
  if (!subject.startsWith(':.')) return { context: DEFAULT_CONTEXT, name: subject };
  const end = subject.indexOf(':', 2);
  if (end < 0) return { context: subject.slice(1), name: '' };
  return { context: subject.slice(1, end), name: subject.slice(end + 1) };
}

/** The context of a stored subject; the default context for a plain name. */
export function contextOf(subject: string): string {
  return subject.startsWith(':.') ? parseSubject(subject).context : DEFAULT_CONTEXT;
}

/** The registry's written form: the default context is left out, any other is `:ctx:` before the name. */
export function formatSubject(context: string, name: string): string {
  return context === DEFAULT_CONTEXT ? name : `:${context}:${name}`;
}

/** `:.:s` → `s`, `:.ctx` → `:.ctx:`: one spelling per subject. */
export function normalizeSubject(subject: string): string {
  if (!subject.startsWith(':.')) return subject;
  const q = parseSubject(subject);
  return formatSubject(q.context, q.name);
}

/** The key under which a context's own config and mode are kept (`:.ctx:`); undefined for the default context. */
export function contextKey(context: string): string | undefined {
  return context === DEFAULT_CONTEXT ? undefined : `:${context}:`;
}

/**
 * A context name as the `/contexts/{context}` paths take it (`.ctx`, `ctx`, `:.ctx:`) → `.ctx`;
 * undefined when it holds a colon inside, which the registry refuses.
 */
export function normalizeContextName(raw: string): string | undefined {
  let c = raw;
  if (c.startsWith(':')) c = c.slice(1);
  if (c.endsWith(':')) c = c.slice(0, -1);
  if (c.includes(':')) return undefined;
  return c.startsWith('.') ? c : `.${c}`;
}

/**
 * A reference's subject, read in the context of the schema that holds it: an unqualified name means
 * the parent's context (QualifiedSubject.qualifySubjectWithParent).
 */
export function qualifyWithParent(parentContext: string, refSubject: string): string {
  const q = parseSubject(refSubject);
  if (q.context !== DEFAULT_CONTEXT) return formatSubject(q.context, q.name);
  return formatSubject(parentContext, q.name);
}

/**
 * Whether a subject falls under a listing prefix, as the registry's key-range scan decides it:
 * `:*:rest` is every context; `:.ctx:rest` is that context; `:.ct` (unclosed) is every context whose
 * name starts so; a plain prefix is the default context only.
 */
export function matchesPrefix(subject: string, prefix: string): boolean {
  const s = parseSubject(subject);
  if (prefix.startsWith(CONTEXT_WILDCARD)) return s.name.startsWith(prefix.slice(CONTEXT_WILDCARD.length));
  if (prefix.startsWith(':.') && prefix.indexOf(':', 2) < 0) return s.context.startsWith(prefix.slice(1));
  const p = parseSubject(prefix);
  return s.context === p.context && s.name.startsWith(p.name);
}

/** The registry's order: by context, then by name within it (the default context `.` sorts first). */
export function compareSubjects(a: string, b: string): number {
  const qa = parseSubject(a);
  const qb = parseSubject(b);
  if (qa.context !== qb.context) return qa.context < qb.context ? -1 : 1;
  return qa.name < qb.name ? -1 : qa.name > qb.name ? 1 : 0;
}
