import type { Finding } from './model.js';

const AGAINST = / \(against version (\d+), [0-9a-f]+; ([A-Z_]+)\)$/;

/** Ranges of version numbers: [1,2,3,5] → "1–3, 5". */
function ranges(versions: number[]): string {
  const sorted = [...new Set(versions)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * A transitive level reports the same problem once per earlier version; a terminal or a CI log shows it
 * once, naming the versions. The JSON contract keeps one finding per version.
 */
export function groupFindings(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, { first: Finding; versions: number[]; level: string; base: string }>();
  for (const f of findings) {
    const m = AGAINST.exec(f.message);
    if (m === null || f.version === null) {
      out.push(f);
      continue;
    }
    const base = f.message.slice(0, m.index);
    const key = `${f.file}\0${f.line}\0${f.column}\0${f.rule}\0${base}\0${f.direction ?? ''}`;
    const g = groups.get(key);
    if (g === undefined) {
      const entry = { first: f, versions: [f.version], level: m[2]!, base };
      groups.set(key, entry);
      out.push(f);
    } else g.versions.push(f.version);
  }
  return out.map((f) => {
    const m = AGAINST.exec(f.message);
    if (m === null) return f;
    const g = groups.get(
      `${f.file}\0${f.line}\0${f.column}\0${f.rule}\0${f.message.slice(0, m.index)}\0${f.direction ?? ''}`,
    );
    if (g === undefined || g.first !== f || g.versions.length < 2) return f;
    return { ...f, message: `${g.base} (against versions ${ranges(g.versions)}; ${g.level})` };
  });
}
