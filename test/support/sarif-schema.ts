// The official SARIF 2.1.0 JSON Schema (2.1.0-rtm.5, as schemastore publishes it), taken from an npm
// package that ships it (@microsoft/jest-sarif) into .cache/ on first use, and compiled with ajv.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const PACKAGE = '@microsoft/jest-sarif@1.0.0-beta.0';
const FILE = 'sarif-2.1.0-rtm.5.json';
const CACHE = fileURLToPath(new URL('../../.cache/sarif/', import.meta.url));

function schemaText(): string {
  const cached = join(CACHE, FILE);
  if (!existsSync(cached)) {
    mkdirSync(CACHE, { recursive: true });
    const tmp = mkdtempSync(join(CACHE, 'fetch-'));
    try {
      const tgz = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', tmp], {
        encoding: 'utf8',
      }).trim();
      execFileSync('tar', ['xzf', join(tmp, tgz), '-C', tmp, `package/lib/schemas/${FILE}`]);
      renameSync(join(tmp, 'package', 'lib', 'schemas', FILE), cached);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  return readFileSync(cached, 'utf8');
}

let validate: ValidateFunction | undefined;

/** The validation errors of a SARIF log against the official schema (empty when it is valid). */
export function sarifErrors(log: unknown): string[] {
  if (validate === undefined) {
    const schema = JSON.parse(schemaText()) as Record<string, unknown>;
    // The file is draft-04 (`id`, its `$schema`); its other keywords mean the same in ajv's draft-07.
    // One of its language patterns is not valid with the `u` flag, hence unicodeRegExp off.
    const { id, $schema: _draft, ...rest } = schema;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
    addFormats(ajv);
    validate = ajv.compile({ $id: id as string, ...rest });
  }
  return validate(log)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
