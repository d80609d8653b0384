import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/serde/errors.ts
var SerdeError = class extends SchemagateError {
  reason;
  topic;
  partition;
  offset;
  role;
  schemaId;
  subject;
  /** True when the same message may succeed later (the registry was unreachable or failed with 5xx). */
  retryable;
  constructor(reason, message, context = {}, details = {}) {
    super(
      "SERDE_ERROR",
      `${message}${describeContext(context)}`,
      {},
      details.cause === void 0 ? {} : { cause: details.cause }
    );
    this.name = "SerdeError";
    this.reason = reason;
    this.topic = context.topic;
    this.partition = context.partition;
    this.offset = context.offset === void 0 ? void 0 : String(context.offset);
    this.role = context.role;
    this.schemaId = details.schemaId;
    this.subject = details.subject;
    this.retryable = details.retryable ?? false;
  }
};
function describeContext(context) {
  const parts = [];
  if (context.topic !== void 0) parts.push(`topic ${context.topic}`);
  if (context.partition !== void 0) parts.push(`partition ${context.partition}`);
  if (context.offset !== void 0) parts.push(`offset ${String(context.offset)}`);
  if (context.role !== void 0 && parts.length > 0) parts.push(context.role);
  return parts.length === 0 ? "" : ` (${parts.join(", ")})`;
}

export {
  SerdeError
};
