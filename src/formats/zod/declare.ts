import type { ZodSchemaLike } from './zod-view.js';

/** Marks a declaration across copies of schemagate (the CLI bundle and the library a model imports). */
export const DECLARATION = Symbol.for('schemagate.declaration');

export type GeneratedFormat = 'avro' | 'json';

interface Common<M extends ZodSchemaLike> {
  /** The zod v4 object model. */
  model: M;
  /** The Avro record name (PascalCase), and the JSON Schema title. */
  name: string;
  /** The Avro namespace. */
  namespace?: string;
  /** The record's doc (Avro) and description (JSON Schema); else the model's own `.describe()`. */
  doc?: string;
  /** `avro` (default) writes `.avsc`, `json` writes a draft 2020-12 JSON Schema `.json`. */
  format?: GeneratedFormat;
  /** The file under the schema root; by default it follows the project's naming (see `docs/code-first.md`). */
  file?: string;
  /** The JSON Schema `$id`; by default `<namespace>.<name>`. */
  id?: string;
}

export interface MessageOptions<M extends ZodSchemaLike> extends Common<M> {
  /** The topic the message is written to: the subject is `{topic}-value` (or `-key`). */
  topic: string;
  /** The message is the record key (`{topic}-key`) rather than the value. */
  key?: boolean;
  /** A subject that does not follow `{topic}-value`; it must agree with the project's naming rules. */
  subject?: string;
}

export type BaseOptions<M extends ZodSchemaLike> = Common<M>;

export interface MessageDeclaration<M extends ZodSchemaLike = ZodSchemaLike> extends Readonly<
  MessageOptions<M>
> {
  readonly [DECLARATION]: 'message';
  readonly key: boolean;
  readonly format: GeneratedFormat;
}

export interface BaseDeclaration<M extends ZodSchemaLike = ZodSchemaLike> extends Readonly<BaseOptions<M>> {
  readonly [DECLARATION]: 'base';
  readonly format: GeneratedFormat;
}

export type Declaration = MessageDeclaration | BaseDeclaration;

/**
 * Declares a message: a zod model and where its schema lives. `schemagate generate` writes one schema
 * file per declaration exported from the modules that `schemagate.yaml` lists under `generate:`.
 */
export function defineMessage<M extends ZodSchemaLike>(options: MessageOptions<M>): MessageDeclaration<M> {
  return Object.freeze({
    ...options,
    key: options.key === true,
    format: options.format ?? 'avro',
    [DECLARATION]: 'message' as const,
  });
}

/**
 * Declares a shared base type (an envelope several messages carry). It gets its own schema file, and the
 * messages that use its model refer to it by name, so `publish` registers it first.
 */
export function defineBase<M extends ZodSchemaLike>(options: BaseOptions<M>): BaseDeclaration<M> {
  return Object.freeze({ ...options, format: options.format ?? 'avro', [DECLARATION]: 'base' as const });
}

export function isDeclaration(value: unknown): value is Declaration {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { [DECLARATION]?: unknown })[DECLARATION];
  return kind === 'message' || kind === 'base';
}

/** The Avro full name of a declaration. */
export function fullNameOf(d: Pick<Declaration, 'name' | 'namespace'>): string {
  return d.namespace === undefined || d.namespace === '' ? d.name : `${d.namespace}.${d.name}`;
}
