export const LEVELS = [
  'NONE',
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
] as const;

export type CompatibilityLevel = (typeof LEVELS)[number];

/** Which way data flows in one check: the reader schema reads data written with the writer schema. */
export type Direction = 'new-reads-old' | 'old-reads-new';

/** Case-insensitive, as the registry accepts them. `undefined` when the text names no level. */
export function parseLevel(text: string): CompatibilityLevel | undefined {
  const upper = text.trim().toUpperCase();
  return (LEVELS as readonly string[]).includes(upper) ? (upper as CompatibilityLevel) : undefined;
}

export function isTransitive(level: CompatibilityLevel): boolean {
  return level.endsWith('_TRANSITIVE');
}

/** The directions a level checks, in the order the registry reports them (old-reads-new first for FULL). */
export function directionsOf(level: CompatibilityLevel): Direction[] {
  if (level.startsWith('BACKWARD')) return ['new-reads-old'];
  if (level.startsWith('FORWARD')) return ['old-reads-new'];
  if (level.startsWith('FULL')) return ['old-reads-new', 'new-reads-old'];
  return [];
}
