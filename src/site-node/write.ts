import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormatHandler, ParsedSchema } from '../formats/format.js';
import { loadFormat } from '../formats/load.js';
import { diffVersions, type VersionDiff } from '../site/diff.js';
import { subjectPage } from '../site/html.js';
import type { SiteModel, SubjectModel } from '../site/model.js';
import { renderIndex } from '../site/render-index.js';
import { renderGraphPage, renderSubject } from '../site/render-subject.js';
import { SITE_CSS } from '../site/style.js';

/** The page scripts bundled by scripts/build-site.mjs: two folders up from here, in src/ and in dist/cli/ alike. */
const ASSETS = new URL('../../site-assets/', import.meta.url);

export interface WrittenSite {
  pages: number;
  /** Bytes of index.html. */
  indexBytes: number;
}

/** Every file of the site by its path under the site's folder. */
export async function renderSite(model: SiteModel): Promise<Map<string, string | Buffer>> {
  const files = new Map<string, string | Buffer>();
  files.set('assets/site.css', SITE_CSS);
  for (const name of ['index.js', 'subject.js'])
    files.set(`assets/${name}`, readFileSync(new URL(name, ASSETS)));
  files.set('index.html', renderIndex(model));
  files.set('graph.html', renderGraphPage(model.edges, model.subjects.length));
  for (const s of model.subjects)
    files.set(`subjects/${subjectPage(s.subject)}`, renderSubject(s, model.edges, await lastStep(s)));
  return files;
}

/** Writes the whole site into `out` (its subjects/ and assets/ folders are replaced; other files are left alone). */
export async function writeSite(model: SiteModel, out: string): Promise<WrittenSite> {
  const files = await renderSite(model);
  rmSync(join(out, 'subjects'), { recursive: true, force: true });
  mkdirSync(join(out, 'subjects'), { recursive: true });
  mkdirSync(join(out, 'assets'), { recursive: true });
  for (const [path, content] of files) writeFileSync(join(out, path), content);
  return { pages: model.subjects.length + 2, indexBytes: Buffer.byteLength(files.get('index.html') ?? '') };
}

/** The diff of the newest two valid versions, for the page's default view. */
async function lastStep(s: SubjectModel): Promise<VersionDiff | undefined> {
  const valid = s.versions.filter((v) => v.verdict !== 'invalid');
  const from = valid.at(-2);
  const to = valid.at(-1);
  if (from === undefined || to === undefined) return undefined;
  const handler = await loadFormat(s.format, { policy: s.policy });
  const a = parse(handler, s, from.text);
  const b = parse(handler, s, to.text);
  return a === undefined || b === undefined
    ? undefined
    : diffVersions(
        handler,
        s.format,
        s.level,
        { text: from.text, schema: a },
        { text: to.text, schema: b },
        s.references,
      );
}

function parse(handler: FormatHandler, s: SubjectModel, text: string): ParsedSchema | undefined {
  const r = handler.parse(text, { references: s.references, lenient: true });
  return r.ok ? r.schema : undefined;
}
