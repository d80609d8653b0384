import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { checkCompatibility } from '../../compat/check.js';
import type { CompatFinding } from '../../compat/finding.js';
import { LEVELS, parseLevel, type CompatibilityLevel } from '../../compat/level.js';
import { isSchemagateError, SchemagateError, type ErrorCode } from '../../errors.js';
import type {
  FormatHandler,
  FormatId,
  ParsedSchema,
  SchemaIssue,
  SchemaReference,
} from '../../formats/format.js';
import { protoImports } from '../../formats/protobuf/index.js';
import { parseJson, type JsonValue } from '../../formats/json/parse.js';
import { detectFormat, formatById, parseFormatId } from '../../formats/registry.js';
import { jsonSchemaFormatWith, parsePolicy } from '../../formats/jsonschema/index.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../io.js';

const usage =
  'schemagate compat [--level <LEVEL>] [--type avro|json|protobuf] [--policy strict|lenient] [--json] <file>...  (files oldest first; the last is the candidate; level defaults to BACKWARD)';

/** A problem that ends the command with exit 2: in `--json` mode it becomes the `{"error": …}` object. */
class CompatInputError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
    readonly issues?: SchemaIssue[],
  ) {
    super(message);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

async function readSchemaFile(file: string, cwd: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(cwd, file));
  } catch (e) {
    const reason =
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : (e as NodeJS.ErrnoException).code === 'EISDIR'
          ? 'is a directory'
          : e instanceof Error
            ? e.message
            : String(e);
    throw new CompatInputError('FILE_UNREADABLE', `cannot read the file: ${reason}`, file);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new CompatInputError('NOT_UTF8', `${file} is not UTF-8 text`, file);
  }
}

/** The format of a file: `--type`, else detected from its name and content (Avro, JSON Schema, Protobuf). */
function formatOf(file: string, text: string, forced: FormatId | undefined): FormatId {
  if (forced !== undefined) return forced;
  if (file.toLowerCase().endsWith('.proto')) return 'protobuf';
  let value: JsonValue | undefined;
  try {
    value = parseJson(text, file).value;
  } catch {
    value = undefined; // the parser of the chosen format reports the JSON error with its position
  }
  return detectFormat(file, value);
}

/**
 * The files a `.proto` schema imports, read as protoc would with `-I <its folder> -I <cwd>`, and
 * theirs in turn. An import found nowhere is left out: the parse then reports it at its line.
 */
async function protoReferences(file: string, text: string, cwd: string): Promise<SchemaReference[]> {
  const found = new Map<string, string>();
  const pending = protoImports(text);
  while (pending.length > 0) {
    const name = pending.shift() as string;
    if (found.has(name)) continue;
    for (const candidate of [resolve(cwd, dirname(file), name), resolve(cwd, name)]) {
      const imported = await readFile(candidate, 'utf8').catch(() => undefined);
      if (imported === undefined) continue;
      found.set(name, imported);
      pending.push(...protoImports(imported));
      break;
    }
  }
  return [...found].map(([name, importedText]) => ({ name, text: importedText }));
}

function parseOne(
  handler: FormatHandler<ParsedSchema>,
  file: string,
  text: string,
  lenient: boolean,
  references: SchemaReference[] = [],
): ParsedSchema {
  const result = handler.parse(text, { file, lenient, ...(references.length > 0 ? { references } : {}) });
  if (result.ok) return result.schema;
  const first = result.issues[0];
  throw new CompatInputError(
    'INVALID_SCHEMA',
    first === undefined ? `${file} is not a valid schema` : `${first.rule} ${first.message}`,
    file,
    first?.line,
    first?.column,
    result.issues,
  );
}

interface LocatedFinding extends CompatFinding {
  file: string;
  line: number;
  column: number;
}

async function runCompat(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      level: { type: 'string', short: 'l' },
      type: { type: 'string', short: 't' },
      policy: { type: 'string' },
      json: { type: 'boolean' },
    },
    usage,
  );
  const level: CompatibilityLevel | undefined =
    values.level === undefined ? 'BACKWARD' : parseLevel(values.level);
  if (level === undefined)
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `unknown level '${values.level}' (one of ${LEVELS.join(', ')})\nusage: ${usage}`,
    );
  const forced = values.type === undefined ? undefined : parseFormatId(values.type);
  if (values.type !== undefined && forced === undefined)
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `unknown --type '${values.type}' (avro, json or protobuf)\nusage: ${usage}`,
    );
  // JSON Schema's allow-list (registry `compatibilityPolicy`); Avro has none.
  const policy = values.policy === undefined ? undefined : parsePolicy(values.policy);
  if (values.policy !== undefined && policy === undefined)
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `unknown --policy '${values.policy}' (strict or lenient)\nusage: ${usage}`,
    );
  if (positionals.length === 0)
    throw new SchemagateError('INVALID_ARGUMENT', `give at least one schema file\nusage: ${usage}`);

  const texts = await Promise.all(positionals.map((f) => readSchemaFile(f, io.cwd)));
  const formats = positionals.map((f, i) => formatOf(f, texts[i] as string, forced));
  const candidateFormat = formats[formats.length - 1] as FormatId;
  const other = formats.findIndex((f) => f !== candidateFormat);
  if (other >= 0) {
    throw new CompatInputError(
      'INVALID_ARGUMENT',
      `${positionals[other]} looks like ${formats[other]} but the candidate ${positionals[positionals.length - 1]} like ${candidateFormat}; pass --type to say which`,
      positionals[other],
    );
  }
  const handler =
    policy !== undefined && candidateFormat === 'json'
      ? jsonSchemaFormatWith({ policy })
      : formatById(candidateFormat);
  // The registry parses stored versions leniently and validates only the new schema (§4.4).
  const references = await Promise.all(
    positionals.map((f, i) =>
      candidateFormat === 'protobuf' ? protoReferences(f, texts[i] as string, io.cwd) : [],
    ),
  );
  const schemas = positionals.map((f, i) =>
    parseOne(handler, f, texts[i] as string, i < positionals.length - 1, references[i]),
  );
  const candidate = schemas[schemas.length - 1] as ParsedSchema;
  const candidateFile = positionals[positionals.length - 1] as string;
  const result = checkCompatibility(level, candidate, schemas.slice(0, -1), (r, w, c) =>
    handler.check(r, w, c),
  );
  const findings: LocatedFinding[] = result.findings.map((f) => {
    const at = handler.locate(candidate, f.candidatePointer ?? f.path);
    return { ...f, file: candidateFile, line: at.line, column: at.column };
  });
  // Lint the registry accepts (an Avro field alias naming a sibling, a decimal Avro ignores): never a refusal.
  const warnings = candidate.warnings ?? [];
  if (values.json === true) {
    const out = {
      compatible: result.compatible,
      level,
      findings,
      ...(warnings.length > 0 ? { warnings } : {}),
    };
    io.stdout(`${JSON.stringify(out)}\n`);
  } else {
    for (const w of warnings)
      io.stderr(`schemagate: ${candidateFile}:${w.line}:${w.column}: warning ${w.rule} ${w.message}\n`);
    const lines = findings.map(
      (f) =>
        `${f.file}:${f.line}:${f.column}: ${f.errorType} ${f.message} [version ${f.version}, ${f.direction}]\n  fix: ${f.fix}`,
    );
    const versions = new Set(findings.map((f) => f.version)).size;
    const compared =
      level === 'NONE'
        ? 'no earlier version (level NONE)'
        : `${schemas.length - 1} earlier version${schemas.length === 2 ? '' : 's'} given`;
    lines.push(
      result.compatible
        ? `compatible: ${candidateFile} at ${level} (${compared})`
        : `incompatible: ${findings.length} finding${findings.length === 1 ? '' : 's'} against ${versions} version${versions === 1 ? '' : 's'} at ${level}`,
    );
    io.stdout(`${lines.join('\n')}\n`);
  }
  return result.compatible ? 0 : 1;
}

const command: Command = {
  name: 'compat',
  summary: 'check schema versions (oldest first, candidate last) with the registry’s compatibility rules',
  usage,
  async run(args, io) {
    const json = args.includes('--json');
    try {
      return await runCompat(args, io);
    } catch (e) {
      const err =
        e instanceof CompatInputError
          ? e
          : isSchemagateError(e)
            ? new CompatInputError(e.code, e.message, e.location.file, e.location.line, e.location.column)
            : undefined;
      if (err === undefined) throw e;
      if (json) {
        const error = {
          code: err.code,
          ...(err.file === undefined ? {} : { file: err.file }),
          ...(err.line === undefined ? {} : { line: err.line, column: err.column }),
          message: err.message,
          ...(err.issues === undefined ? {} : { issues: err.issues }),
        };
        io.stdout(`${JSON.stringify({ error })}\n`);
      } else if (err.issues !== undefined && err.issues.length > 0) {
        for (const i of err.issues)
          io.stderr(`schemagate: ${err.file}:${i.line}:${i.column}: ${i.rule} ${i.message}\n`);
      } else {
        const where =
          err.file === undefined
            ? ''
            : `${err.file}${err.line === undefined ? '' : `:${err.line}:${err.column}`}: `;
        io.stderr(`schemagate: ${where}${err.message}\n`);
      }
      return 2;
    }
  },
};
export default command;
