// Start-up registration (the seeds' registrator): an application that registers its schemas from code
// registers every declared model when it starts. Best effort: one subject's failure (an incompatible change,
// a mapping error) is reported and the others still register; the call never throws for one subject.
import { intendedSubject } from '../codegen/layout.js';
import { DECLARATION, fullNameOf, type BaseDeclaration, type Declaration } from '../formats/zod/declare.js';
import { declarationToAvro } from '../formats/zod/to-avro.js';
import { declarationToJsonSchema, jsonSchemaIdOf } from '../formats/zod/to-json-schema.js';
import { formatAvsc } from '../formats/zod/write-avsc.js';
import { defOf, type ZodDef } from '../formats/zod/zod-view.js';
import type { SerdeRegistry, SerdeSchema, SerdeSchemaReference } from '../serde/registry.js';

export interface RegisterDeclarationsOptions {
  /** The subject of a shared base; default its full name (`clubhouse.events.EventBase`). */
  baseSubject?: (base: BaseDeclaration) => string;
  /** Pass `normalize=true` to lookup and register. */
  normalize?: boolean;
}

export type RegistrationStatus = 'registered' | 'unchanged' | 'failed';

export interface SubjectRegistration {
  subject: string;
  /** The declaration's full name. */
  name: string;
  status: RegistrationStatus;
  id?: number;
  version?: number;
  /** Why it failed: the registry's message, a mapping error, or the base it depends on. */
  error?: string;
  cause?: unknown;
}

export interface RegistrationReport {
  registered: number;
  unchanged: number;
  failed: number;
  /** One entry per declaration, bases first, in the order they were registered. */
  subjects: SubjectRegistration[];
  /** The failed entries of `subjects`. */
  errors: SubjectRegistration[];
}

/**
 * Registers the schema of each declaration (the text `generate` writes) under its subject: shared bases
 * first, then the messages, with references to the versions the bases got. A schema the subject already
 * holds is `unchanged` (looked up, not registered again).
 */
export async function registerDeclarations(
  registry: SerdeRegistry,
  declarations: Iterable<Declaration>,
  options: RegisterDeclarationsOptions = {},
): Promise<RegistrationReport> {
  // Bases first (stable): a base others use is registered before any message, whatever the list's order.
  const all = [...new Set(declarations)].sort((a, b) => rank(a) - rank(b));
  const bases = all.filter((d): d is BaseDeclaration => d[DECLARATION] === 'base');
  const baseSubject = options.baseSubject ?? fullNameOf;
  const byName = new Map<string, { subject: string; done?: SubjectRegistration }>();
  const avroBases = new Map<ZodDef, string>();
  const jsonBases = new Map<ZodDef, string>();
  for (const b of bases) {
    avroBases.set(defOf(b.model), fullNameOf(b));
    jsonBases.set(defOf(b.model), jsonSchemaIdOf(b));
    byName.set(b.format === 'json' ? jsonSchemaIdOf(b) : fullNameOf(b), { subject: baseSubject(b) });
  }
  const pending = all.map((d) => ({
    d,
    subject: subjectOf(d, baseSubject),
    mapped: map(d, avroBases, jsonBases),
  }));
  const subjects: SubjectRegistration[] = [];
  // Each round registers what has every reference settled: bases (which may use other bases), then messages.
  while (pending.length > 0) {
    const ready = pending.filter((p) => p.mapped.references.every((r) => byName.get(r)?.done !== undefined));
    // A reference no declaration provides (or a cycle) cannot wait forever: the rest go now and fail.
    const round = ready.length > 0 ? ready : [...pending];
    for (const p of round) {
      pending.splice(pending.indexOf(p), 1);
      const result = await registerOne(registry, p.d, p.subject, p.mapped, byName, options);
      subjects.push(result);
      const entry = byName.get(p.d.format === 'json' ? jsonSchemaIdOf(p.d) : fullNameOf(p.d));
      if (p.d[DECLARATION] === 'base' && entry !== undefined) entry.done = result;
    }
  }
  const count = (s: RegistrationStatus) => subjects.filter((r) => r.status === s).length;
  return {
    registered: count('registered'),
    unchanged: count('unchanged'),
    failed: count('failed'),
    subjects,
    errors: subjects.filter((r) => r.status === 'failed'),
  };
}

interface Mapped {
  schema?: SerdeSchema;
  references: string[];
  error?: unknown;
}

function map(d: Declaration, avroBases: Map<ZodDef, string>, jsonBases: Map<ZodDef, string>): Mapped {
  try {
    if (d.format === 'json') {
      const m = declarationToJsonSchema(d, jsonBases);
      return {
        // The text `generate` writes, so code and git register the same schema.
        schema: { schema: `${JSON.stringify(m.schema, null, 2)}\n`, schemaType: 'JSON' },
        references: m.references,
      };
    }
    const m = declarationToAvro(d, avroBases);
    return { schema: { schema: formatAvsc(m.schema) }, references: m.references };
  } catch (error) {
    return { references: [], error };
  }
}

async function registerOne(
  registry: SerdeRegistry,
  d: Declaration,
  subject: string,
  mapped: Mapped,
  byName: ReadonlyMap<string, { subject: string; done?: SubjectRegistration }>,
  options: RegisterDeclarationsOptions,
): Promise<SubjectRegistration> {
  const name = fullNameOf(d);
  const failed = (error: string, cause?: unknown): SubjectRegistration => ({
    subject,
    name,
    status: 'failed',
    error,
    ...(cause === undefined ? {} : { cause }),
  });
  if (mapped.schema === undefined) return failed(messageOf(mapped.error), mapped.error);
  const references: SerdeSchemaReference[] = [];
  for (const ref of mapped.references) {
    const base = byName.get(ref);
    const done = base?.done;
    if (base === undefined || done === undefined)
      return failed(`refers to ${ref}, which no declaration gives`);
    if (done.version === undefined)
      return failed(`its base ${ref} (subject ${done.subject}) did not register`);
    references.push({ name: ref, subject: done.subject, version: done.version });
  }
  const input: SerdeSchema = { ...mapped.schema, ...(references.length > 0 ? { references } : {}) };
  const normalize = options.normalize === true ? { normalize: true } : {};
  try {
    const found = await registry.lookup(subject, input, normalize);
    return { subject, name, status: 'unchanged', id: found.id, version: found.version };
  } catch (error) {
    if (statusOf(error) !== 404) return failed(messageOf(error), error);
  }
  try {
    const { id } = await registry.register(subject, input, normalize);
    // Confluent answers only the id: the version (for references to this schema) comes from a lookup.
    const { version } = await registry.lookup(subject, input, normalize);
    return { subject, name, status: 'registered', id, version };
  } catch (error) {
    return failed(messageOf(error), error);
  }
}

const rank = (d: Declaration): number => (d[DECLARATION] === 'base' ? 0 : 1);

function subjectOf(d: Declaration, baseSubject: (b: BaseDeclaration) => string): string {
  return d[DECLARATION] === 'base' ? baseSubject(d) : intendedSubject(d)!;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
