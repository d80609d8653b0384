import type { Direction } from '../compat/level.js';
import type { FieldDiffRow, VersionDiff } from './diff.js';
import { esc } from './html.js';
import type { FieldRow, StepChange, StepFinding } from './model.js';

export const DIRECTION_LABEL: Record<Direction, string> = {
  'new-reads-old': 'breaks new readers (the new schema cannot read old data)',
  'old-reads-new': 'breaks old readers (the old schema cannot read new data)',
};

/** `breaking`: breaks a direction the level checks; `risky`: breaks only one it does not; `safe`: breaks none. */
export function effectClass(c: { breaks: readonly Direction[]; breaking: boolean }): string {
  return c.breaking ? 'breaking' : c.breaks.length > 0 ? 'risky' : 'safe';
}

export function renderFindings(findings: readonly StepFinding[]): string {
  if (findings.length === 0) return '';
  return `<ul class="findings">${findings
    .map(
      (f) =>
        `<li class="finding"><code>${esc(f.rule)}</code> against v${f.against} (${esc(f.direction)}): ${esc(f.message)}${
          f.fix === '' ? '' : `<br><span class="fix">Fix: ${esc(f.fix)}</span>`
        }</li>`,
    )
    .join('')}</ul>`;
}

export function renderChanges(changes: readonly StepChange[]): string {
  if (changes.length === 0) return '';
  return `<ul class="changes">${changes
    .map(
      (c) =>
        `<li class="${effectClass(c)}"><span class="kind">${c.kind === 'added' ? '+' : c.kind === 'removed' ? '−' : '~'}</span> ${esc(c.summary)}${
          c.breaks.length === 0 ? '' : ` <em>${c.breaks.map((d) => esc(DIRECTION_LABEL[d])).join('; ')}</em>`
        }${c.breaking ? ' <strong>(breaking)</strong>' : ''}</li>`,
    )
    .join('')}</ul>`;
}

function side(f: FieldRow | undefined): string {
  if (f === undefined) return '<td class="empty"></td>';
  const def = f.default === undefined ? '' : ` = <code>${esc(f.default)}</code>`;
  // Protobuf fields carry their number and label (`repeated`, `oneof x`); the others are required or optional.
  const label =
    f.label !== undefined
      ? ` <span class="opt">#${f.number ?? '?'} ${esc(f.label)}</span>`
      : f.required
        ? ''
        : ' <span class="opt">optional</span>';
  return `<td><code>${esc(f.type)}</code>${def}${label}${
    f.doc === undefined ? '' : `<div class="doc">${esc(f.doc)}</div>`
  }</td>`;
}

function fieldRow(r: FieldDiffRow): string {
  const effect = r.status === 'same' ? 'same' : effectClass(r);
  const label =
    r.status === 'same'
      ? ''
      : `${r.status}${r.breaking ? ', breaking' : ''}${r.breaks.length > 0 ? `: ${r.breaks.map((d) => DIRECTION_LABEL[d]).join('; ')}` : ''}`;
  return `<tr class="field-diff ${r.status} ${effect}" data-path="${esc(r.path)}" data-status="${r.status}" data-breaking="${r.breaking}">
<th scope="row" style="padding-left:${0.5 + r.depth * 1.2}em"><code>${esc(r.path.split('.').at(-1) ?? r.path)}</code></th>${side(r.from)}${side(r.to)}
<td class="effect">${esc(label)}${r.notes.length > 0 ? `<div>${r.notes.map(esc).join('; ')}</div>` : ''}${
    r.changes.length > 0 ? `<div class="summ">${r.changes.map((c) => esc(c.summary)).join('<br>')}</div>` : ''
  }</td></tr>`;
}

/** The diff view: verdict, fields side by side, the engines' changes and findings, and the raw text diff. */
export function renderDiff(d: VersionDiff, labels: { from: string; to: string; level: string }): string {
  const verdict = d.verdict.compatible
    ? `<p class="verdict ok">${esc(labels.to)} is compatible with ${esc(labels.from)} (${esc(labels.level)})</p>`
    : `<p class="verdict bad">${esc(labels.to)} is INCOMPATIBLE with ${esc(labels.from)} (${esc(labels.level)})</p>`;
  const fields =
    d.rows.length === 0
      ? '<p>No field table for this schema.</p>'
      : `<table class="diff-fields"><caption>Fields: ${esc(labels.from)} → ${esc(labels.to)}</caption>
<thead><tr><th scope="col">Field</th><th scope="col">${esc(labels.from)}</th><th scope="col">${esc(labels.to)}</th><th scope="col">Change and effect</th></tr></thead>
<tbody>${d.rows.map(fieldRow).join('')}</tbody></table>`;
  const text = `<details class="text-diff"><summary>Raw text diff</summary><table class="code-diff"><tbody>${textRows(d.text)}</tbody></table></details>`;
  return `${verdict}${renderFindings(d.verdict.findings)}${fields}<h3>Changes</h3>${
    d.changes.length === 0 ? '<p>No semantic change.</p>' : renderChanges(d.changes)
  }${text}`;
}

/** Unchanged lines further than this from a change fold into one row. */
const CONTEXT = 3;

function textRows(lines: VersionDiff['text']): string {
  const near = new Array<boolean>(lines.length).fill(false);
  lines.forEach((l, i) => {
    if (l.op === 'same') return;
    for (let k = Math.max(0, i - CONTEXT); k <= Math.min(lines.length - 1, i + CONTEXT); k++) near[k] = true;
  });
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    if (!near[i]) {
      let j = i;
      while (j < lines.length && !near[j]) j++;
      out.push(
        `<tr class="fold"><td class="ln"></td><td class="ln"></td><td>… ${j - i} unchanged line${j - i === 1 ? '' : 's'}</td></tr>`,
      );
      i = j;
      continue;
    }
    const l = lines[i++]!;
    out.push(
      `<tr class="${l.op}"><td class="ln">${l.oldLine ?? ''}</td><td class="ln">${l.newLine ?? ''}</td><td><code>${
        l.op === 'add' ? '+' : l.op === 'del' ? '-' : ' '
      } ${esc(l.text)}</code></td></tr>`,
    );
  }
  return out.join('');
}
