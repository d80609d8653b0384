/**
 * Errors a user can act on. Each has a stable `code`; the CLI prints `message` (with file, line and column
 * when known) and exits 2 without a stack trace unless `--debug`.
 */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_SCHEMA'
  | 'INVALID_JSON'
  | 'INVALID_CONFIG'
  | 'FILE_UNREADABLE'
  | 'NOT_UTF8'
  | 'GIT_ERROR'
  | 'HISTORY_MISSING'
  | 'NO_SCHEMA_FILES'
  | 'MERGE_CONFLICT'
  | 'REFERENCE_UNRESOLVED'
  | 'REFERENCE_CYCLE'
  | 'REGISTRY_ERROR'
  | 'REGISTRY_UNREACHABLE'
  | 'REGISTRY_BAD_ANSWER'
  | 'IMPORT_CONFLICT'
  | 'SERDE_ERROR'
  | 'KAFKA_ERROR'
  | 'LOCKED'
  | 'MODEL_UNMAPPABLE'
  | 'INTERNAL';

export interface SourceLocation {
  file?: string;
  line?: number;
  column?: number;
  /** JSON pointer into the document, when the problem is inside one. */
  pointer?: string;
}

export class SchemagateError extends Error {
  readonly code: ErrorCode;
  readonly location: SourceLocation;
  /** Process exit code the CLI uses for this error. */
  readonly exitCode: number;

  constructor(
    code: ErrorCode,
    message: string,
    location: SourceLocation = {},
    options?: { cause?: unknown; exitCode?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SchemagateError';
    this.code = code;
    this.location = location;
    this.exitCode = options?.exitCode ?? 2;
  }

  /** `file:line:col: message`, the form editors and CI logs link. */
  format(): string {
    const { file, line, column } = this.location;
    const where =
      file === undefined
        ? ''
        : `${file}${line === undefined ? '' : `:${line}${column === undefined ? '' : `:${column}`}`}: `;
    return `${where}${this.message}`;
  }

  toJSON(): {
    code: ErrorCode;
    message: string;
    file?: string;
    line?: number;
    column?: number;
    pointer?: string;
  } {
    return { code: this.code, message: this.message, ...this.location };
  }
}

export function isSchemagateError(e: unknown): e is SchemagateError {
  return e instanceof SchemagateError;
}
