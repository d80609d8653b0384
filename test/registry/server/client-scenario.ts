// One describe per Confluent client (Python, Go): our scenario against a fresh `registry serve`, one test
// per step, then the same client over TLS with a client certificate and basic auth.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../support/cli.js';
import {
  SCENARIO_STEPS,
  type ScenarioClient,
  type ScenarioStep,
  type StepResult,
} from '../../support/confluent-clients.js';
import { makeTestCertificates, type TestCertificates } from '../../support/tls-certs.js';
import { startTestRegistry, tempDir, type TestRegistry } from './support.js';

export interface ClientScenarioOptions {
  title: string;
  make: () => Promise<ScenarioClient>;
  /** Steps the client has no API for. */
  absent?: Partial<Record<ScenarioStep, string>>;
  /** Steps that fail only because of a gap another change closes: `todo` until it lands. */
  todo?: Partial<Record<ScenarioStep, string>>;
}

export function describeClientScenario(options: ClientScenarioOptions): void {
  const steps = SCENARIO_STEPS.filter((s) => options.absent?.[s] === undefined);
  describe(options.title, () => {
    let client: ScenarioClient;
    let r: TestRegistry;
    let results = new Map<string, StepResult>();
    before(async () => {
      client = await options.make();
      if (client.install.built)
        process.stderr.write(
          `${options.title}: installed in ${(client.install.millis / 1000).toFixed(0)} s\n`,
        );
      r = await startTestRegistry();
      results = new Map((await client.run(r.url, steps)).map((s) => [s.name, s]));
    });
    after(() => r?.stop());

    for (const step of steps) {
      const todo = options.todo?.[step];
      it(step, todo === undefined ? {} : { todo }, () => {
        const result = results.get(step);
        assert.ok(result !== undefined, `the scenario did not report step ${step}`);
        assert.ok(result.ok, `${result.error ?? ''}\n${result.trace ?? ''}`);
      });
    }

    describe('over TLS (client certificate required) with basic auth', () => {
      let certs: TestCertificates;
      let secure: TestRegistry;
      const dir = tempDir('sg-client-tls-');
      before(async () => {
        certs = makeTestCertificates();
        const authFile = join(dir, 'auth.json');
        const made = await runCli(['registry', 'passwd', authFile, 'ci'], {
          env: { SCHEMAGATE_REGISTRY_PASSWORD: 'ci-pass' },
        });
        assert.equal(made.code, 0, made.stderr);
        const file = JSON.parse(readFileSync(authFile, 'utf8')) as Record<string, unknown>;
        file.permissions = [{ username: 'ci', operation: 'Write', resource: 'Subject:secure-' }];
        writeFileSync(authFile, JSON.stringify(file));
        secure = await startTestRegistry({
          authFile,
          tls: {
            certFile: certs.serverCert,
            keyFile: certs.serverKey,
            caFile: certs.caCert,
            clientAuth: 'required',
          },
        });
      });
      after(async () => {
        await secure?.stop();
        rmSync(dir, { recursive: true, force: true });
        if (certs !== undefined) rmSync(certs.dir, { recursive: true, force: true });
      });

      it('with the CA, a client certificate and user info it registers and reads back', async () => {
        const conf = {
          ca: certs.caCert,
          cert: certs.clientCert,
          key: certs.clientKey,
          userInfo: 'ci:ci-pass',
        };
        const [result] = await client.run(secure.url, ['tls-auth'], conf);
        assert.ok(result?.ok, result?.error);
      });

      it('without a client certificate, or with a wrong password, it is refused', async () => {
        const noCert = await client.run(secure.url, ['tls-auth'], {
          ca: certs.caCert,
          userInfo: 'ci:ci-pass',
        });
        assert.equal(noCert[0]?.ok, false);
        const conf = { ca: certs.caCert, cert: certs.clientCert, key: certs.clientKey, userInfo: 'ci:wrong' };
        const [badPassword] = await client.run(secure.url, ['tls-auth'], conf);
        assert.equal(badPassword?.ok, false);
        assert.match(badPassword?.error ?? '', /40101|401|Unauthorized/);
      });
    });
  });
}
