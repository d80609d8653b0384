import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import avsc from 'avsc';
import { equals, fromBinary, fromJson, toBinary, type JsonValue } from '@bufbuild/protobuf';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Browser, Page } from 'playwright-core';
import type { TempRepo } from '../repo/git-fixture.js';
import { schemagate } from '../repo/run-cli.js';
import { bufMessage } from './buf-message.js';
import { launchBrowser } from './browser.js';
import { ADDRESS, MONEY, docsRepo } from './fixture.js';

const Ajv = AjvModule as unknown as typeof AjvModule.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

let repo: TempRepo;
let site: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

before(async () => {
  repo = docsRepo();
  // A file that does not parse: its page shows the problem, and the build goes on.
  repo.write(
    'schemas/broken.avsc',
    '{"type": "record", "name": "Broken", "fields": [{"name": "a", "type": "nope"}]}\n',
  );
  site = mkdtempSync(join(tmpdir(), 'schemagate-site-'));
  const r = await schemagate(['docs', '--out', site], repo.dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /wrote 10 pages for 8 subjects .*1 with problems shown on their pages: broken/);
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
});

after(async () => {
  await browser?.close();
  repo?.cleanup();
  if (site !== undefined) rmSync(site, { recursive: true, force: true });
  assert.deepEqual(pageErrors, [], 'no script error on any page');
});

const open = (path: string): Promise<unknown> => page.goto(pathToFileURL(join(site, path)).href);
const texts = (selector: string): Promise<string[]> =>
  page.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').trim()));

test('index: every subject with format, level and versions, grouped by topic, filtered by name and format', async () => {
  await open('index.html');
  assert.deepEqual((await texts('tr.subject th')).sort(), [
    'address',
    'broken',
    'currency',
    'customer',
    'money',
    'orders-key',
    'orders-value',
    'payment',
  ]);
  const orders = await page.$$eval('tbody[data-topic="orders"] tr.subject th', (els) =>
    els.map((e) => e.textContent),
  );
  assert.deepEqual(orders, ['orders-key', 'orders-value']);
  const row = await page.$eval('tr.subject[data-name="orders-value"]', (r) =>
    [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()),
  );
  assert.deepEqual(row.slice(0, 3), ['avro', 'BACKWARD', '3']);
  assert.match(row[3]!, /^[0-9a-f]{7} Ada 2026-01-01$/);
  assert.equal(await page.$eval('tr.subject[data-name="broken"] .state', (e) => e.textContent), 'invalid');

  await page.fill('#filter-name', 'cust');
  assert.deepEqual(await texts('tr.subject:not([hidden]) th'), ['customer']);
  await page.fill('#filter-name', '');
  await page.selectOption('#filter-format', 'json');
  assert.deepEqual((await texts('tr.subject:not([hidden]) th')).sort(), ['address', 'customer']);
  assert.equal(await page.$eval('tbody[data-topic="orders"]', (e) => (e as HTMLElement).hidden), true);
  await page.selectOption('#filter-format', 'protobuf');
  assert.deepEqual((await texts('tr.subject:not([hidden]) th')).sort(), ['currency', 'payment']);
});

test('subject page: fields with nested records, an example valid for avsc with its size, versions with verdicts', async () => {
  await open('subjects/orders-value.html');
  assert.deepEqual(
    await page.$$eval('table.fields tbody tr', (rows) => rows.map((r) => r.getAttribute('data-path'))),
    ['id', 'total', 'total.units', 'total.currency', 'placed', 'note', 'status'],
  );
  const note = await page.$eval('table.fields tr[data-path="note"]', (r) =>
    (r.textContent ?? '').replace(/\s+/g, ' '),
  );
  assert.match(note, /null \| string.*optional.*null.*remark/);

  const registry = {};
  avsc.Type.forSchema(MONEY as avsc.Schema, { registry, wrapUnions: true });
  const orderSchema = JSON.parse(
    readFileSync(join(repo.dir, 'schemas/orders-value.avsc'), 'utf8'),
  ) as avsc.Schema;
  const type = avsc.Type.forSchema(orderSchema, { registry, wrapUnions: true });
  for (const kind of ['minimal', 'full']) {
    const text = await page.$eval(`code.example-json[data-kind="${kind}"]`, (e) => e.textContent ?? '');
    const value = type.fromString(text);
    assert.ok(type.isValid(value), `${kind} example is valid`);
    const caption = await page.$eval(
      `code.example-json[data-kind="${kind}"]`,
      (e) => e.closest('figure')!.querySelector('.size')!.textContent,
    );
    assert.equal(caption, `${type.toBuffer(value).length} bytes`);
  }

  const versions = await page.$$eval('li.version', (els) =>
    els.map((e) => [e.getAttribute('data-version'), e.getAttribute('data-verdict')]),
  );
  assert.deepEqual(versions, [
    ['3', 'incompatible'],
    ['2', 'compatible'],
    ['1', 'first'],
  ]);
  const v3 = await page.$eval('#v3', (e) => e.textContent ?? '');
  assert.match(v3, /orders: status without default/);
  assert.match(v3, /READER_FIELD_MISSING_DEFAULT_VALUE against v2/);
  assert.match(v3, /Fix: give field 'status' a default/);
});

test('diff: the last step by default, and any two versions picked, with added fields and the breaking one marked', async () => {
  await open('subjects/orders-value.html');
  const rows = (): Promise<Array<[string, string, string]>> =>
    page.$$eval('#diff-view tr.field-diff:not(.same)', (els) =>
      els.map((e) => [
        e.getAttribute('data-path')!,
        e.getAttribute('data-status')!,
        e.getAttribute('data-breaking')!,
      ]),
    );
  // Without picking anything: v2 → v3, rendered at build time.
  assert.deepEqual(await rows(), [['status', 'added', 'true']]);
  assert.match(
    await page.$eval('#diff-view .verdict', (e) => e.textContent ?? ''),
    /v3 is INCOMPATIBLE with v2/,
  );

  await page.selectOption('#diff-from', '1');
  assert.deepEqual(await rows(), [
    ['note', 'added', 'false'],
    ['status', 'added', 'true'],
  ]);
  assert.match(await page.$eval('#diff-view tr[data-path="status"]', (e) => e.className), /breaking/);
  assert.match(await page.$eval('#diff-view tr[data-path="note"]', (e) => e.className), /safe/);

  // Backwards: v3 → v1 removes both fields; removing a field is harmless under BACKWARD.
  await page.selectOption('#diff-from', '3');
  await page.selectOption('#diff-to', '1');
  assert.deepEqual(await rows(), [
    ['note', 'removed', 'false'],
    ['status', 'removed', 'false'],
  ]);
  assert.match(
    await page.$eval('#diff-view .verdict', (e) => e.textContent ?? ''),
    /v1 is compatible with v3/,
  );
  const raw = await page.$$eval(
    '#diff-view .code-diff tr.add, #diff-view .code-diff tr.del',
    (els) => els.length,
  );
  assert.ok(raw > 0, 'the raw text diff has added or removed lines');
  // Unchanged lines away from the changes fold into one row.
  assert.match(
    await page.$eval('#diff-view .code-diff tr.fold', (e) => e.textContent ?? ''),
    /… \d+ unchanged lines/,
  );
});

test('JSON Schema page: fields through a $ref to another file, examples valid for ajv', async () => {
  await open('subjects/customer.html');
  assert.deepEqual(
    await page.$$eval('table.fields tbody tr', (rows) => rows.map((r) => r.getAttribute('data-path'))),
    ['name', 'address', 'address.street', 'address.city', 'email'],
  );
  const ajv = new Ajv({ strict: false });
  addFormats(ajv);
  ajv.addSchema(ADDRESS);
  const validate = ajv.compile(
    JSON.parse(readFileSync(join(repo.dir, 'schemas/customer.json'), 'utf8')) as object,
  );
  for (const kind of ['minimal', 'full']) {
    const value = JSON.parse(
      await page.$eval(`code.example-json[data-kind="${kind}"]`, (e) => e.textContent ?? ''),
    ) as unknown;
    assert.ok(validate(value), `${kind}: ${JSON.stringify(validate.errors)}`);
  }
  assert.deepEqual(await page.$$eval('li.version', (els) => els.map((e) => e.getAttribute('data-verdict'))), [
    'compatible',
    'first',
  ]);
});

test('Protobuf page: field table with numbers and labels, examples read by @bufbuild/protobuf, a per-field diff', async () => {
  await open('subjects/payment.html');
  const fieldRows = await page.$$eval('table.fields tbody tr', (rows) =>
    rows.map((r) => [
      r.getAttribute('data-path'),
      ...[...r.querySelectorAll('td')].map((td) => td.textContent),
    ]),
  );
  assert.deepEqual(fieldRows, [
    ['id', '1', 'string', 'singular', '', 'payment id'],
    ['currency', '2', 'message acme.Currency', 'singular', '', ''],
    ['currency.code', '1', 'string', 'singular', '', ''],
    ['amount_cents', '3', 'int64', 'singular', '', ''],
    ['methods', '4', 'enum acme.Payment.Method {UNKNOWN, CARD}', 'repeated', '', ''],
    ['paid_at', '5', 'google.protobuf.Timestamp (well-known)', 'singular', '', ''],
    ['labels', '6', 'map<string, string>', 'map', '', ''],
    ['card', '7', 'string', 'oneof source', '', ''],
    ['iban', '8', 'string', 'oneof source', '', ''],
  ]);
  const dir = join(repo.dir, 'schemas');
  const desc = bufMessage(readFileSync(join(dir, 'payment.proto'), 'utf8'), [
    { name: 'currency.proto', text: readFileSync(join(dir, 'currency.proto'), 'utf8') },
  ]);
  const examples: Record<string, unknown> = {};
  for (const kind of ['minimal', 'full']) {
    const value = JSON.parse(
      await page.$eval(`code.example-json[data-kind="${kind}"]`, (e) => e.textContent ?? ''),
    ) as JsonValue;
    const message = fromJson(desc, value);
    assert.ok(equals(desc, message, fromBinary(desc, toBinary(desc, message))), kind);
    examples[kind] = value;
  }
  assert.deepEqual(examples['minimal'], {});
  assert.deepEqual(examples['full'], {
    id: 'example',
    currency: { code: 'example' },
    amountCents: '42',
    methods: ['CARD'],
    paidAt: '2026-01-01T00:00:00Z',
    labels: { key: 'example' },
    card: 'example',
  });
  assert.match(
    await page.$eval('figure.example figcaption', (e) => e.textContent ?? ''),
    /proto3 JSON mapping of acme\.Payment/,
  );
  assert.deepEqual(
    await page.$$eval('#diff-view tr.field-diff:not(.same)', (els) =>
      els.map((e) => [
        e.getAttribute('data-path'),
        e.getAttribute('data-status'),
        e.getAttribute('data-breaking'),
      ]),
    ),
    [['labels', 'added', 'false']],
  );
});

test('reference graph: the edges between subjects, on the graph page and on a subject page', async () => {
  await open('graph.html');
  const edges = await page.$$eval('svg.graph g.edge', (els) =>
    els.map((e) => `${e.getAttribute('data-from')} -> ${e.getAttribute('data-to')}`),
  );
  assert.deepEqual(edges.sort(), ['customer -> address', 'orders-value -> money', 'payment -> currency']);
  await open('subjects/money.html');
  const refs = await page.$eval('ul.refs', (e) => (e.textContent ?? '').replace(/\s+/g, ' '));
  assert.match(refs, /Used by: orders-value \(com\.acme\.Money\)/);
  assert.match(refs, /A change here can affect: orders-value/);
  await page.click('svg.graph a.node[data-subject="orders-value"]');
  assert.match(page.url(), /subjects\/orders-value\.html$/);
});

test('a file that does not parse: its page shows the problem with its line', async () => {
  await open('subjects/broken.html');
  const problems = await page.$eval('.problems', (e) => e.textContent ?? '');
  assert.match(problems, /schemas\/broken\.avsc:1:\d+: .*nope/);
});

test('try a change: a candidate checked against the whole history in the page', async () => {
  await open('subjects/orders-value.html');
  const current = await page.inputValue('#try-text');
  const schema = JSON.parse(current) as { fields: Array<Record<string, unknown>> };
  const id = schema.fields[0]!;
  schema.fields[0] = { ...id, type: 'int' };
  await page.fill('#try-text', JSON.stringify(schema, null, 2));
  await page.click('#try-run');
  const bad = await page.$eval('#try-result', (e) => e.textContent ?? '');
  assert.match(bad, /INCOMPATIBLE with the history \(BACKWARD\)/);
  assert.match(bad, /TYPE_MISMATCH against v3/);
  assert.equal(
    await page.$eval('#try-result tr[data-path="id"]', (e) => e.getAttribute('data-breaking')),
    'true',
  );

  schema.fields[0] = id;
  schema.fields.push({ name: 'channel', type: 'string', default: 'web' });
  await page.fill('#try-text', JSON.stringify(schema, null, 2));
  await page.click('#try-run');
  const good = await page.$eval('#try-result', (e) => e.textContent ?? '');
  assert.match(good, /compatible with the history \(BACKWARD, 3 versions\)/);
  assert.deepEqual(
    await page.$$eval('#try-result tr.field-diff:not(.same)', (els) =>
      els.map((e) => [e.getAttribute('data-path'), e.getAttribute('data-status')]),
    ),
    [['channel', 'added']],
  );

  await page.fill('#try-text', '{"type": "record", "name": "Order", "fields": [');
  await page.click('#try-run');
  assert.match(await page.$eval('#try-result', (e) => e.textContent ?? ''), /not a valid schema.*line 1/);
});

test('keyboard: the filter, the pickers and the links are reachable with Tab', async () => {
  await open('index.html');
  const focused: string[] = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    focused.push(
      await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ''),
    );
  }
  assert.ok(focused.includes('filter-name'), focused.join(','));
  assert.ok(focused.includes('filter-format'), focused.join(','));
});

test('without JavaScript: the index, the history and the last step diff are there to read', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const plain = await context.newPage();
    await plain.goto(pathToFileURL(join(site, 'index.html')).href);
    assert.equal(await plain.$$eval('tr.subject', (rows) => rows.length), 8);
    await plain.goto(pathToFileURL(join(site, 'subjects/orders-value.html')).href);
    assert.equal(await plain.$$eval('li.version', (els) => els.length), 3);
    assert.equal(
      await plain.$eval('#diff-view tr[data-path="status"]', (e) => e.getAttribute('data-breaking')),
      'true',
    );
  } finally {
    await context.close();
  }
});
