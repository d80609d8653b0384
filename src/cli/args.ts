import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SchemagateError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;
export type ParsedCommandArgs<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/**
 * `util.parseArgs` with its errors turned into one clear INVALID_ARGUMENT (exit 2) that names the
 * command's usage, instead of a TypeError with a stack.
 */
export function parseCommandArgs<O extends Options>(args: string[], options: O, usage: string): ParsedCommandArgs<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const message = e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e);
    throw new SchemagateError('INVALID_ARGUMENT', `${message}\nusage: ${usage}`);
  }
}
