import { contextOf, matchesPrefix, normalizeSubject, qualifyWithParent } from './qualified.js';

/**
 * Subject aliases (`PUT /config/{alias} {"alias": "target"}`), as the registry's AliasFilter applies
 * them: the subject after `subjects` in any path, and `subject` on `/schemas/ids/…`, is replaced by the
 * target of its own config's alias (a global alias is not used). An unqualified target is in the
 * alias's context. `aliases` maps a subject to its config's alias.
 */
export function resolveAliases(
  segments: readonly string[],
  query: URLSearchParams,
  aliases: ReadonlyMap<string, string>,
): { segments: string[]; query: URLSearchParams } {
  const out = segments.map((seg, i) =>
    i > 0 && segments[i - 1] === 'subjects' ? targetOf(seg, aliases) : seg,
  );
  if (out[0] === 'schemas' && out[1] === 'ids') {
    const subject = query.get('subject');
    if (subject !== null && subject !== '') {
      const target = targetOf(subject, aliases);
      if (target !== subject) {
        const q = new URLSearchParams(query);
        q.set('subject', target);
        return { segments: out, query: q };
      }
    }
  }
  return { segments: out, query };
}

function targetOf(subject: string, aliases: ReadonlyMap<string, string>): string {
  const own = normalizeSubject(subject);
  const alias = aliases.get(own);
  return alias === undefined || alias === '' ? subject : qualifyWithParent(contextOf(own), alias);
}

/** For `GET /schemas?aliases=true`: each aliased subject → the aliases (within the prefix) that name it, sorted. */
export function aliasesByTarget(aliases: ReadonlyMap<string, string>, prefix: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [subject, alias] of aliases) {
    if (alias === '' || !matchesPrefix(subject, prefix)) continue;
    const target = qualifyWithParent(contextOf(subject), alias);
    const list = out.get(target);
    if (list === undefined) out.set(target, [subject]);
    else list.push(subject);
  }
  for (const list of out.values()) list.sort();
  return out;
}
