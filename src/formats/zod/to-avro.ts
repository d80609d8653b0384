import { fullNameOf, type Declaration } from './declare.js';
import { avroDefault } from './avro-default.js';
import { ModelMappingError, type MappingWarning } from './errors.js';
import {
  isZodSchema,
  checksOf,
  child,
  defOf,
  lineage,
  ownMeta,
  typeMeta,
  type ZodDef,
  type ZodSchemaLike,
} from './zod-view.js';

/** An Avro schema as JSON, with its keys in the order they are written. */
export type AvroJson = string | AvroJson[] | { [key: string]: AvroJson | unknown };

export interface AvroMapping {
  schema: AvroJson;
  /** Full names of the shared base types the schema refers to (their files must be registered first). */
  references: string[];
  warnings: MappingWarning[];
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Shapes zod can express that no Avro type carries faithfully. */
const UNMAPPABLE: Record<string, string> = {
  tuple: 'tuples have no Avro type (use an object with named fields)',
  intersection: 'intersections have no Avro type (merge the objects with .extend())',
  function: 'functions are not data',
  promise: 'promises are not data',
  transform: 'transforms change the type, so the schema cannot describe the value the model produces',
  pipe: 'pipes and transforms change the type, so the schema cannot describe the value the model produces',
  map: 'a JavaScript Map has no Avro type (use z.record(z.string(), T))',
  set: 'a JavaScript Set has no Avro type (use z.array(T))',
  any: 'any has no schema (name the type)',
  unknown: 'unknown has no schema (name the type)',
  never: 'never has no schema',
  undefined: 'undefined alone has no Avro type (use .optional())',
  void: 'void has no Avro type',
  symbol: 'symbols are not data',
  nan: 'NaN alone has no Avro type',
  template_literal: 'template literals have no Avro type',
  file: 'files have no Avro type (use bytes: z.instanceof(Uint8Array))',
  success: 'z.success has no Avro type',
};

class AvroMapper {
  readonly warnings: MappingWarning[] = [];
  readonly references = new Set<string>();
  /** Named types defined in this schema, by definition (to reuse) and by full name (to refuse clashes). */
  private readonly defined = new Map<ZodDef, string>();
  private readonly byName = new Map<string, ZodDef>();
  /** The JSON of each named type defined here, by full name, to check defaults against. */
  readonly named = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly model: string,
    private readonly namespace: string | undefined,
    private readonly bases: ReadonlyMap<ZodDef, string>,
  ) {}

  fail(path: string, problem: string): never {
    throw new ModelMappingError(this.model, path, problem);
  }

  warn(path: string, message: string): void {
    this.warnings.push({ model: this.model, path, message });
  }

  record(
    schema: ZodSchemaLike,
    path: string,
    name: string,
    doc: string | undefined,
    namespace?: string,
  ): AvroJson {
    const def = defOf(schema);
    const shape = def.shape as Record<string, ZodSchemaLike>;
    const out: Record<string, unknown> = { type: 'record', name };
    if (namespace !== undefined && namespace !== '') out.namespace = namespace;
    if (doc !== undefined) out.doc = doc;
    const full = this.claim(def, name, path);
    this.named.set(full, out);
    this.narrowings(def, path);
    out.fields = Object.keys(shape).map((key) =>
      this.field(key, shape[key] as ZodSchemaLike, join(path, key)),
    );
    return out;
  }

  /** Reserves a named type's full name for this definition; a second model with the same name is an error. */
  private claim(def: ZodDef, name: string, path: string): string {
    if (!NAME.test(name)) this.fail(path, `'${name}' is not a valid Avro name (letters, digits and _)`);
    const full = this.namespace === undefined || this.namespace === '' ? name : `${this.namespace}.${name}`;
    const other = this.byName.get(full);
    if (other !== undefined && other !== def)
      this.fail(
        path,
        `two different models are both named ${name}: give one another name with .meta({ id })`,
      );
    this.byName.set(full, def);
    this.defined.set(def, name);
    return full;
  }

  field(name: string, schema: ZodSchemaLike, path: string): Record<string, unknown> {
    if (!NAME.test(name)) this.fail(path, `'${name}' is not a valid Avro field name (letters, digits and _)`);
    let s = schema;
    let nullable = false;
    let fallback: { value: unknown } | undefined;
    let doc: string | undefined;
    for (;;) {
      doc ??= fieldDoc(s);
      const def = defOf(s);
      if (def.type === 'optional' || def.type === 'nullable') nullable = true;
      else if (def.type === 'default' || def.type === 'prefault') fallback ??= this.fixedDefault(def, path);
      else if (def.type !== 'readonly' && def.type !== 'nonoptional') break;
      s = child(def, 'innerType') ?? this.fail(path, `${def.type} without an inner type`);
    }
    let type = this.type(s, path, pascal(name));
    const out: Record<string, unknown> = { name, type };
    if (nullable) {
      const branches = Array.isArray(type) ? type.filter((b) => b !== 'null') : [type];
      const value = fallback?.value ?? null;
      type = value === null ? ['null', ...branches] : [...branches, 'null'];
      out.type = type;
      out.default = avroDefault(value, type, this.named, (p) => this.fail(path, p));
    } else if (fallback !== undefined) {
      out.default = avroDefault(fallback.value, type, this.named, (p) => this.fail(path, p));
    }
    if (doc !== undefined) out.doc = doc;
    return out;
  }

  /**
   * A `.default()` value. zod calls a default given as a function on every read: one that gives a new
   * value each time (`() => crypto.randomUUID()`) has no fixed Avro default, and would make the file
   * differ on every run.
   */
  private fixedDefault(def: ZodDef, path: string): { value: unknown } {
    const first = def.defaultValue;
    if (stable(first) !== stable(def.defaultValue))
      this.fail(path, 'the default is computed at run time (a function), so it has no fixed Avro default');
    return { value: first };
  }

  type(schema: ZodSchemaLike, path: string, hint: string): AvroJson {
    const def = defOf(schema);
    const base = this.bases.get(def);
    if (base !== undefined) {
      this.references.add(base);
      return base;
    }
    const known = this.defined.get(def);
    if (known !== undefined) return known;
    switch (def.type) {
      case 'string':
        return this.string(def, path);
      case 'number':
        return this.number(schema, def, path);
      case 'bigint':
        this.narrowings(def, path, ['bigint_format']);
        return 'long';
      case 'boolean':
        return 'boolean';
      case 'date':
        this.narrowings(def, path);
        return { type: 'long', logicalType: 'timestamp-millis' };
      case 'null':
        return 'null';
      case 'custom':
        return this.custom(def, path);
      case 'enum':
        return this.enumeration(schema, def, path, hint);
      case 'literal':
        return this.literal(def, path);
      case 'array':
        this.narrowings(def, path);
        return {
          type: 'array',
          items: this.type(
            child(def, 'element') ?? this.fail(path, 'array without items'),
            `${path}[]`,
            hint,
          ),
        };
      case 'record':
        return this.map(def, path, hint);
      case 'object': {
        const meta = typeMeta(schema);
        return this.record(schema, path, meta.id ?? hint, meta.description);
      }
      case 'union':
        return this.union(def, path, hint);
      case 'lazy': {
        const getter = def.getter as (() => unknown) | undefined;
        const inner = getter?.();
        return this.type(
          isZodSchema(inner) ? inner : this.fail(path, 'z.lazy() must return a zod schema'),
          path,
          hint,
        );
      }
      case 'optional':
      case 'nullable': {
        const inner = this.type(
          child(def, 'innerType') ?? this.fail(path, `${def.type} without an inner type`),
          path,
          hint,
        );
        return ['null', ...(Array.isArray(inner) ? inner.filter((b) => b !== 'null') : [inner])];
      }
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'nonoptional':
        return this.type(
          child(def, 'innerType') ?? this.fail(path, `${def.type} without an inner type`),
          path,
          hint,
        );
      case 'catch':
        this.warn(
          path,
          '.catch() fallback dropped: the schema describes the value, not how the model repairs it',
        );
        return this.type(
          child(def, 'innerType') ?? this.fail(path, 'catch without an inner type'),
          path,
          hint,
        );
      default:
        return this.fail(path, UNMAPPABLE[def.type] ?? `zod type '${def.type}' has no Avro mapping`);
    }
  }

  private string(def: ZodDef, path: string): AvroJson {
    const formats = [def.format, ...checksOf(def).map((c) => c.format)].filter((f) => f !== undefined);
    const uuid = formats.some((f) => f === 'uuid' || f === 'guid');
    this.narrowings(def, path, uuid ? ['string_format'] : []);
    if (!uuid && def.format !== undefined)
      this.warn(path, `string format '${String(def.format)}' dropped: Avro writes a plain string`);
    return uuid ? { type: 'string', logicalType: 'uuid' } : 'string';
  }

  private number(schema: ZodSchemaLike, def: ZodDef, path: string): AvroJson {
    const checks = checksOf(def);
    const formats = [def.format, ...checks.filter((c) => c.check === 'number_format').map((c) => c.format)];
    const integer = formats.some((f) => f === 'safeint' || f === 'int32' || f === 'uint32');
    this.narrowings(def, path, ['number_format', 'greater_than', 'less_than']);
    if (!integer) return formats.includes('float32') ? 'float' : 'double';
    const option = lineage(schema)
      .map((s) => ownMeta(s).avro?.type)
      .find((t) => t !== undefined);
    if (option !== undefined) return option;
    const { min, max } = bounds(checks, formats);
    return (max ?? 0) > INT_MAX || (min ?? 0) < INT_MIN ? 'long' : 'int';
  }

  private custom(def: ZodDef, path: string): AvroJson {
    const fn = def.fn as ((v: unknown) => unknown) | undefined;
    // z.instanceof(Uint8Array) keeps only its test: a test that accepts bytes and refuses a string is bytes.
    if (typeof fn === 'function' && fn(new Uint8Array(0)) === true && fn('') !== true) return 'bytes';
    return this.fail(
      path,
      'a custom type (z.custom, z.instanceof) has no Avro mapping except z.instanceof(Uint8Array) for bytes',
    );
  }

  private enumeration(schema: ZodSchemaLike, def: ZodDef, path: string, hint: string): AvroJson {
    const values = Object.values(def.entries as Record<string, unknown>);
    const bad = values.find((v) => typeof v !== 'string' || !NAME.test(v));
    if (bad !== undefined)
      this.fail(
        path,
        `enum value ${JSON.stringify(bad)} is not an Avro symbol (a name of letters, digits and _)`,
      );
    const meta = typeMeta(schema);
    const name = meta.id ?? hint;
    const out: Record<string, unknown> = { type: 'enum', name };
    const full = this.claim(def, name, path);
    if (meta.description !== undefined) out.doc = meta.description;
    out.symbols = values;
    const symbol = meta.avro?.default;
    if (symbol !== undefined) {
      if (!values.includes(symbol))
        this.fail(path, `the enum's default symbol '${symbol}' is not one of its symbols`);
      out.default = symbol;
    }
    this.named.set(full, out);
    return out;
  }

  private literal(def: ZodDef, path: string): AvroJson {
    const values = def.values as unknown[];
    const kinds = new Set(values.map((v) => (v === null ? 'null' : typeof v)));
    const [kind] = kinds;
    if (kinds.size !== 1) return this.fail(path, 'a literal of mixed kinds has no single Avro type');
    if (kind === 'string' || kind === 'boolean' || kind === 'null') return kind;
    if (kind === 'number')
      return values.every((v) => Number.isInteger(v) && (v as number) >= INT_MIN && (v as number) <= INT_MAX)
        ? 'int'
        : 'double';
    if (kind === 'bigint') return 'long';
    return this.fail(path, `a ${String(kind)} literal has no Avro type`);
  }

  private map(def: ZodDef, path: string, hint: string): AvroJson {
    const key = child(def, 'keyType');
    if (key === undefined || defOf(key).type !== 'string')
      this.fail(path, 'Avro map keys are strings: use z.record(z.string(), T)');
    this.narrowings(defOf(key), path);
    return {
      type: 'map',
      values: this.type(
        child(def, 'valueType') ?? this.fail(path, 'record without values'),
        `${path}{}`,
        hint,
      ),
    };
  }

  private union(def: ZodDef, path: string, hint: string): AvroJson {
    const options = (def.options as unknown[]).filter(isZodSchema);
    const discriminator = typeof def.discriminator === 'string' ? def.discriminator : undefined;
    const branches = new Map<string, AvroJson>();
    options.forEach((option, i) => {
      const tag = discriminator === undefined ? undefined : tagOf(option, discriminator);
      const t = this.type(option, path, tag === undefined ? `${hint}${i + 1}` : pascal(tag));
      for (const b of Array.isArray(t) ? t : [t]) {
        const key = branchKey(b);
        if (key === 'null' && branches.has(key)) continue;
        if (branches.has(key))
          this.fail(path, `two branches of the union are both Avro ${key}, which a union cannot hold twice`);
        branches.set(key, b);
      }
    });
    return [...branches.values()];
  }

  /** Checks that only narrow the values (lengths, bounds, patterns, refinements) are not in Avro: say so. */
  private narrowings(def: ZodDef, path: string, mapped: readonly string[] = []): void {
    for (const check of checksOf(def)) {
      const kind = String(check.check);
      if (mapped.includes(kind)) continue;
      this.warn(
        path,
        kind === 'custom'
          ? 'refinement dropped: Avro cannot check it'
          : kind === 'string_format'
            ? `string format '${String(check.format)}' dropped: Avro writes a plain string`
            : `check '${kind}' dropped: Avro cannot express it`,
      );
    }
  }
}

function bounds(checks: ZodDef[], formats: unknown[]): { min?: number; max?: number } {
  let min: number | undefined = formats.includes('int32')
    ? INT_MIN
    : formats.includes('uint32')
      ? 0
      : undefined;
  let max: number | undefined = formats.includes('int32')
    ? INT_MAX
    : formats.includes('uint32')
      ? 2 ** 32 - 1
      : undefined;
  for (const c of checks) {
    const v = typeof c.value === 'number' ? c.value : undefined;
    if (v === undefined) continue;
    if (c.check === 'greater_than') min = Math.max(min ?? -Infinity, v);
    if (c.check === 'less_than') max = Math.min(max ?? Infinity, v);
  }
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** A value's JSON text, with the types JSON lacks spelled out, to compare two reads of a default. */
function stable(v: unknown): string {
  return (
    JSON.stringify(v, (_, x: unknown) =>
      typeof x === 'bigint' ? `${x}n` : x instanceof Uint8Array ? [...x] : x,
    ) ?? 'undefined'
  );
}

/** The doc a field carries itself: a `.describe()` on the field, not the doc of the named type it uses. */
function fieldDoc(schema: ZodSchemaLike): string | undefined {
  for (const s of lineage(schema)) {
    const meta = ownMeta(s);
    if (meta.id !== undefined) return undefined;
    if (meta.description !== undefined) return meta.description;
  }
  return undefined;
}

/** What Avro tells union branches apart by: a named type's name, else the type (one array, one map, one string). */
function branchKey(b: AvroJson): string {
  if (typeof b === 'string' || Array.isArray(b)) return String(b);
  const named = typeof b.name === 'string' ? b.name : undefined;
  return named ?? String(b.type);
}

function tagOf(option: ZodSchemaLike, discriminator: string): string | undefined {
  const shape = defOf(option).shape as Record<string, ZodSchemaLike> | undefined;
  const tag = shape?.[discriminator];
  const values = tag === undefined ? undefined : (defOf(tag).values as unknown[] | undefined);
  const first = values?.[0];
  return typeof first === 'string' ? first : undefined;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** `task_status` → `TaskStatus`: the name of a nested record or enum that has no `.meta({ id })`. */
export function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== '')
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}

/**
 * The Avro schema of a declaration. `bases` maps the model definition of each shared base type to its
 * full name: a field using one is a reference by name, and the base's file is a reference of this one.
 */
export function declarationToAvro(
  decl: Declaration,
  bases: ReadonlyMap<ZodDef, string> = new Map(),
): AvroMapping {
  const full = fullNameOf(decl);
  const def = defOf(decl.model);
  if (def.type !== 'object')
    throw new ModelMappingError(full, '', `a message model must be z.object(...), not ${def.type}`);
  const others = new Map([...bases].filter(([d]) => d !== def));
  const mapper = new AvroMapper(full, decl.namespace, others);
  const doc = decl.doc ?? typeMeta(decl.model).description ?? fieldDoc(decl.model);
  const schema = mapper.record(decl.model, '', decl.name, doc, decl.namespace);
  return { schema, references: [...mapper.references].sort(), warnings: mapper.warnings };
}
