import type { CompatibilityLevel } from '../../compat/level.js';
import { SchemagateError } from '../../errors.js';
import * as answers from './answers.js';
import { isRegistryError, REGISTRY_ERROR_CODES } from './errors.js';
import { parseTimeout } from './timeout.js';
import { RegistryTransport, type TransportOptions } from './transport.js';
import type {
  CompatibilityResult,
  RegisterResult,
  RegistryConfig,
  RegistryMode,
  SchemaInput,
  StoredSchema,
  SubjectVersion,
} from './types.js';

export * from './types.js';
export * from './errors.js';
export { maskUrl, type FetchLike } from './transport.js';
export { parseTimeout } from './timeout.js';

/** The client's options are its transport's: URL, credentials, timeout, retries, `fetch`. */
export type SchemaRegistryClientOptions = TransportOptions;

export type VersionRef = number | 'latest';

/**
 * A client for any Confluent-compatible schema registry (Confluent, Karapace, Redpanda, Apicurio ccompat,
 * `schemagate registry serve`).
 *
 * Retries: reads, lookups and compatibility checks are retried with backoff and jitter on 5xx, 429 and
 * network errors; so are PUTs of config and mode, which are idempotent. Register and deletes are retried
 * only on 429 and when the connection was refused, because a write whose answer was lost may have been
 * applied (and a second delete answers an error). Registration is idempotent in
 * the registry (registering a live schema again returns its id and version and writes nothing), so a caller
 * that wants more may look the schema up and register again; `publish` does exactly that.
 */
export class SchemaRegistryClient {
  private readonly http: RegistryTransport;
  private readonly byId = new Map<string, Promise<StoredSchema>>();

  constructor(options: SchemaRegistryClientOptions) {
    this.http = new RegistryTransport(options);
  }

  /**
   * From `SCHEMA_REGISTRY_URL`, `SCHEMA_REGISTRY_USER_INFO` (user:password), `SCHEMA_REGISTRY_TOKEN` and
   * `SCHEMA_REGISTRY_TIMEOUT` (seconds, or with an `ms`/`s` unit); `overrides` win.
   */
  static fromEnv(
    env: Readonly<Record<string, string | undefined>>,
    overrides: Partial<SchemaRegistryClientOptions> = {},
  ): SchemaRegistryClient {
    const url = overrides.url ?? env.SCHEMA_REGISTRY_URL;
    if (url === undefined || url === '') {
      throw new SchemagateError(
        'INVALID_ARGUMENT',
        'no registry URL: set SCHEMA_REGISTRY_URL or pass --registry',
      );
    }
    const userInfo = overrides.userInfo ?? nonEmpty(env.SCHEMA_REGISTRY_USER_INFO);
    const token = overrides.token ?? nonEmpty(env.SCHEMA_REGISTRY_TOKEN);
    const timeout = nonEmpty(env.SCHEMA_REGISTRY_TIMEOUT);
    const timeoutMs =
      overrides.timeoutMs ??
      (timeout === undefined ? undefined : parseTimeout(timeout, 'SCHEMA_REGISTRY_TIMEOUT'));
    return new SchemaRegistryClient({
      ...overrides,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      url,
      ...(userInfo === undefined ? {} : { userInfo }),
      ...(token === undefined ? {} : { token }),
    });
  }

  /** The registry's URL without credentials. */
  get url(): string {
    return this.http.baseUrl;
  }

  async register(
    subject: string,
    input: SchemaInput,
    options: { normalize?: boolean } = {},
  ): Promise<RegisterResult> {
    return this.http.request(
      {
        method: 'POST',
        path: `/subjects/${enc(subject)}/versions`,
        query: { normalize: options.normalize },
        body: wireInput(input),
        retry: 'write',
      },
      answers.registered,
    );
  }

  async lookup(
    subject: string,
    input: SchemaInput,
    options: { normalize?: boolean; deleted?: boolean } = {},
  ): Promise<SubjectVersion> {
    return this.http.request(
      {
        method: 'POST',
        path: `/subjects/${enc(subject)}`,
        query: { normalize: options.normalize, deleted: options.deleted },
        body: wireInput(input),
        retry: 'idempotent',
      },
      answers.subjectVersion,
    );
  }

  /** Cached per id (and subject): a schema id never changes its schema. Failures are not cached. */
  getSchemaById(id: number, options: { subject?: string } = {}): Promise<StoredSchema> {
    const key = `${id}\u0000${options.subject ?? ''}`;
    let pending = this.byId.get(key);
    if (pending === undefined) {
      pending = this.http.request(
        {
          method: 'GET',
          path: `/schemas/ids/${id}`,
          query: { subject: options.subject },
          retry: 'idempotent',
        },
        answers.storedSchema,
      );
      pending.catch(() => this.byId.delete(key));
      this.byId.set(key, pending);
    }
    return pending;
  }

  async getVersion(
    subject: string,
    version: VersionRef,
    options: { deleted?: boolean } = {},
  ): Promise<SubjectVersion> {
    return this.http.request(
      {
        method: 'GET',
        path: `/subjects/${enc(subject)}/versions/${version}`,
        query: { deleted: options.deleted },
        retry: 'idempotent',
      },
      answers.subjectVersion,
    );
  }

  getLatest(subject: string): Promise<SubjectVersion> {
    return this.getVersion(subject, 'latest');
  }

  listSubjects(options: { deleted?: boolean; subjectPrefix?: string } = {}): Promise<string[]> {
    return this.http.request(
      {
        method: 'GET',
        path: '/subjects',
        query: { deleted: options.deleted, subjectPrefix: options.subjectPrefix },
        retry: 'idempotent',
      },
      answers.strings,
    );
  }

  listVersions(subject: string, options: { deleted?: boolean } = {}): Promise<number[]> {
    return this.http.request(
      {
        method: 'GET',
        path: `/subjects/${enc(subject)}/versions`,
        query: { deleted: options.deleted },
        retry: 'idempotent',
      },
      answers.integers,
    );
  }

  /** Against one version, or (no `version`) against every version the level selects, as register would. */
  async testCompatibility(
    subject: string,
    input: SchemaInput,
    options: { version?: VersionRef; verbose?: boolean; normalize?: boolean } = {},
  ): Promise<CompatibilityResult> {
    const versionPath = options.version === undefined ? '' : `/${options.version}`;
    return this.http.request(
      {
        method: 'POST',
        path: `/compatibility/subjects/${enc(subject)}/versions${versionPath}`,
        query: { verbose: options.verbose ?? true, normalize: options.normalize },
        body: wireInput(input),
        retry: 'idempotent',
      },
      answers.compatibility,
    );
  }

  /**
   * The global config, or the subject's own config. `undefined` when the subject has no config of its
   * own (unless `defaultToGlobal`, which answers the effective level).
   */
  async getConfig(
    subject?: string,
    options: { defaultToGlobal?: boolean } = {},
  ): Promise<RegistryConfig | undefined> {
    try {
      const { level, normalize } = await this.http.request(
        {
          method: 'GET',
          path: subject === undefined ? '/config' : `/config/${enc(subject)}`,
          query: { defaultToGlobal: options.defaultToGlobal },
          retry: 'idempotent',
        },
        answers.config,
      );
      if (level === undefined) return undefined;
      return normalize === undefined
        ? { compatibilityLevel: level }
        : { compatibilityLevel: level, normalize };
    } catch (e) {
      // 40408 since 5.5; older registries said 40401 for "no subject-level config".
      if (
        subject !== undefined &&
        isRegistryError(e) &&
        (e.errorCode === REGISTRY_ERROR_CODES.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED ||
          e.errorCode === REGISTRY_ERROR_CODES.SUBJECT_NOT_FOUND)
      ) {
        return undefined;
      }
      throw e;
    }
  }

  async setConfig(
    level: CompatibilityLevel,
    subject?: string,
  ): Promise<{ compatibility: CompatibilityLevel }> {
    await this.http.request(
      {
        method: 'PUT',
        path: subject === undefined ? '/config' : `/config/${enc(subject)}`,
        body: { compatibility: level },
        // Setting a level is idempotent (PUT): a retry after a lost answer changes nothing more.
        retry: 'idempotent',
      },
      answers.anObject,
    );
    return { compatibility: level };
  }

  /** Removes the subject's own level (it then follows the global one); answers the level it had. */
  async deleteConfig(subject: string): Promise<RegistryConfig | undefined> {
    const { level } = await this.http.request(
      { method: 'DELETE', path: `/config/${enc(subject)}`, retry: 'write' },
      answers.config,
    );
    return level === undefined ? undefined : { compatibilityLevel: level };
  }

  /** The global mode, or the subject's own mode; `undefined` when the subject has none of its own. */
  async getMode(subject?: string): Promise<RegistryMode | undefined> {
    try {
      return await this.http.request(
        {
          method: 'GET',
          path: subject === undefined ? '/mode' : `/mode/${enc(subject)}`,
          retry: 'idempotent',
        },
        answers.modeAnswer,
      );
    } catch (e) {
      if (
        subject !== undefined &&
        isRegistryError(e) &&
        (e.errorCode === REGISTRY_ERROR_CODES.SUBJECT_LEVEL_MODE_NOT_CONFIGURED ||
          e.errorCode === REGISTRY_ERROR_CODES.SUBJECT_NOT_FOUND)
      ) {
        return undefined;
      }
      throw e;
    }
  }

  async setMode(
    mode: RegistryMode,
    subject?: string,
    options: { force?: boolean } = {},
  ): Promise<{ mode: RegistryMode }> {
    await this.http.request(
      {
        method: 'PUT',
        path: subject === undefined ? '/mode' : `/mode/${enc(subject)}`,
        query: { force: options.force },
        body: { mode },
        retry: 'idempotent',
      },
      answers.anObject,
    );
    return { mode };
  }

  /** Soft delete by default; `permanent` hard-deletes (the registry wants a soft delete first). Answers the versions deleted. */
  deleteSubject(subject: string, options: { permanent?: boolean } = {}): Promise<number[]> {
    return this.http.request(
      {
        method: 'DELETE',
        path: `/subjects/${enc(subject)}`,
        query: { permanent: options.permanent },
        retry: 'write',
      },
      answers.integers,
    );
  }

  deleteVersion(
    subject: string,
    version: VersionRef,
    options: { permanent?: boolean } = {},
  ): Promise<number> {
    return this.http.request(
      {
        method: 'DELETE',
        path: `/subjects/${enc(subject)}/versions/${version}`,
        query: { permanent: options.permanent },
        retry: 'write',
      },
      answers.oneInteger,
    );
  }

  /** Ids of the schemas whose references point at this subject-version. */
  referencedBy(subject: string, version: VersionRef): Promise<number[]> {
    return this.http.request(
      {
        method: 'GET',
        path: `/subjects/${enc(subject)}/versions/${version}/referencedby`,
        retry: 'idempotent',
      },
      answers.integers,
    );
  }

  /** Subjects and versions that hold a schema id. */
  getVersionsById(id: number): Promise<{ subject: string; version: number }[]> {
    return this.http.request(
      { method: 'GET', path: `/schemas/ids/${id}/versions`, retry: 'idempotent' },
      answers.subjectVersions,
    );
  }
}

/**
 * A subject as one path segment. `encodeURIComponent` leaves `.` alone, and URL parsing resolves a `.`
 * or `..` segment (`/subjects/../versions` is `/versions`), so those two are written with `%2E`.
 */
function enc(subject: string): string {
  return subject === '.' || subject === '..' ? subject.replace(/\./g, '%2E') : encodeURIComponent(subject);
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}

/** AVRO is the wire default: omit it, as the Java client does, so that old registries accept the body. */
function wireInput(input: SchemaInput): Record<string, unknown> {
  const body: Record<string, unknown> = { schema: input.schema };
  if (input.schemaType !== undefined && input.schemaType !== 'AVRO') body.schemaType = input.schemaType;
  if (input.references !== undefined && input.references.length > 0) body.references = input.references;
  return body;
}
