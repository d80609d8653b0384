import { posix } from 'node:path';
import type { CompatibilityLevel } from '../compat/level.js';
import type { FormatId } from '../formats/format.js';
import type { SchemagateConfig } from './config.js';
import { matchesGlob } from './glob.js';
import { isExamplePath } from '../examples/paths.js';

/** The schema root when the configuration names none. */
export const DEFAULT_ROOT = 'schemas';

/** The extensions schemagate reads under the schema root. */
export const SCHEMA_EXTENSIONS = ['.avsc', '.json', '.proto'] as const;

/** A schema file: under the root, with a schema extension, and not one of the examples (sample messages). */
export function isSchemaPath(
  path: string,
  config: Pick<SchemagateConfig, 'root'> & Partial<Pick<SchemagateConfig, 'examples'>>,
): boolean {
  const lower = path.toLowerCase();
  return (
    SCHEMA_EXTENSIONS.some((e) => lower.endsWith(e)) &&
    isUnderRoot(path, config.root) &&
    (config.examples === undefined || !isExamplePath(path, config.examples))
  );
}

export function isUnderRoot(path: string, root: string): boolean {
  return root === '.' || path === root || path.startsWith(`${root}/`);
}

/** What the configuration says about one schema file. */
export interface SubjectSettings {
  subject: string;
  level: CompatibilityLevel;
  /** Set when a rule forces the format; otherwise it is detected from the file. */
  format: FormatId | undefined;
}

/**
 * The subject of a file (path relative to the repository root, `/` separators). `naming: file` uses the
 * file name without extension; `naming: topic` turns `orders/value.avsc` into `orders-value` (folders
 * joined with `.` are the topic). Rules apply in order, a later match overriding an earlier one; a rule's
 * `match` is tried against the path from the repository root and from the schema root.
 */
export function subjectSettings(path: string, config: SchemagateConfig): SubjectSettings {
  const inRoot = config.root === '.' ? path : path.slice(config.root.length + 1);
  const ext = posix.extname(inRoot);
  const withoutExt = inRoot.slice(0, inRoot.length - ext.length);
  const name = posix.basename(withoutExt);
  const dir = posix.dirname(withoutExt) === '.' ? '' : posix.dirname(withoutExt);
  const topic = dir
    .split('/')
    .filter((s) => s !== '')
    .join('.');
  let subject = config.naming === 'topic' && topic !== '' ? `${topic}-${name}` : name;
  let level = config.compatibility;
  let format: FormatId | undefined;
  for (const rule of config.subjects) {
    if (!matchesGlob(path, rule.match) && !matchesGlob(inRoot, rule.match)) continue;
    if (rule.compatibility !== undefined) level = rule.compatibility;
    if (rule.format !== undefined) format = rule.format;
    if (rule.subject !== undefined) {
      subject = rule.subject.replace(/\{(name|topic|dir|path)\}/g, (_, k: string) =>
        k === 'name' ? name : k === 'topic' ? topic : k === 'dir' ? dir : withoutExt,
      );
    }
  }
  return { subject, level, format };
}

/**
 * The compatibility level alone, as `subjectSettings(path, config).level` gives it, without working out
 * the subject name: a check compares the levels of every file in two configurations.
 */
export function levelOf(path: string, config: SchemagateConfig): CompatibilityLevel {
  let level = config.compatibility;
  let inRoot: string | undefined;
  for (const rule of config.subjects) {
    if (rule.compatibility === undefined) continue;
    inRoot ??= config.root === '.' ? path : path.slice(config.root.length + 1);
    if (matchesGlob(path, rule.match) || matchesGlob(inRoot, rule.match)) level = rule.compatibility;
  }
  return level;
}

/**
 * Whether a file moved from `from` to `to` stays the same subject, and so keeps its history. A subject's
 * identity is its name: a move to another subject is the old subject's delete and a new subject.
 */
export function sameSubjectIn(config: SchemagateConfig): (from: string, to: string) => boolean {
  return (from, to) => subjectSettings(from, config).subject === subjectSettings(to, config).subject;
}
