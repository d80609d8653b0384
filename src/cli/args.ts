import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SchemagateError } from '../errors.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/formats.js';

type Options = NonNullable<ParseArgsConfig['options']>;
export type ParsedCommandArgs<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/**
 * `util.parseArgs` with its errors turned into one clear INVALID_ARGUMENT (exit 2) that names the
 * command's usage, instead of a TypeError with a stack.
 */
export function parseCommandArgs<O extends Options>(
  args: string[],
  options: O,
  usage: string,
): ParsedCommandArgs<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const message =
      e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e);
    throw new SchemagateError('INVALID_ARGUMENT', `${message}\nusage: ${usage}`);
  }
}

/** For a command that takes options only: a stray word is one INVALID_ARGUMENT naming it. */
export function refuseArguments(positionals: readonly string[], usage: string): void {
  if (positionals.length > 0)
    throw new SchemagateError('INVALID_ARGUMENT', `unexpected argument '${positionals[0]}'\nusage: ${usage}`);
}

/** `--format` of a command that writes a findings report (default text). */
export function reportFormatOption(value: string | undefined): ReportFormat {
  const format = (value ?? 'text') as ReportFormat;
  if (!REPORT_FORMATS.includes(format))
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `unknown --format '${value}' (one of ${REPORT_FORMATS.join(', ')})`,
    );
  return format;
}
