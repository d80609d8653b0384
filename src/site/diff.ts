import type { Direction } from '../compat/level.js';
import type { CompatibilityLevel } from '../compat/level.js';
import type { FormatHandler, FormatId, ParsedSchema, SchemaReference } from '../formats/format.js';
import { fieldTable } from './fields.js';
import type { FieldRow, StepChange } from './model.js';
import { compareVersions, type StepVerdict } from './steps.js';
import { lineDiff, type TextDiffLine } from './text-diff.js';

/** One field in the side-by-side view: its state on each side and the compatibility effect of its change. */
export interface FieldDiffRow {
  path: string;
  depth: number;
  status: 'added' | 'removed' | 'changed' | 'same';
  from: FieldRow | undefined;
  to: FieldRow | undefined;
  /** What differs: `type long → string`, `default added`, `doc changed`. */
  notes: string[];
  /** The semantic changes (the engines' own) that are about this field. */
  changes: StepChange[];
  breaks: Direction[];
  breaking: boolean;
}

export interface VersionDiff {
  rows: FieldDiffRow[];
  changes: StepChange[];
  verdict: StepVerdict;
  text: TextDiffLine[];
}

export interface DiffSide {
  text: string;
  schema: ParsedSchema;
}

/** The comparison of two versions for the diff view: per field, the engines' changes and verdict, and the text. */
export function diffVersions(
  handler: FormatHandler,
  format: FormatId,
  level: CompatibilityLevel,
  from: DiffSide,
  to: DiffSide,
  references: readonly SchemaReference[],
): VersionDiff {
  const { changes, verdict } = compareVersions(handler, level, from.schema, to.schema);
  const rows = alignFields(
    fieldTable(format, from.text, references),
    fieldTable(format, to.text, references),
  );
  for (const c of changes) {
    const row = rowOf(rows, c);
    if (row === undefined) continue;
    row.changes.push(c);
    for (const d of c.breaks) if (!row.breaks.includes(d)) row.breaks.push(d);
    row.breaking ||= c.breaking;
    if (row.status === 'same') row.status = 'changed';
  }
  return { rows, changes, verdict, text: lineDiff(from.text, to.text) };
}

/** The row a change is about: the field whose pointer is the longest prefix of the change's pointer. */
function rowOf(rows: FieldDiffRow[], change: StepChange): FieldDiffRow | undefined {
  let best: FieldDiffRow | undefined;
  let bestLength = -1;
  for (const r of rows) {
    const side = change.kind === 'removed' ? r.from : r.to;
    const p = side?.pointer;
    if (p === undefined) continue;
    if ((change.pointer === p || change.pointer.startsWith(`${p}/`)) && p.length > bestLength) {
      best = r;
      bestLength = p.length;
    }
  }
  return best;
}

function alignFields(from: FieldRow[], to: FieldRow[]): FieldDiffRow[] {
  const toByPath = new Map(to.map((r) => [r.path, r]));
  const fromByPath = new Map(from.map((r) => [r.path, r]));
  const rows: FieldDiffRow[] = to.map((t) => row(fromByPath.get(t.path), t));
  // A removed field goes after the field that came before it in the old version.
  let at = 0;
  for (const f of from) {
    const kept = rows.findIndex((r) => r.path === f.path);
    if (kept >= 0) {
      at = kept + 1;
      continue;
    }
    if (!toByPath.has(f.path)) rows.splice(at++, 0, row(f, undefined));
  }
  return rows;
}

function row(from: FieldRow | undefined, to: FieldRow | undefined): FieldDiffRow {
  const notes: string[] = [];
  if (from !== undefined && to !== undefined) {
    if (from.type !== to.type) notes.push(`type ${from.type} → ${to.type}`);
    if (from.default !== to.default)
      notes.push(
        from.default === undefined
          ? `default ${to.default} added`
          : to.default === undefined
            ? `default ${from.default} removed`
            : `default ${from.default} → ${to.default}`,
      );
    if (from.number !== to.number) notes.push(`number ${from.number} → ${to.number}`);
    if (from.label !== to.label) notes.push(`label ${from.label} → ${to.label}`);
    if (from.doc !== to.doc) notes.push('doc changed');
    if (from.aliases.join() !== to.aliases.join())
      notes.push(`aliases [${from.aliases.join(', ')}] → [${to.aliases.join(', ')}]`);
  }
  const base = (to ?? from)!;
  return {
    path: base.path,
    depth: base.depth,
    status:
      from === undefined ? 'added' : to === undefined ? 'removed' : notes.length > 0 ? 'changed' : 'same',
    from,
    to,
    notes,
    changes: [],
    breaks: [],
    breaking: false,
  };
}
