import { groupFindings } from './group.js';
import { sortedFindings, type CheckReport, type Finding } from './model.js';
import { summaryLine } from './text.js';

// Workflow command escaping, as @actions/core does it (data and property values differ).
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/** One workflow command: `::error file=…,line=…,col=…,title=RULE::message` (the fix on the next line). */
export function githubAnnotation(f: Finding): string {
  const props = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(`schemagate ${f.rule}`)}`;
  const text = f.fix === undefined ? f.message : `${f.message}\nfix: ${f.fix}`;
  return `::${COMMAND[f.severity]} ${props}::${escapeData(text)}`;
}

export function renderGithub(report: CheckReport): string {
  const lines = groupFindings(sortedFindings(report)).map(githubAnnotation);
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}
