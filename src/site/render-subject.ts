import type { VersionDiff } from './diff.js';
import { renderGraph, affectedBy, neighbourhood } from './graph.js';
import { esc, page, scriptJson, shortDate, subjectPage } from './html.js';
import type { FieldRow, ReferenceEdge, SubjectModel, VersionModel } from './model.js';
import { renderChanges, renderDiff, renderFindings } from './render-diff.js';

/** What the page's script needs to compare versions and try a change in the browser. */
export interface SubjectPageData {
  subject: string;
  format: SubjectModel['format'];
  level: SubjectModel['level'];
  policy: SubjectModel['policy'];
  references: SubjectModel['references'];
  versions: Array<{ version: number; label: string; text: string }>;
}

export function versionLabel(v: VersionModel): string {
  return v.commit === null ? `v${v.version} (working tree)` : `v${v.version}`;
}

const VERDICT: Record<VersionModel['verdict'], string> = {
  first: 'first version',
  compatible: 'compatible',
  incompatible: 'INCOMPATIBLE',
};

function history(s: SubjectModel): string {
  if (s.versions.length === 0) return '<p>No version in the history.</p>';
  const items = [...s.versions]
    .reverse()
    .map(
      (
        v,
      ) => `<li id="v${v.version}" class="version ${v.verdict}" data-version="${v.version}" data-verdict="${v.verdict}">
<div class="vhead"><strong>${esc(versionLabel(v))}</strong> ${v.commit === null ? '' : `<code>${v.commit.slice(0, 7)}</code> ${esc(v.author)} <time datetime="${esc(v.date)}">${shortDate(v.date)}</time>`} <span class="msg">${esc(v.message)}</span> <span class="verdict-tag ${v.verdict}">${VERDICT[v.verdict]}${v.verdict === 'compatible' || v.verdict === 'incompatible' ? ` (${s.level})` : ''}</span>${v.file === s.file ? '' : ` <span class="file">[${esc(v.file)}]</span>`}</div>
${renderChanges(v.changes)}${renderFindings(v.findings)}</li>`,
    )
    .join('');
  return `<ol class="versions" reversed>${items}</ol>`;
}

function fields(s: SubjectModel): string {
  if (s.current.fields.length === 0) return '<p>This schema has no fields (see the schema below).</p>';
  const proto = s.format === 'protobuf';
  const head = proto
    ? ['Field', 'Number', 'Type', 'Label', 'Default', 'Doc']
    : ['Field', 'Type', 'Required', 'Default', 'Doc', 'Aliases'];
  const cells = (f: FieldRow): string[] => {
    const type = `<td><code>${esc(f.type)}</code></td>`;
    const dflt = `<td>${f.default === undefined ? '' : `<code>${esc(f.default)}</code>`}</td>`;
    const doc = `<td>${esc(f.doc ?? '')}</td>`;
    return proto
      ? [`<td>${f.number ?? ''}</td>`, type, `<td>${esc(f.label ?? '')}</td>`, dflt, doc]
      : [
          type,
          `<td>${f.required ? 'required' : 'optional'}</td>`,
          dflt,
          doc,
          `<td>${f.aliases.map(esc).join(', ')}</td>`,
        ];
  };
  return `<table class="fields"><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${s.current.fields
    .map(
      (f) =>
        `<tr data-path="${esc(f.path)}"><th scope="row" style="padding-left:${0.5 + f.depth * 1.2}em"><code>${esc(f.name)}</code></th>${cells(f).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
}

function examples(s: SubjectModel): string {
  if (s.current.examples.length === 0) return '<p>No example for this schema.</p>';
  return s.current.examples
    .map(
      (e) =>
        `<figure class="example"><figcaption>${e.kind === 'minimal' ? 'Minimal' : 'Full'} message${
          e.encodedBytes === undefined
            ? ''
            : ` · <span class="size">${e.encodedBytes} bytes</span> in Avro binary`
        }${s.format === 'avro' ? ' · Avro JSON encoding' : e.message !== undefined ? ` · proto3 JSON mapping of <code>${esc(e.message)}</code>` : ''}</figcaption><pre><code class="example-json" data-kind="${e.kind}">${esc(JSON.stringify(e.value, null, 2))}</code></pre></figure>`,
    )
    .join('');
}

function references(s: SubjectModel, edges: readonly ReferenceEdge[]): string {
  const link = (n: string): string => `<a href="${esc(encodeURI(subjectPage(n)))}">${esc(n)}</a>`;
  const uses = edges.filter((e) => e.from === s.subject);
  const usedBy = edges.filter((e) => e.to === s.subject);
  const affected = affectedBy(s.subject, edges);
  const list = (items: string[]): string => (items.length === 0 ? 'none' : items.join(', '));
  return `<ul class="refs"><li>Uses: ${list(uses.map((e) => `${link(e.to)} (<code>${esc(e.name)}</code>)`))}</li>
<li>Used by: ${list(usedBy.map((e) => `${link(e.from)} (<code>${esc(e.name)}</code>)`))}</li>
<li>A change here can affect: ${list(affected.map(link))}</li></ul>${renderGraph(neighbourhood(s.subject, edges), { up: '../', highlight: s.subject })}`;
}

function raw(text: string): string {
  return `<ol class="code">${text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => `<li><code>${esc(l)}</code></li>`)
    .join('')}</ol>`;
}

/** A subject's page; `lastStep` is the diff of the last step, rendered for readers without JavaScript. */
export function renderSubject(
  s: SubjectModel,
  edges: readonly ReferenceEdge[],
  lastStep: VersionDiff | undefined,
): string {
  const valid = s.versions;
  const data: SubjectPageData = {
    subject: s.subject,
    format: s.format,
    level: s.level,
    policy: s.policy,
    references: s.references,
    versions: s.versions.map((v) => ({
      version: v.version,
      label: versionLabel(v),
      text: v.text,
    })),
  };
  const pick = (id: string, selected: number | undefined): string =>
    `<select id="${id}">${valid.map((v) => `<option value="${v.version}"${v.version === selected ? ' selected' : ''}>${esc(versionLabel(v))}</option>`).join('')}</select>`;
  const from = valid.at(-2);
  const to = valid.at(-1);
  const diff =
    valid.length < 2
      ? '<p>Only one version: nothing to compare yet.</p>'
      : `<form class="pickers" onsubmit="return false"><label>From ${pick('diff-from', from?.version)}</label> <label>To ${pick('diff-to', to?.version)}</label><noscript> (picking other versions needs JavaScript)</noscript></form>
<div id="diff-view" aria-live="polite">${lastStep === undefined ? '' : renderDiff(lastStep, { from: versionLabel(from!), to: versionLabel(to!), level: s.level })}</div>`;
  const problems =
    s.current.problems.length === 0
      ? ''
      : `<div class="problems" role="alert"><h2>Problems</h2><ul>${s.current.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul></div>`;
  const body = `<nav class="crumbs"><a href="../index.html">All subjects</a> › ${esc(s.subject)}</nav>
<h1>${esc(s.subject)}</h1>
<p class="meta"><code>${esc(s.file)}</code> · ${s.format} · ${s.level} · <span class="state ${s.state}">${s.state}</span> · ${s.versions.length} version${s.versions.length === 1 ? '' : 's'}</p>
${problems}
<nav class="toc" aria-label="On this page"><a href="#fields">Fields</a> <a href="#examples">Examples</a> <a href="#history">History</a> <a href="#compare">Compare</a> <a href="#try">Try a change</a> <a href="#references">References</a> <a href="#schema">Schema</a></nav>
<section id="fields"><h2>Fields</h2>${fields(s)}</section>
<section id="examples"><h2>Example messages</h2>${examples(s)}</section>
<section id="history"><h2>History</h2>${history(s)}</section>
<section id="compare"><h2>Compare versions</h2>${diff}</section>
<section id="try"><h2>Try a change</h2><p>Paste or edit a candidate schema: it is checked against every version above under ${s.level}, in this page.</p>
<textarea id="try-text" rows="14" spellcheck="false" aria-label="Candidate schema">${esc(s.current.text)}</textarea>
<p><button id="try-run" type="button">Check against the history</button><noscript> (needs JavaScript)</noscript></p><div id="try-result" aria-live="polite"></div></section>
<section id="references"><h2>References</h2>${references(s, edges)}</section>
<section id="schema"><h2>Schema</h2>${raw(s.current.text)}</section>
<script type="application/json" id="subject-data">${scriptJson(data)}</script>`;
  return page({ title: `${s.subject} · schemas`, body, up: '../', scripts: ['subject.js'] });
}

export function renderGraphPage(edges: readonly ReferenceEdge[], count: number): string {
  const body = `<h1>Reference graph</h1><p>${edges.length} reference${edges.length === 1 ? '' : 's'} among ${count} subjects: an arrow goes from a subject to the subject it takes a type from (Avro named types, JSON Schema <code>$ref</code>, Protobuf imports).</p>${renderGraph(edges, { up: '' })}`;
  return page({ title: 'Reference graph · schemas', body, up: '', scripts: ['index.js'] });
}
