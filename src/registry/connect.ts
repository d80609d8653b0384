import { SchemagateError } from '../errors.js';
import { resolveRegistryUrl, type SchemagateConfig } from '../repo/config.js';
import { SchemaRegistryClient, type SchemaRegistryClientOptions } from './client/index.js';

/**
 * The registry a command talks to: `--registry`, else the configuration's `registry.url` (with `${ENV}`
 * expanded), else `SCHEMA_REGISTRY_URL`. Credentials come from the environment only.
 */
export function connectRegistry(
  flag: string | undefined,
  config: SchemagateConfig | undefined,
  env: Readonly<Record<string, string | undefined>>,
  extra: Partial<SchemaRegistryClientOptions> = {},
): SchemaRegistryClient {
  const url = flag ?? (config === undefined ? undefined : resolveRegistryUrl(config, env)) ?? env.SCHEMA_REGISTRY_URL;
  if (url === undefined || url === '') {
    throw new SchemagateError('INVALID_ARGUMENT', 'no registry: pass --registry <url>, set registry.url in schemagate.yaml, or set SCHEMA_REGISTRY_URL');
  }
  return SchemaRegistryClient.fromEnv(env, { ...extra, url });
}
