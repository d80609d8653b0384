import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { SchemagateError } from '../../errors.js';
import { parseJson, type JsonValue } from '../../formats/json/parse.js';
import { connectRegistry } from '../../registry/connect.js';
import { loadConfig, loadConfigAt, type SchemagateConfig } from '../../repo/config.js';
import { repoRoot } from '../../repo/git.js';
import { subjectSettings } from '../../repo/subjects.js';
import { messageChecker, type DataIssue } from '../../validate/check-message.js';
import { schemaFromGit, schemaFromRegistry, type ResolvedSchema } from '../../validate/resolve-schema.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../io.js';

const usage =
  'schemagate validate <subject|schema-file> <message.json>... [--version N] [--ref <rev>] [--registry <url>] [--format text|json] [--config <path>]';

interface MessageResult {
  file: string;
  valid: boolean;
  path?: string;
  reason?: string;
}

const command: Command = {
  name: 'validate',
  summary:
    'check sample messages (JSON) against a schema version from git or the registry; exit 1 if any is invalid',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        version: { type: 'string' },
        ref: { type: 'string' },
        registry: { type: 'string' },
        format: { type: 'string', short: 'f', default: 'text' },
        config: { type: 'string', short: 'c' },
      },
      usage,
    );
    const [target, ...messages] = positionals;
    if (target === undefined || messages.length === 0)
      throw new SchemagateError(
        'INVALID_ARGUMENT',
        `a schema and at least one message file are needed\nusage: ${usage}`,
      );
    if (values.format !== 'text' && values.format !== 'json')
      throw new SchemagateError(
        'INVALID_ARGUMENT',
        `--format must be text or json, not '${values.format}'\nusage: ${usage}`,
      );
    const version = values.version === undefined ? undefined : positiveInteger(values.version);
    if (values.registry !== undefined && values.ref !== undefined)
      throw new SchemagateError(
        'INVALID_ARGUMENT',
        `--ref reads git, --registry the registry: give one\nusage: ${usage}`,
      );

    // Every message is read (and must be JSON) before anything is checked: a typo in a name is exit 2.
    const parsed = messages.map((file) => ({ file, value: readMessage(io.cwd, file) }));
    const config = await configFor(io.cwd, values.config);
    const schema: ResolvedSchema =
      values.registry !== undefined
        ? await schemaFromRegistry(
            connectRegistry(values.registry, config, io.env),
            await subjectOf(target, io.cwd, config),
            version,
          )
        : await schemaFromGit({
            target,
            cwd: io.cwd,
            config: config ?? (await configFor(io.cwd, undefined, true))!,
            ...(version === undefined ? {} : { version }),
            ...(values.ref === undefined ? {} : { ref: values.ref }),
          });
    const check = await messageChecker(schema.schema, schema.label, schema.references);
    const results: MessageResult[] = parsed.map(({ file, value }) => result(file, check(value)));
    io.stdout(
      values.format === 'json'
        ? `${JSON.stringify({ schema: schema.label, messages: results }, null, 2)}\n`
        : renderText(schema, results),
    );
    return results.every((r) => r.valid) ? 0 : 1;
  },
};
export default command;

function result(file: string, issue: DataIssue | undefined): MessageResult {
  return issue === undefined
    ? { file, valid: true }
    : { file, valid: false, path: issue.path, reason: issue.reason };
}

function renderText(schema: ResolvedSchema, results: MessageResult[]): string {
  const lines = results.map((r) =>
    r.valid ? `${r.file}: valid` : `${r.file}: invalid at ${r.path === '' ? '(root)' : r.path}: ${r.reason}`,
  );
  const bad = results.filter((r) => !r.valid).length;
  lines.push(
    bad === 0
      ? `schemagate validate ok: ${results.length} message(s) valid against ${schema.label}`
      : `schemagate validate failed: ${bad} of ${results.length} message(s) invalid against ${schema.label}`,
  );
  return `${lines.join('\n')}\n`;
}

function positiveInteger(text: string): number {
  if (!/^[1-9][0-9]*$/.test(text))
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `--version must be a version number (1, 2, …), not '${text}'\nusage: ${usage}`,
    );
  return Number(text);
}

function readMessage(cwd: string, file: string): JsonValue {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SchemagateError(
      'FILE_UNREADABLE',
      `cannot read message ${file}${code === 'ENOENT' ? ': no such file' : `: ${(e as Error).message}`}`,
      { file },
    );
  }
  return parseJson(text, file).value; // INVALID_JSON names the file, line and column
}

/** The configuration of the repository around `cwd`; undefined outside a repository unless `required`. */
async function configFor(
  cwd: string,
  path: string | undefined,
  required = false,
): Promise<SchemagateConfig | undefined> {
  let top: string;
  try {
    top = await repoRoot(cwd);
  } catch (e) {
    if (required || path !== undefined) throw e;
    return undefined;
  }
  return path === undefined ? loadConfig(top) : loadConfigAt(top, path, cwd);
}

/** With --registry: a schema file stands for its subject; anything else is the subject's name. */
async function subjectOf(target: string, cwd: string, config: SchemagateConfig | undefined): Promise<string> {
  if (config === undefined || !/\.(avsc|json|proto)$/i.test(target)) return target;
  const top = await repoRoot(cwd);
  return subjectSettings(relative(top, resolve(cwd, target)).split('\\').join('/'), config).subject;
}
