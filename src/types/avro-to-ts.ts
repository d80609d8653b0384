import { isNamed, type AvroNamed, type AvroSchema, type AvroType } from '../formats/avro/model.js';
import { arrayOf, jsDoc, literal, propertyKey, typeName } from './ts-text.js';

/** A generated module: its declarations and the names it imports from other generated modules. */
export interface TsModule {
  body: string;
  /** The TypeScript name of each named type, for the validators. */
  nameOf: (t: AvroNamed) => string;
  /** Imported type names by the schema file that defines them. */
  imports: Map<string, Set<string>>;
}

/**
 * TypeScript types of an Avro schema, as the decoded values look (avsc's default representation): every
 * named type defined here once, as an interface (record) or a union of string literals (enum); types
 * defined by a referenced file are imported from its module. long is `number` (avsc's default), bytes and
 * fixed are `Uint8Array`, logical types are their underlying type.
 */
export function avroToTs(schema: AvroSchema, referenceFiles: readonly string[], rootName: string): TsModule {
  const imports = new Map<string, Set<string>>();
  const names = new Map<AvroNamed, string>();
  const shortCount = new Map<string, number>();
  for (const t of schema.named.values()) shortCount.set(t.name, (shortCount.get(t.name) ?? 0) + 1);
  const nameOf = (t: AvroNamed): string => {
    let n = names.get(t);
    if (n === undefined) {
      n = (shortCount.get(t.name) ?? 0) > 1 ? typeName(t.fullName) : typeName(t.name);
      names.set(t, n);
    }
    return n;
  };
  const declarations: string[] = [];
  const declared = new Set<AvroNamed>();

  const ref = (t: AvroType): string => {
    switch (t.kind) {
      case 'null':
        return 'null';
      case 'boolean':
        return 'boolean';
      case 'int':
      case 'long':
      case 'float':
      case 'double':
        return 'number';
      case 'bytes':
      case 'fixed':
        if (t.kind === 'fixed') declare(t);
        return t.kind === 'fixed' ? nameOf(t) : 'Uint8Array';
      case 'string':
        return 'string';
      case 'array':
        return arrayOf(ref(t.items));
      case 'map':
        return `Record<string, ${ref(t.values)}>`;
      case 'union':
        return t.branches.map(ref).join(' | ');
      case 'record':
      case 'enum':
        declare(t);
        return nameOf(t);
    }
  };

  const declare = (t: AvroNamed): void => {
    if (declared.has(t)) return;
    declared.add(t);
    if (t.source > 0) {
      const file = referenceFiles[t.source - 1];
      if (file !== undefined) {
        const set = imports.get(file) ?? new Set<string>();
        set.add(nameOf(t));
        imports.set(file, set);
        return;
      }
    }
    const doc = jsDoc(
      t.doc === undefined ? `${t.fullName}` : `${t.doc}\n\nAvro ${t.kind} ${t.fullName}.`,
      '',
    );
    if (t.kind === 'enum') {
      declarations.push(`${doc}export type ${nameOf(t)} = ${t.symbols.map(literal).join(' | ')};\n`);
    } else if (t.kind === 'fixed') {
      declarations.push(`${doc}export type ${nameOf(t)} = Uint8Array; // ${t.size} bytes\n`);
    } else {
      const index = declarations.length;
      declarations.push(''); // keeps the record before the types it uses, in the order of the schema
      const fields = t.fields.map((f) => `${jsDoc(f.doc, '  ')}  ${propertyKey(f.name)}: ${ref(f.type)};\n`);
      declarations[index] = `${doc}export interface ${nameOf(t)} {\n${fields.join('')}}\n`;
    }
  };

  const root = ref(schema.root);
  if (!isNamed(schema.root)) declarations.unshift(`export type ${typeName(rootName)} = ${root};\n`);
  else if (schema.root.source > 0) declarations.unshift(`export type { ${root} };\n`);
  return { body: declarations.join('\n'), imports, nameOf };
}
