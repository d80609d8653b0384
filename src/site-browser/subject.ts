/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A subject page's script: compare any two versions, and try a candidate schema against the whole
// history, with the same engines the CLI runs (the pure core, bundled for the page).
import type { FormatHandler, ParsedSchema } from '../formats/format.js';
import { formatById } from '../formats/registry.js';
import { jsonSchemaFormatWith } from '../formats/jsonschema/index.js';
import { diffVersions } from '../site/diff.js';
import { esc } from '../site/html.js';
import { renderDiff, renderFindings } from '../site/render-diff.js';
import type { SubjectPageData } from '../site/render-subject.js';
import { verdictOf } from '../site/steps.js';
import './index.js';

const dataElement = document.getElementById('subject-data');
if (dataElement !== null) start(JSON.parse(dataElement.textContent ?? '{}') as SubjectPageData);

function start(data: SubjectPageData): void {
  const handler: FormatHandler =
    data.format === 'json' && data.policy === 'lenient'
      ? (jsonSchemaFormatWith({ policy: 'lenient' }) as FormatHandler)
      : formatById(data.format);
  const parsed = new Map<number, { text: string; schema: ParsedSchema }>();
  for (const v of data.versions) {
    const r = handler.parse(v.text, { references: data.references, lenient: true });
    if (r.ok) parsed.set(v.version, { text: v.text, schema: r.schema });
  }
  const label = (n: number): string => data.versions.find((v) => v.version === n)?.label ?? `v${n}`;

  const from = document.querySelector<HTMLSelectElement>('#diff-from');
  const to = document.querySelector<HTMLSelectElement>('#diff-to');
  const view = document.querySelector<HTMLElement>('#diff-view');
  if (from !== null && to !== null && view !== null) {
    const show = (): void => {
      const a = parsed.get(Number(from.value));
      const b = parsed.get(Number(to.value));
      if (a === undefined || b === undefined) return;
      const d = diffVersions(handler, data.format, data.level, a, b, data.references);
      view.innerHTML = renderDiff(d, {
        from: label(Number(from.value)),
        to: label(Number(to.value)),
        level: data.level,
      });
    };
    from.addEventListener('change', show);
    to.addEventListener('change', show);
  }

  const text = document.querySelector<HTMLTextAreaElement>('#try-text');
  const run = document.querySelector<HTMLButtonElement>('#try-run');
  const result = document.querySelector<HTMLElement>('#try-result');
  if (text === null || run === null || result === null) return;
  run.addEventListener('click', () => {
    result.innerHTML = tryCandidate(handler, data, text.value, [...parsed.values()]);
  });
}

/** The verdict of a candidate against every version, and its diff from the newest, as HTML. */
function tryCandidate(
  handler: FormatHandler,
  data: SubjectPageData,
  text: string,
  versions: Array<{ text: string; schema: ParsedSchema }>,
): string {
  const r = handler.parse(text, { references: data.references });
  if (!r.ok)
    return `<p class="verdict bad">The candidate is not a valid schema</p><ul class="findings">${r.issues
      .map(
        (i) =>
          `<li class="finding">line ${i.line}, column ${i.column}: <code>${esc(i.rule)}</code> ${esc(i.message)}</li>`,
      )
      .join('')}</ul>`;
  const previous = versions.map((v) => v.schema);
  const verdict = verdictOf(handler, data.level, r.schema, previous);
  const last = versions.at(-1);
  const head = verdict.compatible
    ? `<p class="verdict ok">The candidate is compatible with the history (${esc(data.level)}, ${previous.length} version${previous.length === 1 ? '' : 's'})</p>`
    : `<p class="verdict bad">The candidate is INCOMPATIBLE with the history (${esc(data.level)})</p>`;
  if (last === undefined) return head;
  const d = diffVersions(handler, data.format, data.level, last, { text, schema: r.schema }, data.references);
  return `${head}${renderFindings(verdict.findings)}<h3>Against the newest version</h3>${renderDiff(d, {
    from: data.versions.at(-1)?.label ?? 'newest',
    to: 'candidate',
    level: data.level,
  })}`;
}
