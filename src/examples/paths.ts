import { posix } from 'node:path';
import { matchesGlob } from '../repo/glob.js';

/** Where the examples of a schema live: a glob with `{dir}` (the schema's folder) and `{name}` (its file name without extension). */
export const DEFAULT_EXAMPLES = '{dir}/examples/*.json';

/** Whether a path is an example file of some schema (so not a schema itself). */
export function isExamplePath(path: string, template: string): boolean {
  return matchesGlob(path, template.replace(/\{dir\}/g, '**').replace(/\{name\}/g, '*'));
}

/** The glob of the example files of one schema file (path from the repository root). */
export function examplesGlobOf(schemaPath: string, template: string): string {
  const dir = posix.dirname(schemaPath);
  const name = posix.basename(schemaPath, posix.extname(schemaPath));
  const escape = (s: string): string => s.replace(/[*?{},]/g, '?');
  return template.replace(/\{dir\}/g, escape(dir)).replace(/\{name\}/g, escape(name));
}

/** The examples among `paths` that belong to `schemaPath`. */
export function examplesOf(schemaPath: string, paths: Iterable<string>, template: string): string[] {
  const glob = examplesGlobOf(schemaPath, template);
  return [...paths].filter((p) => matchesGlob(p, glob)).sort();
}
