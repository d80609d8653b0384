#!/usr/bin/env node
// Bundles the Action into dist/index.js (one ESM file with every dependency) for `runs.using: node24`.
// The output is deterministic (same sources → same bytes), so CI can rebuild and `git diff` for staleness.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'dist'), { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: ['action/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  charset: 'utf8',
  legalComments: 'eof',
  logLevel: 'warning',
  // CommonJS dependencies call require() for Node's modules; an ESM bundle has none unless given one.
  banner: {
    js: "import { createRequire as __schemagateCreateRequire } from 'node:module';\nconst require = __schemagateCreateRequire(import.meta.url);",
  },
});
// dist/ must load as ESM even where no package.json with "type": "module" is above it.
writeFileSync(
  join(root, 'dist', 'package.json'),
  JSON.stringify({ type: 'module', private: true }, null, 2) + '\n',
);
