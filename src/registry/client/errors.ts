import { SchemagateError } from '../../errors.js';

/**
 * An answer from the registry that is not a success, or no answer at all. `status` is the HTTP status
 * (0 when the registry could not be reached) and `errorCode` the registry's `error_code` (50005 when the
 * body could not be read as the registry's error envelope, as the Java client does).
 */
export class RegistryError extends SchemagateError {
  readonly status: number;
  readonly errorCode: number;

  constructor(
    message: string,
    status: number,
    errorCode: number,
    options?: { cause?: unknown; code?: 'REGISTRY_BAD_ANSWER' },
  ) {
    super(options?.code ?? (status === 0 ? 'REGISTRY_UNREACHABLE' : 'REGISTRY_ERROR'), message, {}, options);
    this.name = 'RegistryError';
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The registry refused the schema as incompatible: keyed on HTTP 409 (error_code 409 before 8.0, 40901 after). */
  get isIncompatible(): boolean {
    return this.status === 409;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/**
 * A success status whose body is not what the endpoint answers: another content type (a login page, a
 * proxy's HTML), a body that is not JSON, or JSON of the wrong shape. Code `REGISTRY_BAD_ANSWER`; never
 * retried, because asking the same server again gets the same page.
 */
export class RegistryAnswerError extends RegistryError {
  /** The URL asked, without credentials or query. */
  readonly url: string;
  /** The answer's `Content-Type`, `''` when it had none. */
  readonly contentType: string;

  constructor(message: string, status: number, url: string, contentType: string) {
    super(message, status, REGISTRY_ERROR_CODES.UNPARSEABLE_ERROR_RESPONSE, { code: 'REGISTRY_BAD_ANSWER' });
    this.name = 'RegistryAnswerError';
    this.url = url;
    this.contentType = contentType;
  }

  /** Whatever its status, this answer did not come from the registry: it says nothing about the schema. */
  override get isIncompatible(): boolean {
    return false;
  }

  override get isNotFound(): boolean {
    return false;
  }
}

export function isRegistryError(e: unknown): e is RegistryError {
  return e instanceof RegistryError;
}

/** Registry error codes a caller branches on. */
export const REGISTRY_ERROR_CODES = {
  SUBJECT_NOT_FOUND: 40401,
  VERSION_NOT_FOUND: 40402,
  SCHEMA_NOT_FOUND: 40403,
  SUBJECT_SOFT_DELETED: 40404,
  SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED: 40408,
  SUBJECT_LEVEL_MODE_NOT_CONFIGURED: 40409,
  INCOMPATIBLE: 409,
  INVALID_SCHEMA: 42201,
  INVALID_VERSION: 42202,
  INVALID_COMPATIBILITY_LEVEL: 42203,
  INVALID_MODE: 42204,
  OPERATION_NOT_PERMITTED: 42205,
  REFERENCE_EXISTS: 42206,
  UNPARSEABLE_ERROR_RESPONSE: 50005,
} as const;
