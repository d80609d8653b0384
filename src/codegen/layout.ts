import { SchemagateError } from '../errors.js';
import { DECLARATION as DECLARATION_KIND, type Declaration } from '../formats/zod/declare.js';
import type { SchemagateConfig } from '../repo/config.js';
import { subjectSettings } from '../repo/subjects.js';

/**
 * Where a declaration's schema file lives (from the repository root), in the project's naming:
 * `naming: topic` puts a message of topic `orders` at `<root>/orders/value.avsc`, `naming: file` at
 * `<root>/orders-value.avsc`; a base type goes to `<root>/shared/<Name>.avsc`. A declaration's `file`
 * overrides the layout. The subject the configuration gives the file must be the declared one, so a
 * generated schema is never published under a subject its model did not ask for.
 */
export function schemaPathOf(decl: Declaration, config: SchemagateConfig, module: string): string {
  const ext = decl.format === 'json' ? '.json' : '.avsc';
  const prefix = config.root === '.' ? '' : `${config.root}/`;
  let inRoot: string;
  if (decl.file !== undefined) inRoot = decl.file.replace(/^\.\//, '');
  else if (decl[DECLARATION_KIND] === 'base') inRoot = `shared/${decl.name}${ext}`;
  else {
    const subject = intendedSubject(decl)!;
    const m = /^(.+)-(key|value)$/.exec(subject);
    inRoot = config.naming === 'topic' && m !== null ? `${m[1]}/${m[2]}${ext}` : `${subject}${ext}`;
  }
  if (inRoot.startsWith('/') || inRoot.split('/').includes('..'))
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `${module}: ${decl.name}: 'file' must stay under the schema root`,
    );
  const path = `${prefix}${inRoot}`;
  const wanted = intendedSubject(decl);
  if (wanted !== undefined) {
    const got = subjectSettings(path, config).subject;
    if (got !== wanted)
      throw new SchemagateError(
        'INVALID_CONFIG',
        `${module}: ${decl.name} is declared for subject ${wanted}, but schemagate.yaml names its file ${path} subject ${got}: set the declaration's 'file' or add a subjects rule`,
        { file: config.file ?? 'schemagate.yaml' },
      );
  }
  return path;
}

/** The subject a message asks for: its `subject`, else `{topic}-value` or `{topic}-key`; none for a base. */
export function intendedSubject(decl: Declaration): string | undefined {
  if (decl[DECLARATION_KIND] !== 'message') return undefined;
  return decl.subject ?? `${decl.topic}-${decl.key ? 'key' : 'value'}`;
}
