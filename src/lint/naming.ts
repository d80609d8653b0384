/** Name shapes the lint checks, as predicates. One-word lowercase names are camelCase and snake_case both. */
export const CASES = {
  camelCase: /^[a-z][a-zA-Z0-9]*$/,
  snake_case: /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/,
  PascalCase: /^[A-Z][a-zA-Z0-9]*$/,
} as const;

export type NameCase = keyof typeof CASES;

export function isInCase(name: string, nameCase: NameCase): boolean {
  return CASES[nameCase].test(name);
}

/** The Java package convention the registry's users follow when no pattern is configured. */
export const DEFAULT_NAMESPACE = '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$';

/** The first name of `names` that another earlier name equals when case is ignored, by index. */
export function caseClashes(names: readonly string[]): Array<{ index: number; other: string }> {
  const seen = new Map<string, string>();
  const out: Array<{ index: number; other: string }> = [];
  names.forEach((n, index) => {
    const key = n.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined && other !== n) out.push({ index, other });
    else if (other === undefined) seen.set(key, n);
  });
  return out;
}
