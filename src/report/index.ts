// Renderers of a CheckReport; the CLI, the hook and the Action choose one.
export * from './model.js';
export { renderText, summaryLine, formatFindingLine } from './text.js';
export { renderJson } from './json.js';
export { renderGithub, githubAnnotation } from './github.js';
export { renderMarkdown, renderChangesTable } from './markdown.js';
export { renderSarif } from './sarif.js';
export { renderJunit } from './junit.js';
export { renderReport, REPORT_FORMATS, type ReportFormat } from './render.js';
export { groupFindings } from './group.js';
