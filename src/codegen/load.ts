import { existsSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SchemagateError } from '../errors.js';
import { isDeclaration } from '../formats/zod/declare.js';
import type { LoadedDeclaration } from './plan.js';

const TYPESCRIPT = new Set(['.ts', '.mts', '.cts', '.tsx']);
const JAVASCRIPT = new Set(['.js', '.mjs', '.cjs']);

/**
 * Imports each model module (relative to `repoRoot`) and collects the declarations it exports.
 * TypeScript is transpiled by esbuild (a schemagate dependency, a prebuilt binary): the module and the
 * relative files it imports are bundled into one temporary ESM file beside it, with packages left as
 * imports, so `zod` and `schemagate` resolve from the user's own node_modules as they would at run
 * time. The temporary file is removed once imported. This works on every Node 20, which neither strips
 * types nor (before 20.6) lets a loader be registered from inside a process.
 */
export async function loadDeclarations(
  repoRoot: string,
  modules: readonly string[],
): Promise<LoadedDeclaration[]> {
  const out: LoadedDeclaration[] = [];
  for (const module of modules) {
    const full = join(repoRoot, module);
    const ext = extname(module).toLowerCase();
    if (!TYPESCRIPT.has(ext) && !JAVASCRIPT.has(ext))
      throw broken(module, `not a .ts or .js module (generate: lists model modules)`);
    if (!existsSync(full)) throw broken(module, `no such file (listed under 'generate:' in schemagate.yaml)`);
    const exports = TYPESCRIPT.has(ext)
      ? await importTypeScript(module, full)
      : await importModule(module, full);
    const found = Object.entries(exports).filter(([, v]) => isDeclaration(v));
    if (found.length === 0)
      throw broken(module, 'exports no declaration (export the values of defineMessage/defineBase)');
    for (const [exportName, declaration] of found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      if (isDeclaration(declaration)) out.push({ module, exportName, declaration });
  }
  return out;
}

async function importModule(module: string, full: string): Promise<Record<string, unknown>> {
  try {
    return (await import(pathToFileURL(full).href)) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof SchemagateError) throw e;
    throw broken(module, `failed to load: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function importTypeScript(module: string, full: string): Promise<Record<string, unknown>> {
  const { build } = await import('esbuild');
  let code: string;
  try {
    const result = await build({
      entryPoints: [full],
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      sourcemap: 'inline',
    });
    code = result.outputFiles[0]?.text ?? '';
  } catch (e) {
    const first = (
      e as {
        errors?: Array<{ text: string; location?: { file: string; line: number; column: number } | null }>;
      }
    ).errors?.[0];
    const where =
      first?.location == null
        ? ''
        : ` (${first.location.file}:${first.location.line}:${first.location.column + 1})`;
    throw broken(module, `cannot be compiled: ${first?.text ?? String(e)}${where}`);
  }
  const temp = join(dirname(full), `.${basename(full)}.schemagate-${process.pid}.mjs`);
  writeFileSync(temp, code);
  try {
    return await importModule(module, temp);
  } finally {
    unlinkSync(temp);
  }
}

function broken(module: string, problem: string): SchemagateError {
  return new SchemagateError('INVALID_CONFIG', problem, { file: module });
}
