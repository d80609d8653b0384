import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { CheckReport } from './model.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

import type { ReportFormat } from './formats.js';

export { REPORT_FORMATS, type ReportFormat } from './formats.js';

export function renderReport(report: CheckReport, format: ReportFormat): string {
  switch (format) {
    case 'text':
      return renderText(report);
    case 'json':
      return renderJson(report);
    case 'github':
      return renderGithub(report);
    case 'junit':
      return renderJunit(report);
    case 'sarif':
      return renderSarif(report);
    case 'markdown':
      return renderMarkdown(report);
  }
}
