import { esc, subjectPage } from './html.js';
import type { ReferenceEdge } from './model.js';

const NODE_W = 180;
const NODE_H = 28;
const GAP_X = 80;
const GAP_Y = 14;

/**
 * The reference graph as inline SVG: a subject on the left uses the ones to its right (each column is one
 * step further down the references). Nodes link to subject pages; each edge names the type it carries.
 */
export function renderGraph(
  edges: readonly ReferenceEdge[],
  options: { up: string; highlight?: string },
): string {
  if (edges.length === 0) return '<p class="no-graph">No references between subjects.</p>';
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort();
  const uses = new Map<string, string[]>();
  for (const e of edges) uses.set(e.from, [...(uses.get(e.from) ?? []), e.to]);
  // Column: the longest path from a subject nothing uses (cycles broken by a visit guard).
  const column = new Map<string, number>();
  const place = (n: string, depth: number, path: Set<string>): void => {
    if ((column.get(n) ?? -1) >= depth || path.has(n)) return;
    column.set(n, depth);
    for (const m of uses.get(n) ?? []) place(m, depth + 1, new Set([...path, n]));
  };
  const used = new Set(edges.map((e) => e.to));
  for (const n of nodes) if (!used.has(n)) place(n, 0, new Set());
  for (const n of nodes) if (!column.has(n)) place(n, 0, new Set());
  const rows = new Map<number, number>();
  const at = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    const c = column.get(n) ?? 0;
    const r = rows.get(c) ?? 0;
    rows.set(c, r + 1);
    at.set(n, { x: 10 + c * (NODE_W + GAP_X), y: 10 + r * (NODE_H + GAP_Y) });
  }
  const width = 20 + (Math.max(...column.values()) + 1) * (NODE_W + GAP_X) - GAP_X;
  const height = 20 + Math.max(...rows.values()) * (NODE_H + GAP_Y) - GAP_Y;
  const lines = edges
    .map((e) => {
      const a = at.get(e.from)!;
      const b = at.get(e.to)!;
      return `<g class="edge" data-from="${esc(e.from)}" data-to="${esc(e.to)}"><title>${esc(e.from)} uses ${esc(e.name)} from ${esc(e.to)}</title><line x1="${a.x + NODE_W}" y1="${a.y + NODE_H / 2}" x2="${b.x}" y2="${b.y + NODE_H / 2}" marker-end="url(#arrow)"/></g>`;
    })
    .join('');
  const boxes = nodes
    .map((n) => {
      const p = at.get(n)!;
      const label = n.length > 24 ? `${n.slice(0, 23)}…` : n;
      return `<a class="node${n === options.highlight ? ' current' : ''}" data-subject="${esc(n)}" href="${options.up}subjects/${esc(encodeURI(subjectPage(n)))}"><title>${esc(n)}</title><rect x="${p.x}" y="${p.y}" width="${NODE_W}" height="${NODE_H}" rx="4"/><text x="${p.x + 8}" y="${p.y + 18}">${esc(label)}</text></a>`;
    })
    .join('');
  return `<svg class="graph" role="img" aria-label="Reference graph: ${edges.length} reference${edges.length === 1 ? '' : 's'}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker></defs>${lines}${boxes}</svg>`;
}

/** The subjects that use `subject`, directly or through others: what a change to it can affect. */
export function affectedBy(subject: string, edges: readonly ReferenceEdge[]): string[] {
  const out = new Set<string>();
  const queue = [subject];
  while (queue.length > 0) {
    const n = queue.pop()!;
    for (const e of edges)
      if (e.to === n && !out.has(e.from) && e.from !== subject) {
        out.add(e.from);
        queue.push(e.from);
      }
  }
  return [...out].sort();
}

/** The edges around one subject: what it uses and what uses it, transitively both ways. */
export function neighbourhood(subject: string, edges: readonly ReferenceEdge[]): ReferenceEdge[] {
  const keep = new Set([subject, ...affectedBy(subject, edges)]);
  const queue = [subject];
  while (queue.length > 0) {
    const n = queue.pop()!;
    for (const e of edges)
      if (e.from === n && !keep.has(e.to)) {
        keep.add(e.to);
        queue.push(e.to);
      }
  }
  return edges.filter((e) => keep.has(e.from) && keep.has(e.to));
}
