#!/usr/bin/env node
// npm's `prepare`: builds lib/ (the library and `npm run demo`) and the bundles in a development checkout.
// Where the devDependencies are absent (npm installing the package from git, as `npm install -g git+…`
// and the pre-commit framework do, runs `prepare` without them), there is nothing to build with and
// nothing to build: the CLI runs from the committed bundle in dist/cli/.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require.resolve('typescript/package.json');
  require.resolve('esbuild/package.json');
} catch {
  console.error('schemagate: no devDependencies here; the CLI runs from the committed dist/cli/ (no build)');
  process.exit(0);
}
const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
