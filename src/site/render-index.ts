import { esc, page, shortDate } from './html.js';
import { subjectPagePath } from './paths.js';
import type { RegistryDrift, SiteModel, SubjectModel } from './model.js';

const DRIFT: Record<string, string> = {
  'in-sync': 'in sync',
  'only-in-repo': 'not registered',
  'only-in-registry': 'registry only',
  'latest-differs': 'differs',
  'level-differs': 'level differs',
};

function driftCell(drift: RegistryDrift | undefined, subject: string): string {
  if (drift === undefined) return '';
  const d = drift.subjects[subject];
  if (d === undefined) return '<td></td>';
  const cls = d.kinds.includes('in-sync') ? 'in-sync' : 'drift';
  return `<td class="registry"><span class="state ${cls}" title="${esc(d.detail)}">${d.kinds.map((k) => DRIFT[k] ?? k).join(', ')}</span>${
    d.version === undefined ? '' : ` v${d.version}`
  }</td>`;
}

function row(s: SubjectModel, drift?: RegistryDrift): string {
  const committed = s.versions.filter((v) => v.commit !== null);
  const last = committed.at(-1);
  const change =
    last === undefined
      ? '—'
      : `<code>${last.commit!.slice(0, 7)}</code> ${esc(last.author)} <time datetime="${esc(last.date)}">${shortDate(last.date)}</time>`;
  return `<tr class="subject" data-name="${esc(s.subject.toLowerCase())}" data-format="${s.format}" data-level="${s.level}"><th scope="row"><a href="${esc(encodeURI(subjectPagePath(s.subject)))}">${esc(s.subject)}</a></th><td>${s.format}</td><td>${s.level}</td><td class="num">${committed.length}</td><td>${change}</td><td><span class="state ${s.state}">${s.state}</span></td>${driftCell(drift, s.subject)}</tr>`;
}

/** The index: every subject, grouped by topic for `{topic}-key` / `{topic}-value` subjects, with a filter. */
export function renderIndex(model: SiteModel): string {
  const columns = model.registry === undefined ? 6 : 7;
  const groups = new Map<string, SubjectModel[]>();
  for (const s of model.subjects) {
    const key = s.topic ?? '';
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  // A topic with one subject is no group: it stays among the others.
  const others = [...(groups.get('') ?? [])];
  const topics: Array<[string, SubjectModel[]]> = [];
  for (const [topic, list] of groups) {
    if (topic === '') continue;
    if (list.length > 1) topics.push([topic, list]);
    else others.push(...list);
  }
  others.sort((a, b) => a.subject.localeCompare(b.subject));
  const bodies = [
    ...topics.map(
      ([topic, list]) =>
        `<tbody class="group" data-topic="${esc(topic)}"><tr class="topic"><th colspan="${columns}" scope="rowgroup">Topic ${esc(topic)}</th></tr>${list.map((s) => row(s, model.registry)).join('')}</tbody>`,
    ),
    others.length === 0
      ? ''
      : `<tbody class="group">${topics.length > 0 ? `<tr class="topic"><th colspan="${columns}" scope="rowgroup">Other subjects</th></tr>` : ''}${others.map((s) => row(s, model.registry)).join('')}</tbody>`,
  ].join('\n');
  const formats = [...new Set(model.subjects.map((s) => s.format))].sort();
  const levels = [...new Set(model.subjects.map((s) => s.level))].sort();
  const options = (values: string[]): string => values.map((v) => `<option>${esc(v)}</option>`).join('');
  const at =
    model.commit === null
      ? 'no commit yet'
      : `commit <code>${model.commit.slice(0, 7)}</code>${model.ref === null ? '' : ` (${esc(model.ref)})`}`;
  const registryOnly =
    model.registry === undefined
      ? []
      : Object.entries(model.registry.subjects)
          .filter(([, d]) => d.kinds.includes('only-in-registry'))
          .map(([name]) => name);
  const registryLine =
    model.registry === undefined
      ? ''
      : `<p class="registry-line">Compared with the registry at <code>${esc(model.registry.url)}</code>${
          registryOnly.length === 0
            ? '.'
            : `; only in the registry: <span id="registry-only">${registryOnly.map(esc).join(', ')}</span>.`
        }</p>`;
  const body = `<h1>Schemas</h1>
<p>${model.subjects.length} subject${model.subjects.length === 1 ? '' : 's'}; history read at ${at}.</p>${registryLine}
<form class="filter" role="search" onsubmit="return false"><label>Name <input id="filter-name" type="search" autocomplete="off"></label>
<label>Format <select id="filter-format"><option value="">all</option>${options(formats)}</select></label>
<label>Level <select id="filter-level"><option value="">all</option>${options(levels)}</select></label> <output id="filter-count"></output></form>
<table id="subjects" class="subjects"><thead><tr><th scope="col">Subject</th><th scope="col">Format</th><th scope="col">Level</th><th scope="col">Versions</th><th scope="col">Last change</th><th scope="col">State</th>${model.registry === undefined ? '' : '<th scope="col">Registry</th>'}</tr></thead>
${bodies}</table>`;
  return page({ title: 'Schemas', body, up: '', scripts: ['index.js'] });
}
