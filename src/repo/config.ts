import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import {
  LineCounter,
  parseDocument,
  isMap,
  isSeq,
  isScalar,
  type Node as YamlNode,
  type Document,
} from 'yaml';
import { parseLevel, type CompatibilityLevel } from '../compat/level.js';
import { SchemagateError } from '../errors.js';
import type { FormatId } from '../formats/format.js';
import { parseFormatId } from '../formats/detect.js';
import type { JsonSchemaPolicy } from '../formats/load.js';
import { DEFAULT_ROOT } from './subjects.js';

export const CONFIG_FILE = 'schemagate.yaml';

export type Naming = 'file' | 'topic';

/** One `subjects:` rule: files matching `match` (a glob relative to the repository root) get these settings. */
export interface SubjectRule {
  match: string;
  compatibility?: CompatibilityLevel;
  /** The subject name, or a template with `{name}` (file name without extension), `{topic}`, `{dir}`. */
  subject?: string;
  format?: FormatId;
}

export interface LintConfig {
  /** Fields and named types must have a `doc`. */
  requireDoc: boolean;
}

export interface SchemagateConfig {
  /** The schema folder, relative to the repository root, with `/` separators and no trailing slash. */
  root: string;
  /** The branch whose history holds the versions; `undefined` means "the remote's default, else main". */
  baseBranch: string | undefined;
  compatibility: CompatibilityLevel;
  subjects: SubjectRule[];
  naming: Naming;
  allowDelete: boolean;
  registry: { url?: string } | undefined;
  lint: LintConfig;
  /** The JSON Schema allow-list for compatibility verdicts: `strict` (the registry's default) or `lenient`. */
  jsonSchemaPolicy: JsonSchemaPolicy;
  /** Modules (`.ts`, `.js`, relative to the repository root) whose declared models `generate` writes as schemas. */
  generate: string[];
  /** The file the configuration came from, `undefined` when the defaults apply. */
  file: string | undefined;
}

export const DEFAULT_CONFIG: SchemagateConfig = {
  root: DEFAULT_ROOT,
  baseBranch: undefined,
  compatibility: 'BACKWARD',
  subjects: [],
  naming: 'file',
  allowDelete: false,
  registry: undefined,
  lint: { requireDoc: false },
  jsonSchemaPolicy: 'strict',
  generate: [],
  file: undefined,
};

/** Reads `schemagate.yaml` at `repoRoot`; the defaults when there is none. Bad content throws INVALID_CONFIG (exit 2). */
export function loadConfig(repoRoot: string): SchemagateConfig {
  const path = join(repoRoot, CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ...DEFAULT_CONFIG };
    throw new SchemagateError('FILE_UNREADABLE', `cannot read ${CONFIG_FILE}: ${(e as Error).message}`, {
      file: CONFIG_FILE,
    });
  }
  return parseConfig(text, CONFIG_FILE);
}

/**
 * Reads the configuration at `path` (`--config`; relative to `cwd`) instead of schemagate.yaml at the
 * root. Its `file` is the path from the repository root (absolute when it lies outside the repository).
 * A missing or unreadable file is FILE_UNREADABLE (exit 2): a configuration named is never replaced by
 * the defaults. The Action's `config` input comes here too; `source` names the path's origin in messages.
 */
export function loadConfigAt(
  repoRoot: string,
  path: string,
  cwd: string,
  source = '--config',
): SchemagateConfig {
  const full = resolve(cwd, path);
  const fromRoot = relative(repoRoot, full).split('\\').join('/');
  const shown = fromRoot === '' || fromRoot.startsWith('../') || isAbsolute(fromRoot) ? full : fromRoot;
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SchemagateError(
      'FILE_UNREADABLE',
      `${source} ${path}: cannot read ${full}${code === 'ENOENT' ? ': no such file' : `: ${(e as Error).message}`}`,
      { file: shown },
    );
  }
  return parseConfig(text, shown);
}

/** Parses the text of a configuration file. `file` is only used in messages. */
export function parseConfig(text: string, file = CONFIG_FILE): SchemagateConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const fail = (message: string, node?: YamlNode | null, offset?: number): never => {
    const at = offset ?? node?.range?.[0];
    const pos = at === undefined ? undefined : lines.linePos(at);
    throw new SchemagateError('INVALID_CONFIG', `${message}`, {
      file,
      ...(pos === undefined ? {} : { line: pos.line, column: pos.col }),
    });
  };
  const firstError = doc.errors[0];
  if (firstError !== undefined) {
    const message =
      firstError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
    fail(`invalid YAML: ${message}`, undefined, firstError.pos[0]);
  }
  const config: SchemagateConfig = {
    ...DEFAULT_CONFIG,
    subjects: [],
    lint: { ...DEFAULT_CONFIG.lint },
    generate: [],
    file,
  };
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return config;
  if (!isMap(contents))
    fail('the configuration must be a mapping of keys (root, compatibility, subjects, …)', contents);
  const map = contents as Exclude<Document['contents'], null> & {
    items: Array<{ key: unknown; value: unknown }>;
  };

  const str = (node: unknown, key: string): string => {
    if (!isScalar(node) || typeof node.value !== 'string' || node.value === '')
      fail(`'${key}' must be a non-empty string`, node as YamlNode);
    return (node as { value: string }).value;
  };
  const level = (node: unknown, key: string): CompatibilityLevel => {
    const s = str(node, key);
    const l = parseLevel(s);
    if (l === undefined)
      fail(
        `'${key}': unknown compatibility level '${s}' (one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE)`,
        node as YamlNode,
      );
    return l as CompatibilityLevel;
  };
  const bool = (node: unknown, key: string): boolean => {
    if (!isScalar(node) || typeof node.value !== 'boolean')
      fail(`'${key}' must be true or false`, node as YamlNode);
    return (node as { value: boolean }).value;
  };

  for (const pair of map.items) {
    const keyNode = pair.key as YamlNode;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value;
    switch (key) {
      case 'root': {
        const root = str(value, 'root').replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
        if (root.startsWith('/') || root.split('/').includes('..'))
          fail(`'root' must be a folder inside the repository, such as 'schemas'`, value as YamlNode);
        config.root = root === '' ? '.' : root;
        break;
      }
      case 'baseBranch':
        config.baseBranch = str(value, 'baseBranch');
        break;
      case 'compatibility':
        config.compatibility = level(value, 'compatibility');
        break;
      case 'naming': {
        const n = str(value, 'naming');
        if (n !== 'file' && n !== 'topic')
          fail(`'naming' must be 'file' or 'topic', not '${n}'`, value as YamlNode);
        config.naming = n as Naming;
        break;
      }
      case 'allowDelete':
        config.allowDelete = bool(value, 'allowDelete');
        break;
      case 'jsonSchemaPolicy': {
        const policy = str(value, 'jsonSchemaPolicy');
        if (policy !== 'strict' && policy !== 'lenient')
          fail(`'jsonSchemaPolicy' must be 'strict' or 'lenient', not '${policy}'`, value as YamlNode);
        config.jsonSchemaPolicy = policy as JsonSchemaPolicy;
        break;
      }
      case 'subjects': {
        if (value === null || value === undefined || (isScalar(value) && value.value === null)) break;
        if (!isSeq(value)) fail(`'subjects' must be a list of rules (- match: "glob")`, value as YamlNode);
        for (const item of (value as { items: unknown[] }).items) {
          if (!isMap(item)) fail(`each 'subjects' rule must be a mapping with 'match'`, item as YamlNode);
          const rule: Partial<SubjectRule> = {};
          for (const p of (item as { items: Array<{ key: unknown; value: unknown }> }).items) {
            const k = isScalar(p.key) ? String(p.key.value) : '';
            if (k === 'match') rule.match = str(p.value, 'subjects[].match');
            else if (k === 'compatibility') rule.compatibility = level(p.value, 'subjects[].compatibility');
            else if (k === 'subject') rule.subject = str(p.value, 'subjects[].subject');
            else if (k === 'format') {
              const f = parseFormatId(str(p.value, 'subjects[].format'));
              if (f === undefined)
                fail(`'subjects[].format' must be 'avro', 'json' or 'protobuf'`, p.value as YamlNode);
              rule.format = f as FormatId;
            } else
              fail(
                `unknown key '${k}' in a subjects rule (match, compatibility, subject, format)`,
                p.key as YamlNode,
              );
          }
          if (rule.match === undefined)
            fail(
              `a 'subjects' rule needs 'match' (a glob such as "schemas/orders/*.avsc")`,
              item as YamlNode,
            );
          config.subjects.push(rule as SubjectRule);
        }
        break;
      }
      case 'registry': {
        if (!isMap(value)) fail(`'registry' must be a mapping (url: …)`, value as YamlNode);
        const registry: { url?: string } = {};
        for (const p of (value as { items: Array<{ key: unknown; value: unknown }> }).items) {
          const k = isScalar(p.key) ? String(p.key.value) : '';
          if (k === 'url') registry.url = str(p.value, 'registry.url');
          else fail(`unknown key '${k}' in 'registry' (url)`, p.key as YamlNode);
        }
        config.registry = registry;
        break;
      }
      case 'lint': {
        if (!isMap(value)) fail(`'lint' must be a mapping (requireDoc: true)`, value as YamlNode);
        for (const p of (value as { items: Array<{ key: unknown; value: unknown }> }).items) {
          const k = isScalar(p.key) ? String(p.key.value) : '';
          if (k === 'requireDoc') config.lint.requireDoc = bool(p.value, 'lint.requireDoc');
          else fail(`unknown key '${k}' in 'lint' (requireDoc)`, p.key as YamlNode);
        }
        break;
      }
      case 'generate': {
        if (!isSeq(value))
          fail(`'generate' must be a list of model modules (- models/events.ts)`, value as YamlNode);
        for (const item of (value as { items: unknown[] }).items) {
          const module = str(item, 'generate[]').replace(/\\/g, '/').replace(/^\.\//, '');
          if (module.startsWith('/') || module.split('/').includes('..'))
            fail(
              `'generate' modules must be files inside the repository, such as 'models/events.ts'`,
              item as YamlNode,
            );
          config.generate.push(module);
        }
        break;
      }
      default:
        fail(
          `unknown key '${key}' (root, baseBranch, compatibility, subjects, naming, allowDelete, jsonSchemaPolicy, registry, lint, generate)`,
          keyNode,
        );
    }
  }
  return config;
}

/**
 * The registry URL with `${NAME}` replaced from the environment. Expanded on use, not on load, so that
 * `check` works without the registry's variables; an unset variable is an error rather than an empty URL.
 */
export function resolveRegistryUrl(
  config: SchemagateConfig,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  const url = config.registry?.url;
  if (url === undefined) return undefined;
  return url.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const v = env[name];
    if (v === undefined)
      throw new SchemagateError(
        'INVALID_CONFIG',
        `environment variable ${name} is not set (used in registry.url)`,
        { file: config.file ?? CONFIG_FILE },
      );
    return v;
  });
}
