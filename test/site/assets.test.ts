import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

test('site-assets/ holds the bundles scripts/build-site.mjs makes from the current sources (run npm run build:site)', async () => {
  const script = '../../scripts/build-site.mjs';
  const { siteBundles } = (await import(script)) as { siteBundles: () => Promise<Record<string, string>> };
  const bundles = await siteBundles();
  assert.deepEqual(Object.keys(bundles).sort(), ['index.js', 'subject.js']);
  for (const [name, text] of Object.entries(bundles))
    assert.ok(
      readFileSync(new URL(`../../site-assets/${name}`, import.meta.url), 'utf8') === text,
      `site-assets/${name} is stale: run npm run build:site`,
    );
});
