import type { ParseArgsConfig } from 'node:util';
import { parseCommandArgs, type ParsedCommandArgs } from '../args.js';
import { SchemagateError } from '../../errors.js';
import { parseTimeout } from '../../registry/client/timeout.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The options every command that talks to the registry takes (publish, status, import). */
const REGISTRY_OPTIONS = {
  registry: { type: 'string' },
  timeout: { type: 'string' },
  format: { type: 'string', default: 'text' },
} as const;

/**
 * `parseCommandArgs` with `--registry <url>`, `--timeout <duration>` and `--format text|json` added to the
 * command's own options; a bad format or timeout is one INVALID_ARGUMENT naming the usage. `client` holds
 * what goes to the registry client (the timeout, when given; else `SCHEMA_REGISTRY_TIMEOUT`, else 30 s).
 */
export function parseRegistryCommandArgs<O extends Options>(
  args: string[],
  options: O,
  usage: string,
): {
  values: ParsedCommandArgs<typeof REGISTRY_OPTIONS & O>['values'];
  format: 'text' | 'json';
  client: { timeoutMs?: number };
} {
  const { values } = parseCommandArgs(args, { ...REGISTRY_OPTIONS, ...options }, usage);
  // `values` is generic in O here; `format` is always a string (it has a default).
  const format = (values as { format: string }).format;
  if (format !== 'text' && format !== 'json') {
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `--format must be text or json, not '${format}'\nusage: ${usage}`,
    );
  }
  const timeout = (values as { timeout?: string }).timeout;
  let timeoutMs: number | undefined;
  try {
    timeoutMs = timeout === undefined ? undefined : parseTimeout(timeout, '--timeout');
  } catch (e) {
    if (e instanceof SchemagateError)
      throw new SchemagateError('INVALID_ARGUMENT', `${e.message}\nusage: ${usage}`);
    throw e;
  }
  return { values, format, client: timeoutMs === undefined ? {} : { timeoutMs } };
}
