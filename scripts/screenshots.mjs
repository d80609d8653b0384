#!/usr/bin/env node
// Regenerates docs/images/docs-site-*.png: the site of the browser tests' repository (test/site/fixture.ts),
// built by `schemagate docs` and photographed in the system Chromium through playwright-core.
// Run: node --import tsx scripts/screenshots.mjs   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readSiteModel } from '../src/site-node/read.js';
import { writeSite } from '../src/site-node/write.js';
import { launchBrowser } from '../test/site/browser.js';
import { docsRepo } from '../test/site/fixture.js';

const images = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'images');
mkdirSync(images, { recursive: true });
const repo = docsRepo();
const site = mkdtempSync(join(tmpdir(), 'schemagate-shots-'));
const browser = await launchBrowser();
try {
  writeSite(await readSiteModel({ cwd: repo.dir }), site);
  const url = (path) => pathToFileURL(join(site, path)).href;
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 }, colorScheme: scheme });
    const suffix = scheme === 'light' ? '' : '-dark';
    await page.goto(url('index.html'));
    await page.screenshot({ path: join(images, `docs-site-index${suffix}.png`) });
    await page.goto(url('subjects/orders-value.html'));
    await page.screenshot({ path: join(images, `docs-site-subject${suffix}.png`) });
    if (scheme === 'light') {
      await page.selectOption('#diff-from', '1');
      await (await page.$('#compare')).screenshot({ path: join(images, 'docs-site-diff.png') });
      await page.click('#try-run');
      await page.goto(url('graph.html'));
      await page.screenshot({ path: join(images, 'docs-site-graph.png') });
    }
    await page.close();
  }
  console.log(`screenshots written to ${images}`);
} finally {
  await browser.close();
  repo.cleanup();
  rmSync(site, { recursive: true, force: true });
}
