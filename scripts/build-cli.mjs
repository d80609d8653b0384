#!/usr/bin/env node
// Bundles the CLI into dist/cli/ (ESM, one chunk per lazily loaded command, dependencies left to npm),
// so that the package runs from committed JavaScript: installing it from git (`npm install -g git+…`,
// the pre-commit framework) needs no build, hence no devDependencies. The output is deterministic, so
// CI's `git diff -- dist/` after `npm run build:action` also catches a stale CLI bundle.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist', 'cli'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { bin: 'src/cli/bin.ts' },
  outdir: 'dist/cli',
  // Chunks stay beside bin.js: modules find the package's files two folders up (hooks/, schemas/).
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [inlineJson()],
});

/**
 * JSON files of dependencies (ajv's meta-schemas) are bundled, not left as imports: an external import of
 * a .json file would need its `with { type: 'json' }` attribute, which esbuild drops from external imports.
 */
function inlineJson() {
  return {
    name: 'inline-json',
    setup(b) {
      b.onResolve({ filter: /\.json$/ }, (args) => ({
        path: createRequire(join(args.resolveDir, 'index.js')).resolve(args.path),
      }));
    },
  };
}
