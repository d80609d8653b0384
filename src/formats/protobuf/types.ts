import { type FieldElement, type OptionElement, type ProtoFile, type TypeElement } from './model.js';

/** A message or enum declared somewhere a schema can see: in itself, a reference or a known file. */
export interface TypeInfo {
  packageName: string;
  /** The file it comes from: '' for the schema itself, the reference name otherwise. */
  source: string;
  type: TypeElement;
  /** A synthetic `map_entry` message (only descriptor-derived schemas have them). */
  mapType?: string;
}

export interface ExtendFieldInfo {
  packageName: string;
  field: FieldElement;
}

/** The files one schema sees: its own text and its references, parsed (the known files aside). */
export interface ProtoFileSet {
  main: ProtoFile;
  /** Reference name → parsed file. */
  dependencies: ReadonlyMap<string, ProtoFile>;
}

function isMapEntry(options: OptionElement[]): boolean {
  return options.some(
    (o) => o.name === 'map_entry' && !o.parenthesized && 'value' in o.value && o.value.value === 'true',
  );
}

/**
 * Every type and extension field of a file set by full name (no leading dot). The known files are
 * the same for every schema, so their entries sit in a shared base index, looked at second.
 */
export class TypeIndex {
  private readonly types = new Map<string, TypeInfo>();
  private readonly extendFields = new Map<string, ExtendFieldInfo>();
  readonly packageName: string;

  constructor(
    files: ProtoFileSet,
    private readonly base?: TypeIndex,
  ) {
    for (const [name, file] of files.dependencies) this.collect(file, name);
    this.collect(files.main, '');
    this.packageName = files.main.packageName ?? '';
  }

  type(fullName: string): TypeInfo | undefined {
    return this.types.get(fullName) ?? this.base?.type(fullName);
  }

  extendField(fullName: string): ExtendFieldInfo | undefined {
    return this.extendFields.get(fullName) ?? this.base?.extendField(fullName);
  }

  private collect(file: ProtoFile, source: string): void {
    const pkg = file.packageName ?? '';
    const prefix = (path: string[]): string => (pkg === '' ? path.join('.') : `${pkg}.${path.join('.')}`);
    const extend = (path: string[], fields: { fields: FieldElement[] }[]): void => {
      for (const x of fields)
        for (const f of x.fields)
          this.extendFields.set(prefix([...path, f.name]), { packageName: pkg, field: f });
    };
    const walk = (types: TypeElement[], path: string[]): void => {
      for (const t of types) {
        const here = [...path, t.name];
        const info: TypeInfo = { packageName: pkg, source, type: t };
        if (t.kind === 'message') {
          extend(here, t.extendDeclarations);
          if (isMapEntry(t.options)) {
            const key = t.fields.find((f) => f.name === 'key');
            const value = t.fields.find((f) => f.name === 'value');
            if (key !== undefined && value !== undefined) info.mapType = `map<${key.type}, ${value.type}>`;
          }
        }
        this.types.set(prefix(here), info);
        if (t.kind === 'message') walk(t.nestedTypes, here);
      }
    };
    extend([], file.extendDeclarations);
    walk(file.types, []);
  }
}

/**
 * Resolves a type name as written, from the scope `scope` (the enclosing message names), the way
 * protoc and the registry do: a leading dot is absolute; otherwise the innermost enclosing scope
 * (package parts, then message names) that declares it wins.
 */
export function resolveName<T>(
  lookup: (fullName: string) => T | undefined,
  packageName: string,
  scope: readonly string[],
  name: string,
): string | undefined {
  if (name.startsWith('.')) {
    const n = name.slice(1);
    return lookup(n) === undefined ? undefined : n;
  }
  const prefix = [...(packageName === '' ? [] : packageName.split('.')), ...scope];
  while (prefix.length > 0) {
    const n = `${prefix.join('.')}.${name}`;
    if (lookup(n) !== undefined) return n;
    prefix.pop();
  }
  return lookup(name) === undefined ? undefined : name;
}
