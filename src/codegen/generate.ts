import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MappingWarning } from '../formats/zod/errors.js';
import type { SchemagateConfig } from '../repo/config.js';
import { loadDeclarations } from './load.js';
import { planGeneration, type GeneratedFile } from './plan.js';

export interface GenerateResult {
  /** Files whose text differs from the models' (written, unless checking), from the repository root. */
  changed: string[];
  /** Files already as the models give them. */
  unchanged: string[];
  warnings: MappingWarning[];
}

/**
 * Generates the schema files of the modules `config.generate` lists. With `check`, nothing is written:
 * the result names the files that are missing or differ (stale). Files are only written when their
 * text changes, so an unchanged model leaves the working tree untouched.
 */
export async function generateSchemas(
  repoRoot: string,
  config: SchemagateConfig,
  options: { check?: boolean } = {},
): Promise<GenerateResult> {
  const plan = planGeneration(await loadDeclarations(repoRoot, config.generate), config);
  const changed: string[] = [];
  const unchanged: string[] = [];
  for (const file of plan.files) {
    if (currentText(repoRoot, file) === file.text) {
      unchanged.push(file.path);
      continue;
    }
    changed.push(file.path);
    if (options.check !== true) {
      const full = join(repoRoot, file.path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, file.text);
    }
  }
  return { changed, unchanged, warnings: plan.warnings };
}

function currentText(repoRoot: string, file: GeneratedFile): string | undefined {
  try {
    return readFileSync(join(repoRoot, file.path), 'utf8');
  } catch {
    return undefined;
  }
}
