// src/errors.ts
var SchemagateError = class extends Error {
  code;
  location;
  /** Process exit code the CLI uses for this error. */
  exitCode;
  constructor(code, message, location = {}, options) {
    super(message, options?.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "SchemagateError";
    this.code = code;
    this.location = location;
    this.exitCode = options?.exitCode ?? 2;
  }
  /** `file:line:col: message`, the form editors and CI logs link. */
  format() {
    const { file, line, column } = this.location;
    const where = file === void 0 ? "" : `${file}${line === void 0 ? "" : `:${line}${column === void 0 ? "" : `:${column}`}`}: `;
    return `${where}${this.message}`;
  }
  toJSON() {
    return { code: this.code, message: this.message, ...this.location };
  }
};
function isSchemagateError(e) {
  return e instanceof SchemagateError;
}

export {
  SchemagateError,
  isSchemagateError
};
