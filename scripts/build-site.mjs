#!/usr/bin/env node
// Bundles the documentation site's page scripts into site-assets/ (committed): `schemagate docs` copies
// them into every site it writes, so the CLI needs no bundler at run time (an install from git has no
// devDependencies). subject.js carries the pure core (formats, compat) for comparing versions and trying
// a change in the page. The output is deterministic; test/site/assets.test.ts fails when it is stale.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundles as { file name: text }, without writing them. */
export async function siteBundles() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { index: 'src/site-browser/index.ts', subject: 'src/site-browser/subject.ts' },
    outdir: 'site-assets',
    bundle: true,
    write: false,
    minify: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  });
  return Object.fromEntries(
    result.outputFiles.map((f) => [f.path.slice(f.path.lastIndexOf('/') + 1), f.text]),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, text] of Object.entries(await siteBundles()))
    writeFileSync(join(root, 'site-assets', name), text);
}
