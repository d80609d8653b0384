// The library surface: the CLI, the hook and the Action are thin shells over these calls.
export * from './errors.js';
export * from './compat/level.js';
export * from './compat/finding.js';
export * from './compat/check.js';
export * from './formats/format.js';
export {
  parseJson,
  positionOf,
  type JsonDocument,
  type JsonValue,
  type Position,
} from './formats/json/parse.js';
export * from './formats/avro/index.js';
export * from './formats/jsonschema/index.js';
export * from './registry/client/index.js';
export * from './repo/index.js';
export * from './report/index.js';
export {
  startRegistryServer,
  type RegistryServerOptions,
  type RunningRegistry,
} from './registry/server/index.js';
export * from './serde/index.js';
export * from './kafka/index.js';
export { publish, type PublishOptions, type PublishOutcome } from './registry/publish.js';
export { collectCandidates, type CollectOptions, type CollectedRepo } from './registry/repo-candidates.js';
export { registryStatus, type StatusReport, type SubjectDrift, type DriftKind } from './registry/status.js';
export {
  importRegistry,
  type ImportOptions,
  type ImportReport,
  type ImportedVersion,
} from './registry/import.js';
export { connectRegistry } from './registry/connect.js';
export {
  orderByReferences,
  planSubject,
  reportToJson as publishReportToJson,
  type PublishCandidate,
  type CandidateReference,
  type PlanStep,
  type PublishResult,
  type PublishReport,
} from './registry/plan/index.js';
export * from './formats/zod/index.js';
export { generateSchemas, type GenerateResult } from './codegen/generate.js';
export {
  planGeneration,
  type GeneratedFile,
  type GenerationPlan,
  type LoadedDeclaration,
} from './codegen/plan.js';
export {
  registerDeclarations,
  type RegisterDeclarationsOptions,
  type RegistrationReport,
  type RegistrationStatus,
  type SubjectRegistration,
} from './startup/register-declarations.js';
