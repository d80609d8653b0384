import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../support/cli.js';

// Wrong Kafka settings stop `registry serve` before it connects: one message, exit 2, no stack.
describe('registry serve --kafka: argument and environment errors', () => {
  const bad: [string[], Record<string, string>, RegExp][] = [
    [['--topic', 't'], {}, /--topic needs --kafka/],
    [['--group-id', 'g'], {}, /--group-id needs --kafka/],
    [['--kafka', '127.0.0.1:9', '--data', 'x'], {}, /--data and --kafka exclude each other/],
    [['--kafka', 'broker'], {}, /--kafka must be a comma-separated list of host:port, got 'broker'/],
    [
      ['--kafka', '127.0.0.1:9', '--advertised-url', 'node-1:8081'],
      {},
      /--advertised-url must be http\(s\):\/\/host:port/,
    ],
    [
      ['--kafka', '127.0.0.1:9'],
      { SCHEMAGATE_KAFKA_SASL_MECHANISM: 'gssapi' },
      /SCHEMAGATE_KAFKA_SASL_MECHANISM must be one of plain, scram-sha-256, scram-sha-512, got 'gssapi'/,
    ],
    [
      ['--kafka', '127.0.0.1:9'],
      { SCHEMAGATE_KAFKA_SASL_MECHANISM: 'scram-sha-512', SCHEMAGATE_KAFKA_SASL_USERNAME: 'u' },
      /SCHEMAGATE_KAFKA_SASL_MECHANISM needs SCHEMAGATE_KAFKA_SASL_USERNAME and SCHEMAGATE_KAFKA_SASL_PASSWORD/,
    ],
    [
      ['--kafka', '127.0.0.1:9'],
      { SCHEMAGATE_KAFKA_SSL: 'yes' },
      /SCHEMAGATE_KAFKA_SSL must be true or false, got 'yes'/,
    ],
    [
      ['--kafka', '127.0.0.1:9'],
      { SCHEMAGATE_KAFKA_SSL_CA_FILE: '/nonexistent/ca.pem', SCHEMAGATE_KAFKA_SASL_PASSWORD: 's3cret-Pa55' },
      /SCHEMAGATE_KAFKA_SSL_CA_FILE: cannot read \/nonexistent\/ca.pem/,
    ],
  ];
  for (const [args, env, message] of bad) {
    it(`${args.join(' ')} ${Object.keys(env).join(' ')} → exit 2: ${message.source}`, async () => {
      const res = await runCli(['registry', 'serve', '--port', '0', ...args], { env });
      assert.equal(res.code, 2, res.stderr);
      assert.match(res.stderr, message);
      assert.doesNotMatch(res.stderr, /\n\s+at /);
      assert.doesNotMatch(res.stderr + res.stdout, /s3cret-Pa55/);
    });
  }
});
