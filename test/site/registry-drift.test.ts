import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { schemagate } from '../repo/run-cli.js';
import { startTestRegistry } from '../registry/server/support.js';
import { launchBrowser } from './browser.js';
import { docsRepo } from './fixture.js';

test('docs --registry: a registry column with the status drift of each subject, and subjects only the registry holds', async () => {
  const repo = docsRepo();
  const registry = await startTestRegistry();
  const site = mkdtempSync(join(tmpdir(), 'schemagate-site-'));
  const browser = await launchBrowser();
  try {
    // money registered as the repository holds it; orders-key with another schema; one subject the repository lacks.
    const register = async (subject: string, schema: string): Promise<void> => {
      const r = await registry.call('POST', `/subjects/${subject}/versions`, { schema });
      assert.equal(r.status, 200, r.text);
    };
    await register('money', readFileSync(join(repo.dir, 'schemas/money.avsc'), 'utf8'));
    await register('orders-key', JSON.stringify('long'));
    await register('legacy-value', JSON.stringify('string'));

    const r = await schemagate(['docs', '--out', site, '--registry', registry.url], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    const cell = (subject: string): Promise<string> =>
      page.$eval(`tr.subject[data-name="${subject}"] td.registry`, (e) => (e.textContent ?? '').trim());
    assert.equal(await cell('money'), 'in sync v1');
    assert.match(await cell('orders-key'), /^differs v1$/);
    assert.equal(await cell('customer'), 'not registered');
    assert.equal(await page.$eval('#registry-only', (e) => e.textContent), 'legacy-value');
  } finally {
    await browser.close();
    await registry.stop();
    repo.cleanup();
    rmSync(site, { recursive: true, force: true });
  }
});
