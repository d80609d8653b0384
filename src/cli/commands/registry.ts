import { SchemagateError } from '../../errors.js';
import {
  DEFAULT_DATA_DIR,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_SCHEMA_BYTES,
  startRegistryServer,
} from '../../registry/server/index.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../io.js';
import { resolve } from 'node:path';
import { CLIENT_AUTH_VALUES, type ClientAuth, type TlsFiles } from '../../registry/server/tls.js';
import { passwd, PASSWD_USAGE } from './registry-passwd.js';
import type { KafkaStoreOptions } from '../../registry/kafka-store/connection.js';

const SERVE_USAGE =
  'schemagate registry serve [--host 127.0.0.1] [--port 8081] [--data DIR] [--shapes 7|8] [--max-body-bytes N] [--max-schema-bytes N] [--reject-empty-subject] [--reference-versions-strict] [--rule-sets keep|drop] [--tls-cert FILE --tls-key FILE [--tls-ca FILE] [--tls-client-auth none|optional|required]] [--auth-file FILE] [--kafka HOST:PORT[,…] [--topic _schemas] [--group-id schema-registry] [--advertised-url URL]]';
const USAGE = `${SERVE_USAGE}\n       ${PASSWD_USAGE}`;

function intOption(
  text: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `--${name} must be an integer between ${min} and ${max}, got '${text}'\nusage: ${USAGE}`,
    );
  }
  return n;
}

function tlsOption(
  values: Partial<Record<'tls-cert' | 'tls-key' | 'tls-ca' | 'tls-client-auth', string>>,
  cwd: string,
): { tls?: TlsFiles } {
  const cert = values['tls-cert'];
  const key = values['tls-key'];
  const ca = values['tls-ca'];
  const clientAuth = values['tls-client-auth'];
  if (cert === undefined && key === undefined) {
    if (ca !== undefined || clientAuth !== undefined)
      throw new SchemagateError(
        'INVALID_ARGUMENT',
        `--tls-ca and --tls-client-auth need --tls-cert and --tls-key\nusage: ${SERVE_USAGE}`,
      );
    return {};
  }
  if (cert === undefined || key === undefined)
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `--tls-cert and --tls-key go together\nusage: ${SERVE_USAGE}`,
    );
  if (clientAuth !== undefined && !(CLIENT_AUTH_VALUES as readonly string[]).includes(clientAuth))
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `--tls-client-auth must be none, optional or required, got '${clientAuth}'\nusage: ${SERVE_USAGE}`,
    );
  return {
    tls: {
      certFile: resolve(cwd, cert),
      keyFile: resolve(cwd, key),
      ...(ca === undefined ? {} : { caFile: resolve(cwd, ca) }),
      ...(clientAuth === undefined ? {} : { clientAuth: clientAuth as ClientAuth }),
    },
  };
}

/** Runs until SIGINT or SIGTERM, then closes the server (and its data directory lock). */
async function serve(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      host: { type: 'string' },
      port: { type: 'string' },
      data: { type: 'string' },
      shapes: { type: 'string' },
      'max-body-bytes': { type: 'string' },
      'max-schema-bytes': { type: 'string' },
      'reject-empty-subject': { type: 'boolean' },
      'reference-versions-strict': { type: 'boolean' },
      'rule-sets': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-ca': { type: 'string' },
      'tls-client-auth': { type: 'string' },
      'auth-file': { type: 'string' },
      kafka: { type: 'string' },
      topic: { type: 'string' },
      'group-id': { type: 'string' },
      'advertised-url': { type: 'string' },
    },
    SERVE_USAGE,
  );
  const kafka = kafkaOption(values);
  const shapes = values.shapes ?? '7';
  if (shapes !== '7' && shapes !== '8')
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `--shapes must be 7 or 8, got '${shapes}'\nusage: ${USAGE}`,
    );
  const ruleSets = values['rule-sets'] ?? 'keep';
  if (ruleSets !== 'keep' && ruleSets !== 'drop')
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `--rule-sets must be keep or drop, got '${ruleSets}'\nusage: ${USAGE}`,
    );
  const server = await startRegistryServer({
    host: values.host ?? '127.0.0.1',
    port: intOption(values.port, 'port', 8081, 0, 65535),
    dataDir: resolve(io.cwd, values.data ?? DEFAULT_DATA_DIR),
    shapes,
    ruleSets,
    ...tlsOption(values, io.cwd),
    ...(values['auth-file'] === undefined ? {} : { authFile: resolve(io.cwd, values['auth-file']) }),
    maxBodyBytes: intOption(
      values['max-body-bytes'],
      'max-body-bytes',
      DEFAULT_MAX_BODY_BYTES,
      1,
      2 ** 31 - 1,
    ),
    maxSchemaBytes: intOption(
      values['max-schema-bytes'],
      'max-schema-bytes',
      DEFAULT_MAX_SCHEMA_BYTES,
      1,
      2 ** 31 - 1,
    ),
    rejectEmptySubject: values['reject-empty-subject'] === true,
    referenceVersionsStrict: values['reference-versions-strict'] === true,
    ...(kafka === undefined ? {} : { kafka }),
  });
  // Signal handlers go in before the URL is printed: whoever reads the URL may stop us at once.
  const stopped = new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  let exitCode = 0;
  server.kafka?.onFatal((e) => {
    // Crash-only: a node whose write failed (fenced by a newer leader, broker gone) no longer knows
    // that its state is the topic's; it stops, and a restart replays the topic.
    io.stderr(`schemagate registry: ${e.message}; stopping\n`);
    exitCode = 3;
    process.kill(process.pid, 'SIGTERM');
  });
  const { events, millis, tornBytes } = server.startup;
  if (server.kafka !== undefined)
    io.stderr(
      `schemagate registry: state in Kafka topic ${server.kafka.topic} (group ${server.kafka.groupId}); read ${events} offsets in ${millis.toFixed(0)} ms\n`,
    );
  else
    io.stderr(
      `schemagate registry: data in ${server.dataDir}; replayed ${events} events in ${millis.toFixed(0)} ms${tornBytes > 0 ? ` (cut off ${tornBytes} bytes of an unfinished last write)` : ''}\n`,
    );
  io.stdout(`listening on ${server.url}\n`);
  await stopped;
  return exitCode;
}

function kafkaOption(
  values: Partial<Record<'kafka' | 'topic' | 'group-id' | 'advertised-url' | 'data', string>>,
): KafkaStoreOptions | undefined {
  const bootstrap = values.kafka;
  if (bootstrap === undefined) {
    for (const name of ['topic', 'group-id', 'advertised-url'] as const)
      if (values[name] !== undefined)
        throw new SchemagateError('INVALID_ARGUMENT', `--${name} needs --kafka\nusage: ${SERVE_USAGE}`);
    return undefined;
  }
  if (values.data !== undefined)
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `--data and --kafka exclude each other: the state is in one or the other\nusage: ${SERVE_USAGE}`,
    );
  const brokers = bootstrap.split(',').map((b) => b.trim());
  if (brokers.some((b) => !/^[^\s:]+:\d+$/.test(b)))
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `--kafka must be a comma-separated list of host:port, got '${bootstrap}'\nusage: ${SERVE_USAGE}`,
    );
  const advertised = values['advertised-url'];
  if (advertised !== undefined && !/^https?:\/\/[^/]+$/.test(advertised.replace(/\/$/, '')))
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `--advertised-url must be http(s)://host:port, got '${advertised}'\nusage: ${SERVE_USAGE}`,
    );
  return {
    brokers,
    ...(values.topic === undefined ? {} : { topic: values.topic }),
    ...(values['group-id'] === undefined ? {} : { groupId: values['group-id'] }),
    ...(advertised === undefined ? {} : { advertisedUrl: advertised.replace(/\/$/, '') }),
  };
}

const command: Command = {
  name: 'registry',
  summary: 'run a local Confluent-compatible schema registry (registry serve)',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'serve') return serve(rest, io);
    if (sub === 'passwd') return passwd(rest, io);
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `unknown registry subcommand '${sub ?? ''}'\nusage: ${USAGE}`,
    );
  },
};
export default command;
