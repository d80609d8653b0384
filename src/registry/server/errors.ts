/**
 * An error the registry answers with: `{"error_code", "message"}`, HTTP status = the first three digits
 * of a five-digit code, or the code itself for the framework's plain HTTP codes (§1, §2).
 */
export class RegistryHttpError extends Error {
  readonly errorCode: number;
  readonly status: number;

  constructor(errorCode: number, message: string) {
    super(message);
    this.name = 'RegistryHttpError';
    this.errorCode = errorCode;
    this.status = errorCode >= 10000 ? Math.floor(errorCode / 100) : errorCode;
  }

  body(): { error_code: number; message: string } {
    return { error_code: this.errorCode, message: this.message };
  }
}

const err = (code: number, message: string): RegistryHttpError => new RegistryHttpError(code, message);

/** The registry's own errors, by name, with its message texts (sic where the registry is odd). */
export const RegistryErrors = {
  subjectNotFound: (s: string) => err(40401, `Subject '${s}' not found.`),
  versionNotFound: (v: number | string) => err(40402, `Version ${v} not found.`),
  schemaNotFound: (id?: number) =>
    err(40403, id === undefined ? 'Schema not found' : `Schema ${id} not found`),
  subjectSoftDeleted: (s: string) =>
    err(40404, `Subject '${s}' was soft deleted.Set permanent=true to delete permanently`),
  subjectNotSoftDeleted: (s: string) =>
    err(40405, `Subject '${s}' was not deleted first before being permanently deleted`),
  versionSoftDeleted: (s: string, v: number) =>
    err(40406, `Subject '${s}' Version ${v} was soft deleted.Set permanent=true to delete permanently`),
  versionNotSoftDeleted: (s: string, v: number) =>
    err(40407, `Subject '${s}' Version ${v} was not deleted first before being permanently deleted`),
  subjectConfigNotFound: (s: string) =>
    err(40408, `Subject '${s}' does not have subject-level compatibility configured`),
  subjectModeNotFound: (s: string) =>
    err(40409, `Subject '${s}' does not have subject-level mode configured`),
  incompatible: (s: string, messages: readonly string[], shapes: '7' | '8') =>
    err(
      shapes === '8' ? 40901 : 409,
      `Schema being registered is incompatible with an earlier schema for subject "${s}", details: [${messages.join(', ')}]`,
    ),
  invalidSchema: (message: string) => err(42201, message),
  invalidVersion: (v: string) =>
    err(
      42202,
      `The specified version '${v}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`,
    ),
  invalidCompatibility: () =>
    err(
      42203,
      'Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive',
    ),
  invalidMode: (message = 'Invalid mode. Valid values are READWRITE, READONLY, IMPORT and FORWARD.') =>
    err(42204, message),
  notPermitted: (message: string) => err(42205, message),
  referenceExists: (s: string, v: number) =>
    err(42206, `One or more references exist to the schema {subject=${s}, version=${v}}.`),
  invalidSubject: (s: string) => err(42208, `The specified subject '${s}' is not a valid.`),
  schemaTooLarge: () => err(42209, 'Register operation failed because schema is too large'),
  contextNotEmpty: (context: string) => err(42211, `The specified context '${context}' is not empty.`),
  invalidRuleSet: (message: string) => err(42210, message),
  badRequest: (message: string) => err(400, message),
  notFound: (message = 'HTTP 404 Not Found') => err(404, message),
  methodNotAllowed: () => err(405, 'HTTP 405 Method Not Allowed'),
  notAcceptable: () => err(406, 'HTTP 406 Not Acceptable'),
  tooLarge: (limit: number) => err(413, `Request body larger than ${limit} bytes`),
  unsupportedMediaType: () => err(415, 'HTTP 415 Unsupported Media Type'),
  unprocessable: (message: string) => err(422, message),
  storeError: (message: string) => err(50001, message),
  internal: (message: string) => err(500, message),
} as const;
