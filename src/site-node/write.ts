import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { subjectPagePath } from '../site/paths.js';
import { renderIndex } from '../site/render-index.js';
import { renderGraphPage, renderSubject } from '../site/render-subject.js';
import { SITE_CSS } from '../site/style.js';
import type { SiteData } from './read.js';

/** The page scripts bundled by scripts/build-site.mjs: two folders up from here, in src/ and in dist/cli/ alike. */
const ASSETS = new URL('../../site-assets/', import.meta.url);

export interface WrittenSite {
  pages: number;
  /** Bytes of index.html. */
  indexBytes: number;
}

/** Every file of the site by its path under the site's folder, made one at a time. */
export function* siteFiles({ model, lastSteps }: SiteData): Generator<[string, string | Buffer]> {
  yield ['assets/site.css', SITE_CSS];
  for (const name of ['index.js', 'subject.js'])
    yield [`assets/${name}`, readFileSync(new URL(name, ASSETS))];
  yield ['index.html', renderIndex(model)];
  yield ['graph.html', renderGraphPage(model.edges, model.subjects.length)];
  for (const s of model.subjects)
    yield [subjectPagePath(s.subject), renderSubject(s, model.edges, lastSteps.get(s.subject))];
}

/** The whole site in memory (for `--serve`). */
export function renderSite(data: SiteData): Map<string, string | Buffer> {
  return new Map(siteFiles(data));
}

/** Writes the whole site into `out` (its subjects/ and assets/ folders are replaced; other files are left alone). */
export function writeSite(data: SiteData, out: string): WrittenSite {
  rmSync(join(out, 'subjects'), { recursive: true, force: true });
  mkdirSync(join(out, 'subjects'), { recursive: true });
  mkdirSync(join(out, 'assets'), { recursive: true });
  let indexBytes = 0;
  // Written as made: the pages of a large repository are tens of megabytes, never all in memory at once.
  for (const [path, content] of siteFiles(data)) {
    writeFileSync(join(out, path), content);
    if (path === 'index.html') indexBytes = Buffer.byteLength(content);
  }
  return { pages: data.model.subjects.length + 2, indexBytes };
}
