/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The index and graph pages' script: the subject filter, and highlighting a node's edges in the graph.

function filterSubjects(): void {
  const name = document.querySelector<HTMLInputElement>('#filter-name');
  const format = document.querySelector<HTMLSelectElement>('#filter-format');
  const level = document.querySelector<HTMLSelectElement>('#filter-level');
  const count = document.querySelector<HTMLOutputElement>('#filter-count');
  if (name === null || format === null || level === null) return;
  const apply = (): void => {
    const q = name.value.trim().toLowerCase();
    let shown = 0;
    const rows = document.querySelectorAll<HTMLTableRowElement>('tr.subject');
    for (const row of rows) {
      const ok =
        (q === '' || (row.dataset['name'] ?? '').includes(q)) &&
        (format.value === '' || row.dataset['format'] === format.value) &&
        (level.value === '' || row.dataset['level'] === level.value);
      row.hidden = !ok;
      if (ok) shown++;
    }
    for (const group of document.querySelectorAll<HTMLElement>('tbody.group'))
      group.hidden = group.querySelector('tr.subject:not([hidden])') === null;
    if (count !== null) count.value = `${shown} of ${rows.length}`;
  };
  for (const el of [name, format, level]) el.addEventListener('input', apply);
  apply();
}

function highlightGraph(): void {
  for (const svg of document.querySelectorAll<SVGSVGElement>('svg.graph')) {
    const edges = [...svg.querySelectorAll<SVGGElement>('g.edge')];
    const nodes = [...svg.querySelectorAll<SVGAElement>('a.node')];
    const show = (subject: string | undefined): void => {
      for (const e of edges) {
        const hot = subject !== undefined && (e.dataset['from'] === subject || e.dataset['to'] === subject);
        e.classList.toggle('hot', hot);
        e.classList.toggle('dim', subject !== undefined && !hot);
      }
    };
    for (const n of nodes) {
      const subject = n.dataset['subject'];
      n.addEventListener('mouseenter', () => show(subject));
      n.addEventListener('focus', () => show(subject));
      n.addEventListener('mouseleave', () => show(undefined));
      n.addEventListener('blur', () => show(undefined));
    }
  }
}

filterSubjects();
highlightGraph();
