// The git-native validator's library surface: configuration, subjects, history and the check.
export {
  loadConfig,
  loadConfigAt,
  parseConfig,
  resolveRegistryUrl,
  CONFIG_FILE,
  DEFAULT_CONFIG,
  type SchemagateConfig,
  type SubjectRule,
  type Naming,
  type LintConfig,
} from './config.js';
export { subjectSettings, isSchemaPath, SCHEMA_EXTENSIONS, type SubjectSettings } from './subjects.js';
export { matchesGlob } from './glob.js';
export { readFileHistories, type FileChange, type FileHistory, type RepoHistory } from './history.js';
export { readBlobs, repoRoot } from './git.js';
export { resolveBase, type BaseRef } from './workspace.js';
export {
  readSubjects,
  readHistory,
  changedSubjects,
  type SubjectInfo,
  type SubjectChange,
  type SubjectChangeKind,
  type ReadSubjectsOptions,
} from './read.js';
export { runCheck, type CheckOptions } from './check.js';
export type { SchemaVersion } from './versions.js';
export type { ResolvedReference } from './schema-file.js';
export { subjectLog, subjectDiff, type SubjectLog, type LogStep, type SubjectDiff } from './inspect.js';
export { initProject, hookScript, HOOK_MARKER, STARTER_CONFIG, type InitResult } from './init.js';
