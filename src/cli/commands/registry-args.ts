import type { ParseArgsConfig } from 'node:util';
import { parseCommandArgs, type ParsedCommandArgs } from '../args.js';
import { SchemagateError } from '../../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The options every command that talks to the registry takes (publish, status, import). */
const REGISTRY_OPTIONS = {
  registry: { type: 'string' },
  format: { type: 'string', default: 'text' },
} as const;

/**
 * `parseCommandArgs` with `--registry <url>` and `--format text|json` added to the command's own options;
 * any other format is one INVALID_ARGUMENT naming the usage.
 */
export function parseRegistryCommandArgs<O extends Options>(
  args: string[],
  options: O,
  usage: string,
): { values: ParsedCommandArgs<typeof REGISTRY_OPTIONS & O>['values']; format: 'text' | 'json' } {
  const { values } = parseCommandArgs(args, { ...REGISTRY_OPTIONS, ...options }, usage);
  // `values` is generic in O here; `format` is always a string (it has a default).
  const format = (values as { format: string }).format;
  if (format !== 'text' && format !== 'json') {
    throw new SchemagateError('INVALID_ARGUMENT', `--format must be text or json, not '${format}'\nusage: ${usage}`);
  }
  return { values, format };
}
