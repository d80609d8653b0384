import { isNamed, type AvroNamed, type AvroSchema, type AvroType } from '../formats/avro/model.js';
import { literal, propertyKey, typeName } from './ts-text.js';

/**
 * zod (v4) validators beside the types of `avroToTs`: `<Type>Schema: z.ZodType<Type>` for each named type
 * defined here (the annotation makes tsc prove that validator and type agree); named types are reached
 * through `z.lazy`, so declaration order and recursion do not matter. int and long are integers, fixed
 * checks its size. `names` maps each named type to its TypeScript name (as `avroToTs` chose it).
 */
export function avroToZod(schema: AvroSchema, nameOf: (t: AvroNamed) => string, rootName: string): string {
  const out: string[] = [];
  const declared = new Set<AvroNamed>();
  const z = (t: AvroType): string => {
    switch (t.kind) {
      case 'null':
        return 'z.null()';
      case 'boolean':
        return 'z.boolean()';
      case 'int':
      case 'long':
        return 'z.number().int()';
      case 'float':
      case 'double':
        return 'z.number()';
      case 'string':
        return 'z.string()';
      case 'bytes':
        return 'z.instanceof(Uint8Array)';
      case 'array':
        return `z.array(${z(t.items)})`;
      case 'map':
        return `z.record(z.string(), ${z(t.values)})`;
      case 'union': {
        const rest = t.branches.filter((b) => b.kind !== 'null');
        const inner = rest.length === 1 ? z(rest[0]!) : `z.union([${rest.map(z).join(', ')}])`;
        return rest.length < t.branches.length ? `${inner}.nullable()` : inner;
      }
      default:
        declare(t);
        return `z.lazy(() => ${nameOf(t)}Schema)`;
    }
  };
  const declare = (t: AvroNamed): void => {
    if (declared.has(t) || t.source > 0) return;
    declared.add(t);
    const name = nameOf(t);
    const describe = t.doc === undefined ? '' : `.describe(${literal(t.doc)})`;
    let body: string;
    if (t.kind === 'enum') body = `z.enum([${t.symbols.map(literal).join(', ')}])`;
    else if (t.kind === 'fixed')
      body = `z.instanceof(Uint8Array).refine((b) => b.length === ${t.size}, ${literal(`${t.fullName} has ${t.size} bytes`)})`;
    else {
      const index = out.length;
      out.push('');
      const fields = t.fields.map(
        (f) =>
          `  ${propertyKey(f.name)}: ${z(f.type)}${f.doc === undefined ? '' : `.describe(${literal(f.doc)})`},\n`,
      );
      out[index] =
        `export const ${name}Schema: z.ZodType<${name}> = z.object({\n${fields.join('')}})${describe};\n`;
      return;
    }
    out.push(`export const ${name}Schema: z.ZodType<${name}> = ${body}${describe};\n`);
  };
  const root = z(schema.root);
  if (!isNamed(schema.root))
    out.unshift(`export const ${typeName(rootName)}Schema: z.ZodType<${typeName(rootName)}> = ${root};\n`);
  return out.join('\n');
}
