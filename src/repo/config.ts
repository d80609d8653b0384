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
import { isLintRuleId, LINT_RULE_IDS } from '../lint/rules.js';
import { DEFAULT_EXAMPLES } from '../examples/paths.js';

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
  /** Fields and named types must have a `doc`: DOC_MISSING runs in `check` even without `check: true`. */
  requireDoc: boolean;
  /** `check` runs every lint rule that is not off (warnings; errors with `--strict`). */
  check: boolean;
  /** The case every field name is in (FIELD_NAME_CASE). */
  fieldCase: FieldCase;
  /** A regular expression every Avro namespace must match (NAMESPACE_PATTERN); undefined: dotted lowercase. */
  namespace: string | undefined;
  /** How subjects are named (SUBJECT_NAME), as the serializers' subject name strategies. */
  subjectStrategy: SubjectStrategy;
  /** Severities by rule id; a rule not named is a warning. */
  rules: Record<string, LintSeverity>;
}

export type FieldCase = 'camelCase' | 'snake_case' | 'PascalCase';
export type SubjectStrategy = 'topic' | 'record' | 'topic-record';
export type LintSeverity = 'off' | 'info' | 'warning' | 'error';
const FIELD_CASES: readonly string[] = ['camelCase', 'snake_case', 'PascalCase'];
const SUBJECT_STRATEGIES: readonly string[] = ['topic', 'record', 'topic-record'];
const LINT_SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error'];

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
  /** Where the sample messages of each schema live (a glob with `{dir}` and `{name}`), for the examples guard. */
  examples: string;
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
  lint: {
    requireDoc: false,
    check: false,
    fieldCase: 'camelCase',
    namespace: undefined,
    subjectStrategy: 'topic',
    rules: {},
  },
  jsonSchemaPolicy: 'strict',
  generate: [],
  examples: DEFAULT_EXAMPLES,
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
    lint: { ...DEFAULT_CONFIG.lint, rules: {} },
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
  const oneOf = (node: unknown, key: string, allowed: readonly string[]): string => {
    const s = str(node, key);
    if (!allowed.includes(s))
      fail(`'${key}' must be one of ${allowed.join(', ')}, not '${s}'`, node as YamlNode);
    return s;
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
          else if (k === 'check') config.lint.check = bool(p.value, 'lint.check');
          else if (k === 'fieldCase')
            config.lint.fieldCase = oneOf(p.value, 'lint.fieldCase', FIELD_CASES) as FieldCase;
          else if (k === 'subjectStrategy')
            config.lint.subjectStrategy = oneOf(
              p.value,
              'lint.subjectStrategy',
              SUBJECT_STRATEGIES,
            ) as SubjectStrategy;
          else if (k === 'namespace') {
            const pattern = str(p.value, 'lint.namespace');
            try {
              new RegExp(pattern, 'u');
            } catch (e) {
              fail(
                `'lint.namespace' is not a regular expression: ${(e as Error).message}`,
                p.value as YamlNode,
              );
            }
            config.lint.namespace = pattern;
          } else if (k === 'rules') {
            if (!isMap(p.value))
              fail(
                `'lint.rules' must be a mapping of rule ids to off, info, warning or error`,
                p.value as YamlNode,
              );
            for (const r of (p.value as { items: Array<{ key: unknown; value: unknown }> }).items) {
              const id = isScalar(r.key) ? String(r.key.value) : '';
              if (!isLintRuleId(id))
                fail(`'lint.rules': unknown rule '${id}' (${LINT_RULE_IDS.join(', ')})`, r.key as YamlNode);
              config.lint.rules[id] = oneOf(r.value, `lint.rules.${id}`, LINT_SEVERITIES) as LintSeverity;
            }
          } else
            fail(
              `unknown key '${k}' in 'lint' (requireDoc, check, fieldCase, namespace, subjectStrategy, rules)`,
              p.key as YamlNode,
            );
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
      case 'examples': {
        const template = str(value, 'examples').replace(/^\.\//, '');
        if (template.startsWith('/') || template.split('/').includes('..'))
          fail(
            `'examples' must be a glob inside the schema root, such as '{dir}/examples/*.json'`,
            value as YamlNode,
          );
        config.examples = template;
        break;
      }
      default:
        fail(
          `unknown key '${key}' (root, baseBranch, compatibility, subjects, naming, allowDelete, jsonSchemaPolicy, registry, lint, generate, examples)`,
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
