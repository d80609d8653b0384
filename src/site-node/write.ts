import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { subjectPage } from '../site/html.js';
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

/** Every file of the site by its path under the site's folder. */
export function renderSite({ model, lastSteps }: SiteData): Map<string, string | Buffer> {
  const files = new Map<string, string | Buffer>();
  files.set('assets/site.css', SITE_CSS);
  for (const name of ['index.js', 'subject.js'])
    files.set(`assets/${name}`, readFileSync(new URL(name, ASSETS)));
  files.set('index.html', renderIndex(model));
  files.set('graph.html', renderGraphPage(model.edges, model.subjects.length));
  for (const s of model.subjects)
    files.set(`subjects/${subjectPage(s.subject)}`, renderSubject(s, model.edges, lastSteps.get(s.subject)));
  return files;
}

/** Writes the whole site into `out` (its subjects/ and assets/ folders are replaced; other files are left alone). */
export function writeSite(data: SiteData, out: string): WrittenSite {
  const files = renderSite(data);
  const model = data.model;
  rmSync(join(out, 'subjects'), { recursive: true, force: true });
  mkdirSync(join(out, 'subjects'), { recursive: true });
  mkdirSync(join(out, 'assets'), { recursive: true });
  for (const [path, content] of files) writeFileSync(join(out, path), content);
  return { pages: model.subjects.length + 2, indexBytes: Buffer.byteLength(files.get('index.html') ?? '') };
}
