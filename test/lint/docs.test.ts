import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { parseConfig } from '../../src/repo/config.js';
import { LINT_RULE_IDS } from '../../src/lint/rules.js';
import { loadSchema } from '../../src/repo/schema-file.js';
import { lintFindings } from '../../src/lint/findings.js';

const root = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/lint-and-validate.md', root), 'utf8');
const configSchema = JSON.parse(readFileSync(new URL('schemagate.schema.json', root), 'utf8')) as object;

test('docs/lint-and-validate: the lint configuration loads and the shipped JSON Schema accepts it', () => {
  const yaml = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!)[0]!;
  const config = parseConfig(yaml);
  assert.equal(config.lint.check, true);
  assert.equal(config.lint.rules.DOC_MISSING, 'error');
  assert.equal(config.lint.rules.ENUM_DEFAULT_MISSING, 'off');
  const validate = new Ajv({ strict: false }).compile(configSchema);
  assert.ok(validate(parseYaml(yaml)), JSON.stringify(validate.errors));
  assert.ok(!validate(parseYaml('lint:\n  rules:\n    NO_SUCH_RULE: error\n')));
});

test('docs/lint-and-validate: the rule table lists every rule, and the ignore example lints clean of its rule', async () => {
  for (const id of LINT_RULE_IDS) assert.match(doc, new RegExp(`\\| \`${id}\` +\\|`), id);
  const json = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!)[0]!;
  const loaded = await loadSchema('schemas/orders/value.avsc', Buffer.from(json), {});
  assert.ok(loaded.ok);
  const rules = lintFindings('f', 'orders-value', loaded, parseConfig(''), {
    inCheck: false,
    strict: false,
  }).map((f) => f.rule);
  assert.ok(!rules.includes('TYPE_NAME_CASE'), rules.join());
  // Without the ignore the same schema has the finding: the example shows the ignore working.
  const bare = await loadSchema(
    'schemas/orders/value.avsc',
    Buffer.from(json.replace(/"schemagate:ignore": \[[^\]]*\],/, '')),
    {},
  );
  assert.ok(bare.ok);
  assert.ok(
    lintFindings('f', 'orders-value', bare, parseConfig(''), { inCheck: false, strict: false }).some(
      (f) => f.rule === 'TYPE_NAME_CASE',
    ),
  );
});
