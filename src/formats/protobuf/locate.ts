import type { SourcePosition } from '../format.js';
import type { ProtoFile, SourcePos, TypeElement } from './model.js';

/**
 * The position of a registry path (`#/Outer/Inner/oneof/3`, or the same without `#`) in a file:
 * of the field, enum value, oneof or type it names, or of its nearest ancestor that exists there.
 */
export function locatePath(file: ProtoFile, path: string): SourcePosition {
  const segments = path
    .replace(/^#?\/?/, '')
    .split('/')
    .filter((s) => s !== '');
  let best: SourcePos = file.packagePos ?? { line: 1, column: 1 };
  let types: TypeElement[] = file.types;
  let current: TypeElement | undefined;
  for (const segment of segments) {
    const nested = types.find((t) => t.name === segment);
    if (nested !== undefined) {
      current = nested;
      best = nested.pos;
      types = nested.kind === 'message' ? nested.nestedTypes : [];
      continue;
    }
    if (current === undefined) return best;
    const tag = /^-?\d+$/.test(segment) ? Number(segment) : undefined;
    if (current.kind === 'enum') {
      const c = tag === undefined ? undefined : current.constants.find((x) => x.tag === tag);
      return c?.pos ?? best;
    }
    const oneOf = current.oneOfs.find((o) => o.name === segment);
    if (oneOf !== undefined) {
      best = oneOf.pos;
      continue;
    }
    const field =
      tag === undefined
        ? undefined
        : [...current.fields, ...current.oneOfs.flatMap((o) => o.fields)].find((f) => f.tag === tag);
    return field?.pos ?? best;
  }
  return best;
}
