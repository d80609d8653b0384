import { isPrimitiveName } from './model.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Avro's name rule: `[A-Za-z_][A-Za-z0-9_]*`. */
export function isValidName(name: string): boolean {
  return NAME.test(name);
}

/** A namespace: dot-separated names, or empty (the null namespace). */
export function isValidNamespace(space: string): boolean {
  return space === '' || space.split('.').every(isValidName);
}

export interface QualifiedName {
  name: string;
  namespace: string | undefined;
  fullName: string;
}

/**
 * Resolves a name as Avro Java's `Schema.Name` does: a dotted name carries its own namespace; otherwise
 * the given (or enclosing) namespace applies. The empty namespace is the null namespace.
 */
export function qualify(name: string, space: string | undefined): QualifiedName {
  const dot = name.lastIndexOf('.');
  if (dot >= 0) {
    const ns = name.slice(0, dot);
    const simple = name.slice(dot + 1);
    return { name: simple, namespace: ns === '' ? undefined : ns, fullName: ns === '' ? simple : name };
  }
  const ns = space === undefined || space === '' ? undefined : space;
  return { name, namespace: ns, fullName: ns === undefined ? name : `${ns}.${name}` };
}

/**
 * Problems with a (possibly dotted) type name, or undefined when it is fine. A primitive's name can
 * name a type only inside a namespace (elsewhere every use of it would read as the primitive).
 */
export function nameProblem(written: string, namespace?: string): string | undefined {
  const parts = written.split('.');
  const simple = parts[parts.length - 1] ?? '';
  if (!isValidName(simple))
    return `'${written}' is not a valid Avro name (letters, digits and '_', not starting with a digit)`;
  if (parts.length > 1 && !parts.slice(0, -1).every(isValidName) && parts.slice(0, -1).join('.') !== '') {
    return `'${written}' has an invalid namespace part`;
  }
  if (parts.length === 1 && (namespace === undefined || namespace === '') && isPrimitiveName(simple))
    return `'${written}' is a primitive type name and cannot name a type`;
  return undefined;
}

/** Java's `Name.getQualified(defaultSpace)`: the short name when the namespace is the default one. */
export function qualifiedRelativeTo(
  fullName: string,
  namespace: string | undefined,
  defaultSpace: string | undefined,
): string {
  if (namespace !== undefined && namespace === defaultSpace) {
    const simple = fullName.slice(namespace.length + 1);
    // A short name that reads as a primitive would be misread, so Java writes it in full.
    return isPrimitiveName(simple) ? fullName : simple;
  }
  return fullName;
}
