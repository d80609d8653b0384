/** Escapes text for HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/** JSON for a `<script type="application/json">` block: `<` escaped so no text can close the block. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** A subject's page file name: the name kept readable, every other character spelled out, so names never collide. */
export function subjectPage(subject: string): string {
  return `${subject.replace(/[^A-Za-z0-9._-]/g, (c) => `~${c.codePointAt(0)!.toString(16)}~`)}.html`;
}

/** A whole page: the site's own stylesheet and script (no external fonts or scripts), light and dark. */
export function page(options: { title: string; body: string; up: string; scripts: string[] }): string {
  const scripts = options.scripts
    .map((s) => `<script src="${options.up}assets/${s}" defer></script>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><title>${esc(options.title)}</title>
<link rel="stylesheet" href="${options.up}assets/site.css">${scripts}</head>
<body><a class="skip" href="#main">Skip to content</a>
<header class="top"><a href="${options.up}index.html">schemagate · schemas</a> <a href="${options.up}graph.html">reference graph</a></header>
<main id="main">${options.body}</main></body></html>
`;
}

export function shortDate(iso: string): string {
  return iso.slice(0, 10);
}
