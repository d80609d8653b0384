import { readFileSync } from 'node:fs';
import type { KafkaConfig } from 'kafkajs';
import { SchemagateError } from '../../errors.js';

/** Where the registry keeps its state on Kafka, and how the nodes find each other. */
export interface KafkaStoreOptions {
  /** `host:port` list. */
  brokers: string[];
  /** Default `_schemas`, as Confluent's `kafkastore.topic`. */
  topic?: string;
  /** The election group; also names the transactional id (`schemagate-<group>`). Default `schema-registry`. */
  groupId?: string;
  /** The URL other nodes forward writes to; default the server's own URL. */
  advertisedUrl?: string;
  /** Client security (TLS, SASL): default read from the environment, see `kafkaSecurityFromEnv`. */
  security?: Pick<KafkaConfig, 'ssl' | 'sasl'>;
  /** Election timing. Default 10 s session (Kafka's minimum is 6 s); a dead leader is replaced after it. */
  sessionTimeoutMs?: number;
}

export const DEFAULT_TOPIC = '_schemas';
export const DEFAULT_GROUP_ID = 'schema-registry';

const ENV = {
  mechanism: 'SCHEMAGATE_KAFKA_SASL_MECHANISM',
  username: 'SCHEMAGATE_KAFKA_SASL_USERNAME',
  password: 'SCHEMAGATE_KAFKA_SASL_PASSWORD',
  ssl: 'SCHEMAGATE_KAFKA_SSL',
  ca: 'SCHEMAGATE_KAFKA_SSL_CA_FILE',
  cert: 'SCHEMAGATE_KAFKA_SSL_CERT_FILE',
  key: 'SCHEMAGATE_KAFKA_SSL_KEY_FILE',
} as const;

const MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

function readPem(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const file = env[name];
  if (file === undefined || file === '') return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new SchemagateError('INVALID_ARGUMENT', `${name}: cannot read ${file}: ${(e as Error).message}`);
  }
}

/**
 * The Kafka client's security settings, from the environment only (secrets never go on a command
 * line): SASL/PLAIN or SCRAM with `SCHEMAGATE_KAFKA_SASL_MECHANISM`, `…_USERNAME`, `…_PASSWORD`;
 * TLS with `SCHEMAGATE_KAFKA_SSL=true` and optional PEM files `…_SSL_CA_FILE`, `…_SSL_CERT_FILE`,
 * `…_SSL_KEY_FILE` (a client certificate for mutual TLS).
 */
export function kafkaSecurityFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const out: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  const ca = readPem(env, ENV.ca);
  const cert = readPem(env, ENV.cert);
  const key = readPem(env, ENV.key);
  const sslFlag = env[ENV.ssl];
  if (sslFlag !== undefined && sslFlag !== '' && sslFlag !== 'true' && sslFlag !== 'false')
    throw new SchemagateError('INVALID_ARGUMENT', `${ENV.ssl} must be true or false, got '${sslFlag}'`);
  if ((cert === undefined) !== (key === undefined))
    throw new SchemagateError('INVALID_ARGUMENT', `${ENV.cert} and ${ENV.key} go together`);
  if (sslFlag === 'true' || ca !== undefined || cert !== undefined) {
    if (sslFlag === 'false')
      throw new SchemagateError(
        'INVALID_ARGUMENT',
        `${ENV.ssl}=false contradicts the TLS files that are set`,
      );
    out.ssl = ca === undefined && cert === undefined ? true : { ca, cert, key };
  }
  const mechanism = env[ENV.mechanism];
  if (mechanism !== undefined && mechanism !== '') {
    const m = mechanism.toLowerCase();
    if (!(MECHANISMS as readonly string[]).includes(m))
      throw new SchemagateError(
        'INVALID_ARGUMENT',
        `${ENV.mechanism} must be one of ${MECHANISMS.join(', ')}, got '${mechanism}'`,
      );
    const username = env[ENV.username];
    const password = env[ENV.password];
    if (username === undefined || password === undefined)
      throw new SchemagateError(
        'INVALID_ARGUMENT',
        `${ENV.mechanism} needs ${ENV.username} and ${ENV.password}`,
      );
    const mech = m as (typeof MECHANISMS)[number];
    out.sasl =
      mech === 'plain'
        ? { mechanism: mech, username, password }
        : mech === 'scram-sha-256'
          ? { mechanism: mech, username, password }
          : { mechanism: mech, username, password };
  }
  return out;
}
