import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { CLI_ENTRY, TSX_LOADER } from '../repo/run-cli.js';
import { launchBrowser } from './browser.js';
import { docsRepo } from './fixture.js';

test('docs --serve: pages from the working tree on 127.0.0.1, rebuilt when a schema file changes', async () => {
  const repo = docsRepo();
  const child = spawn(
    process.execPath,
    ['--import', TSX_LOADER, CLI_ENTRY, 'docs', '--serve', '--port', '0'],
    {
      cwd: repo.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const browser = await launchBrowser();
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address in time: ${stdout}${stderr}`)), 30_000);
      child.stdout.on('data', () => {
        const m = /serving the schema site on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (m !== null) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const page = await browser.newPage();
    await page.goto(url);
    const names = (): Promise<string[]> =>
      page.$$eval('tr.subject th', (els) => els.map((e) => (e.textContent ?? '').trim()));
    assert.ok(!(await names()).includes('payments'));

    // A new subject and an edit to an existing one, while the server runs.
    repo.write(
      'schemas/payments.avsc',
      '{"type": "record", "name": "Payment", "fields": [{"name": "id", "type": "string"}]}\n',
    );
    const rebuilt = (n: number): Promise<void> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not rebuilt: ${stdout}${stderr}`)), 20_000);
        const check = (): void => {
          if ((stdout.match(/rebuilt/g) ?? []).length >= n) {
            clearTimeout(timer);
            resolve();
          } else setTimeout(check, 50);
        };
        check();
      });
    await rebuilt(1);
    await page.reload();
    assert.ok((await names()).includes('payments'), (await names()).join(','));
    assert.equal(await page.$eval('tr.subject[data-name="payments"] .state', (e) => e.textContent), 'new');

    repo.write(
      'schemas/money.avsc',
      `${JSON.stringify({ type: 'record', name: 'Money', namespace: 'com.acme', fields: [{ name: 'units', type: 'int' }] }, null, 2)}\n`,
    );
    await rebuilt(2);
    await page.goto(`${url}subjects/money.html`);
    const versions = await page.$$eval('li.version', (els) =>
      els.map((e) => [(e.querySelector('strong')?.textContent ?? '').trim(), e.getAttribute('data-verdict')]),
    );
    assert.deepEqual(versions, [
      ['v2 (working tree)', 'incompatible'],
      ['v1', 'first'],
    ]);
    assert.equal(await page.$eval('.meta .state', (e) => e.textContent), 'changed');
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    repo.cleanup();
  }
  assert.match(stdout, /serving the schema site on http:\/\/127\.0\.0\.1:/);
});
