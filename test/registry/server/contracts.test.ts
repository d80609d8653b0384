import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startTestRegistry, type Reply, type TestRegistry } from './support.js';

// Data contracts on register and lookup (registry-protocol.md §3.10, §4.10). Each test names the
// method of Confluent's RestApiTest or RestApiCompatibilityTest it follows.

const code = (r: Reply): unknown => (r.body as { error_code?: unknown }).error_code;
const field = (r: Reply, name: string): unknown => (r.body as Record<string, unknown>)[name];
const props = (r: Reply): unknown =>
  (field(r, 'metadata') as { properties?: unknown } | undefined)?.properties;

const SCHEMA = '{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"string"}]}';
const SCHEMA_F2 =
  '{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"string"},{"name":"f2","type":"string"}]}';
const cv = (v: string) => ({ properties: { 'confluent:version': v } });

describe('data contracts (§3.10, §4.10)', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry();
  });
  afterEach(async () => {
    await r.stop();
  });

  const register = async (body: Record<string, unknown>, subject = 'test'): Promise<Reply> =>
    r.call('POST', `/subjects/${subject}/versions`, { schema: SCHEMA, ...body });
  const ids = async (body: Record<string, unknown>): Promise<[unknown, unknown]> => {
    const reply = await register(body);
    assert.equal(reply.status, 200, reply.text);
    return [field(reply, 'id'), field(reply, 'version')];
  };

  it('RestApiTest.testConfluentVersion: an explicit version sets confluent:version; lookups match it on one side only', async () => {
    assert.deepEqual(await ids({}), [1, 1]);
    assert.deepEqual(await ids({ version: -1 }), [1, 1]);
    assert.deepEqual(await ids({ version: 2 }), [2, 2]);
    assert.deepEqual(await ids({ version: -1 }), [2, 2]);
    const latest = await r.call('GET', '/subjects/test/versions/latest');
    assert.deepEqual(props(latest), { 'confluent:version': '2' });

    const lookup = async (body: Record<string, unknown>) =>
      r.call('POST', '/subjects/test', { schema: SCHEMA, ...body });
    assert.equal(field(await lookup({}), 'version'), 1);
    const one = await lookup({ metadata: cv('1') });
    assert.deepEqual([field(one, 'version'), field(one, 'metadata')], [1, undefined]);
    assert.equal(field(await lookup({ metadata: cv('2') }), 'version'), 2);

    assert.equal((await r.call('DELETE', '/subjects/test/versions/1')).status, 200);
    assert.equal(field(await lookup({}), 'version'), 2);
    assert.deepEqual(await ids({}), [2, 2]);
    assert.deepEqual(await ids({ version: 3 }), [3, 3]);
    assert.deepEqual(await ids({ version: -1 }), [3, 3]);
    assert.deepEqual(props(await r.call('GET', '/subjects/test/versions/latest')), {
      'confluent:version': '3',
    });

    const stale = await register({ version: 3 });
    assert.deepEqual([stale.status, code(stale)], [422, 42201]);
    assert.equal(
      (stale.body as { message: string }).message,
      'Version is not one more than previous version',
    );
    assert.deepEqual(await ids({ version: 4 }), [4, 4]);
    assert.equal(field(await lookup({}), 'version'), 4);

    // confluent:version -1 in the request: set to the new version number.
    assert.deepEqual(await ids({ metadata: cv('-1') }), [5, 5]);
    assert.deepEqual(props(await r.call('GET', '/subjects/test/versions/latest')), {
      'confluent:version': '5',
    });
    assert.deepEqual(await ids({ metadata: cv('2') }), [2, 2]);
    assert.deepEqual(await ids({ metadata: cv('3') }), [3, 3]);
  });

  it('RestApiTest.testRegisterWithAndWithoutMetadata: the same schema without metadata inherits it and answers the same id', async () => {
    const first = await register({ metadata: { properties: { 'application.version': '2' } } });
    const second = await register({});
    assert.deepEqual([field(second, 'id'), field(second, 'version')], [field(first, 'id'), 1]);
  });

  it('RestApiCompatibilityTest.testConfigMetadata: defaultMetadata and overrideMetadata are merged into the registered metadata', async () => {
    assert.equal(
      (
        await r.call('PUT', '/config', {
          defaultMetadata: { properties: { configKey: 'configValue', shared: 'default' } },
        })
      ).status,
      200,
    );
    const reg = await register({ metadata: { properties: { subjectKey: 'subjectValue', shared: 'mine' } } });
    assert.equal(reg.status, 200, reg.text);
    assert.deepEqual(props(reg), { configKey: 'configValue', shared: 'mine', subjectKey: 'subjectValue' });
    // The answer itself looks up to the same version.
    const found = await r.call('POST', '/subjects/test', {
      schema: field(reg, 'schema'),
      metadata: field(reg, 'metadata'),
    });
    assert.equal(field(found, 'version'), 1);

    assert.equal(
      (
        await r.call('PUT', '/config/test', {
          compatibility: 'NONE',
          overrideMetadata: { properties: { shared: 'override' } },
        })
      ).status,
      200,
    );
    const next = await r.call('POST', '/subjects/test/versions', { schema: SCHEMA_F2 });
    assert.equal(next.status, 200, next.text);
    // Inherited from version 1, then the override on top.
    assert.deepEqual(props(next), {
      configKey: 'configValue',
      shared: 'override',
      subjectKey: 'subjectValue',
    });
  });

  it('RestApiCompatibilityTest.testConfigRuleSet: defaultRuleSet and overrideRuleSet are merged by rule name', async () => {
    const rule = (name: string, expr: string) => ({
      name,
      kind: 'CONDITION',
      mode: 'WRITE',
      type: 'CEL',
      expr,
    });
    assert.equal(
      (
        await r.call('PUT', '/config/test', {
          defaultRuleSet: { domainRules: [rule('a', 'default'), rule('b', 'default')] },
          overrideRuleSet: { domainRules: [rule('c', 'override')] },
        })
      ).status,
      200,
    );
    const reg = await register({ ruleSet: { domainRules: [rule('b', 'mine')] } });
    assert.equal(reg.status, 200, reg.text);
    const domain = (field(reg, 'ruleSet') as { domainRules: { name: string; expr: string }[] }).domainRules;
    assert.deepEqual(
      domain.map((d) => [d.name, d.expr]),
      [
        ['a', 'default'],
        ['b', 'mine'],
        ['c', 'override'],
      ],
    );
  });

  it('RestApiCompatibilityTest.testRegisterInvalidRuleSet and testConfigInvalidRuleSet: invalid rule sets are 42210', async () => {
    const readRule = { name: 'foo', mode: 'READ', type: 'IGNORE' };
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'a READ rule among migration rules',
        { migrationRules: [readRule] },
        'Migration rules can only be UPGRADE, DOWNGRADE, UPDOWN',
      ],
      ['two rules named foo', { domainRules: [readRule, readRule] }, "Found rule with duplicate name 'foo'"],
      ['a rule without a type', { domainRules: [{ name: 'foo', mode: 'READ' }] }, 'Missing rule type'],
      ['a rule without a name', { domainRules: [{ mode: 'READ', type: 'X' }] }, 'Missing rule name'],
      [
        'a bad name',
        { domainRules: [{ name: '1x', type: 'X' }] },
        'Illegal initial character in rule name: 1x',
      ],
      [
        'two actions with WRITE',
        { domainRules: [{ name: 'x', type: 'X', mode: 'WRITE', onFailure: 'ERROR,NONE' }] },
        'Multiple actions only valid with WRITEREAD and UPDOWN',
      ],
    ];
    for (const [what, ruleSet, message] of cases) {
      const reg = await register({ ruleSet });
      assert.deepEqual([reg.status, reg.body], [422, { error_code: 42210, message }], what);
      const config = await r.call('PUT', '/config', { defaultRuleSet: ruleSet });
      assert.deepEqual([config.status, code(config)], [422, 42210], what);
    }
    assert.equal(code(await r.call('GET', '/subjects/test/versions')), 40401);
  });

  it('RestApiCompatibilityTest.testRegisterEmptyRuleSet: an empty rule set, then rules added with an empty schema; lookups take the latest rules', async () => {
    const first = await register({ ruleSet: { domainRules: [] } });
    assert.equal(first.status, 200, first.text);
    assert.equal(field(await r.call('POST', '/subjects/test', { schema: SCHEMA }), 'id'), field(first, 'id'));
    const rules = await r.call('POST', '/subjects/test/versions', {
      ruleSet: { domainRules: [{ name: 'foo', mode: 'READ', type: 'IGNORE' }] },
    });
    assert.equal(rules.status, 200, rules.text);
    assert.notEqual(field(rules, 'id'), field(first, 'id'));
    assert.deepEqual(field(rules, 'ruleSet'), {
      domainRules: [{ name: 'foo', kind: 'TRANSFORM', mode: 'READ', type: 'IGNORE', disabled: false }],
    });
    assert.equal(field(await r.call('POST', '/subjects/test', { schema: SCHEMA }), 'id'), field(rules, 'id'));
  });

  it('RestApiCompatibilityTest.testSchemaMetadata and testSchemaRuleSet: a register with only metadata or rules re-registers the latest schema', async () => {
    assert.equal(field(await register({}), 'id'), 1);
    const withMetadata = await r.call('POST', '/subjects/test/versions', {
      metadata: { properties: { subjectKey: 'subjectValue' } },
    });
    assert.equal(field(withMetadata, 'id'), 2, withMetadata.text);
    const two = await r.call('GET', '/schemas/ids/2?subject=test');
    assert.deepEqual(
      [field(two, 'schema'), field(two, 'metadata')],
      [SCHEMA, { properties: { subjectKey: 'subjectValue' } }],
    );
    const rules = { migrationRules: [{ name: 'foo', mode: 'UPGRADE', type: 'IGNORE' }] };
    const withRules = await r.call('POST', '/subjects/test/versions', { ruleSet: rules });
    assert.equal(field(withRules, 'id'), 3, withRules.text);
    const three = await r.call('GET', '/schemas/ids/3');
    assert.deepEqual(field(three, 'ruleSet'), {
      migrationRules: [{ name: 'foo', kind: 'TRANSFORM', mode: 'UPGRADE', type: 'IGNORE', disabled: false }],
    });
    // The metadata of version 2 was inherited.
    assert.deepEqual(field(three, 'metadata'), { properties: { subjectKey: 'subjectValue' } });
  });

  it('RestApiCompatibilityTest.testRegisterBadDefaultWithValidateNewSchemaConfig: the compatibility check follows validateNewSchemas', async () => {
    const badDefault =
      '{"type":"record","name":"myrecord","fields":[{"name":"f","type":"int","default":"foo"}]}';
    const check = () =>
      r.call('POST', '/compatibility/subjects/fresh/versions/latest', { schema: badDefault });
    assert.equal((await r.call('PUT', '/config', { validateNewSchemas: false })).status, 200);
    assert.deepEqual((await check()).body, { is_compatible: true });
    assert.equal((await r.call('PUT', '/config', { validateNewSchemas: true })).status, 200);
    assert.equal(code(await check()), 42201);
    assert.equal(code(await r.call('POST', '/subjects/fresh/versions', { schema: badDefault })), 42201);
  });

  it('RestApiCompatibilityTest.testCompatibilityGroup: only versions with the same group value are checked', async () => {
    assert.equal((await r.call('PUT', '/config', { compatibilityGroup: 'application.version' })).status, 200);
    const group = (v: string) => ({ properties: { 'application.version': v } });
    assert.equal((await register({ metadata: group('1') })).status, 200);
    const sameGroup = await r.call('POST', '/subjects/test/versions', { schema: SCHEMA_F2 });
    assert.equal(sameGroup.status, 409, sameGroup.text);
    const verbose = await r.call('POST', '/compatibility/subjects/test/versions?verbose=true', {
      schema: SCHEMA_F2,
      metadata: group('2'),
    });
    assert.equal(field(verbose, 'is_compatible'), true, verbose.text);
    const otherGroup = await r.call('POST', '/subjects/test/versions', {
      schema: SCHEMA_F2,
      metadata: group('2'),
    });
    assert.deepEqual([otherGroup.status, field(otherGroup, 'version')], [200, 2]);
  });

  it('RestApiTest.testRegisterSchemaWithSensitiveMetadata: metadata comes back in the registry shape (sorted, sets without repeats)', async () => {
    const reg = await register({
      metadata: {
        sensitive: ['b', 'a', 'b'],
        properties: { z: '1', a: 2 },
        tags: { 'f.x': ['PII', 'A'] },
        other: 1,
      },
    });
    assert.equal(reg.status, 200, reg.text);
    assert.equal(
      JSON.stringify(field(await r.call('GET', '/subjects/test/versions/1'), 'metadata')),
      '{"tags":{"f.x":["A","PII"]},"properties":{"a":"2","z":"1"},"sensitive":["a","b"]}',
    );
    const bad = await register({ metadata: { properties: ['x'] } });
    assert.equal(bad.status, 400);
  });

  it('RestApiTest.testRegisterSchemaWithReservedFields: with validateFields, reserved names cannot be fields and stay reserved', async () => {
    const fg =
      '{"type":"record","name":"myrecord","fields":[{"type":"string","name":"f"},{"type":"string","name":"g","default":"d"}]}';
    const reserve = (names: string) => ({ properties: { 'confluent:reserved': names } });
    const reg = (subject: string, schema: string, names: string) =>
      r.call('POST', `/subjects/${subject}/versions`, { schema, metadata: reserve(names) });

    assert.equal(
      (await r.call('PUT', '/config', { compatibility: 'BACKWARD', validateFields: true })).status,
      200,
    );
    const refused = await reg('s0', fg, 'f');
    assert.equal(refused.status, 409, refused.text);
    assert.match(
      (refused.body as { message: string }).message,
      /details: \[The new schema has field that conflicts with the reserved field f\., \{validateFields: 'true', compatibility: 'BACKWARD'\}\]/,
    );
    assert.equal((await r.call('PUT', '/config', { validateFields: false })).status, 200);
    assert.equal(field(await reg('s0', fg, 'f'), 'id'), 1);

    // A subject's validateFields beats the global one, both ways.
    assert.equal((await r.call('PUT', '/config/s1', { validateFields: true })).status, 200);
    assert.equal((await reg('s1', fg, 'f')).status, 409);
    assert.equal(field(await reg('s2', fg, 'f'), 'id'), 1);
    assert.equal((await r.call('PUT', '/config', { validateFields: true })).status, 200);
    assert.equal((await r.call('PUT', '/config/s1', { validateFields: false })).status, 200);
    assert.equal(field(await reg('s1', fg, 'f'), 'id'), 1);
    assert.equal((await reg('s3', fg, 'f')).status, 409);
    assert.equal(field(await reg('s1', fg, 'g'), 'id'), 2);

    // Dropping a reserved name of the previous version is refused too.
    const onlyG = '{"type":"record","name":"myrecord","fields":[{"type":"string","name":"g","default":"d"}]}';
    const dropped = await reg('s0', onlyG, 'g');
    assert.equal(dropped.status, 409);
    assert.match(
      (dropped.body as { message: string }).message,
      /The new schema has reserved field f removed from its metadata which is present in the old schema's metadata\./,
    );
  });

  it('RestApiCompatibilityTest.testForceSkipsCompatibilityCheck and testCompareAndSetVersion: force=true skips the check; an explicit version must be the next one', async () => {
    assert.equal((await register({})).status, 200);
    assert.equal((await r.call('POST', '/subjects/test/versions', { schema: SCHEMA_F2 })).status, 409);
    const forced = await r.call('POST', '/subjects/test/versions?force=true', { schema: SCHEMA_F2 });
    assert.deepEqual([forced.status, field(forced, 'version')], [200, 2]);
    const withDefault =
      '{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"string"},{"name":"f2","type":"string"},{"name":"f3","type":"string","default":"foo"}]}';
    const wrong = await r.call('POST', '/subjects/test/versions', { schema: withDefault, version: 4 });
    assert.deepEqual([wrong.status, code(wrong)], [422, 42201]);
    const right = await r.call('POST', '/subjects/test/versions', { schema: withDefault, version: 3 });
    assert.deepEqual([right.status, field(right, 'version')], [200, 3]);
  });

  it('RestApiTest.testRegisterSchemaWithInvalidDefault: validateNewSchemas false registers a schema with an invalid default', async () => {
    const invalid =
      '{"namespace":"namespace","type":"record","name":"test","fields":[{"name":"string_default","type":"string","default":null}]}';
    assert.equal(code(await r.call('POST', '/subjects/s0/versions', { schema: invalid })), 42201);
    const config = await r.call('PUT', '/config', { compatibility: 'BACKWARD', validateNewSchemas: false });
    assert.deepEqual(config.body, { compatibility: 'BACKWARD', validateNewSchemas: false });
    const reg = await r.call('POST', '/subjects/s0/versions', { schema: invalid });
    assert.deepEqual([reg.status, field(reg, 'id')], [200, 1]);
    const compat = await r.call('POST', '/compatibility/subjects/other/versions', { schema: invalid });
    assert.deepEqual(compat.body, { is_compatible: true });
  });
});

describe('rule sets dropped, as the community edition does (--rule-sets drop)', () => {
  let r: TestRegistry;
  beforeEach(async () => {
    r = await startTestRegistry({ ruleSets: 'drop' });
  });
  afterEach(async () => {
    await r.stop();
  });

  it('RestApiTest.testRegisterDropsRuleSet: the rule set is not stored (nor checked), and config rule sets are ignored', async () => {
    const reg = await r.call('POST', '/subjects/testSubject/versions', {
      schema: SCHEMA,
      ruleSet: {
        domainRules: [{ name: 'foo', mode: 'READ', type: 'ENCRYPT' }],
        migrationRules: [{ name: 'x' }],
      },
    });
    assert.deepEqual(reg.body, { id: 1, version: 1, schema: SCHEMA });
    const byId = await r.call('GET', '/schemas/ids/1?subject=testSubject');
    assert.equal(field(byId, 'ruleSet'), undefined);
    const config = await r.call('PUT', '/config', {
      compatibility: 'FULL',
      defaultRuleSet: { domainRules: [{ name: 'foo', type: 'X' }] },
    });
    assert.deepEqual(config.body, { compatibility: 'FULL' });
    assert.equal(field(await r.call('GET', '/config'), 'defaultRuleSet'), undefined);
  });
});
