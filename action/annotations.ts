import * as core from '@actions/core';
import type { LocatedFinding } from './check-report.js';

/** GitHub shows at most this many annotations of one level from one step; the rest would be lost. */
export const ANNOTATIONS_PER_LEVEL = 10;

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export function levelOf(severity: string): AnnotationLevel {
  if (severity === 'error') return 'error';
  if (severity === 'warning') return 'warning';
  return 'notice';
}

export interface AnnotationSplit {
  annotated: LocatedFinding[];
  /** Findings beyond the per-level limit: the summary lists them so none is lost. */
  overflow: LocatedFinding[];
}

export function splitForAnnotations(
  findings: readonly LocatedFinding[],
  limit = ANNOTATIONS_PER_LEVEL,
): AnnotationSplit {
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const annotated: LocatedFinding[] = [];
  const overflow: LocatedFinding[] = [];
  for (const f of findings) {
    const level = levelOf(f.severity);
    if (used[level] < limit) {
      used[level]++;
      annotated.push(f);
    } else {
      overflow.push(f);
    }
  }
  return { annotated, overflow };
}

/**
 * Emits one workflow-command annotation per finding. `fileOf` maps the report's file to a path from the
 * repository root, which is what GitHub needs to place the annotation on the diff.
 */
export function emitAnnotations(findings: readonly LocatedFinding[], fileOf: (file: string) => string): void {
  for (const f of findings) {
    const props: core.AnnotationProperties = { title: `${f.rule} (${f.subject})`, file: fileOf(f.file) };
    if (typeof f.line === 'number' && f.line > 0) {
      props.startLine = f.line;
      if (typeof f.column === 'number' && f.column > 0) props.startColumn = f.column;
    }
    const level = levelOf(f.severity);
    if (level === 'error') core.error(f.message, props);
    else if (level === 'warning') core.warning(f.message, props);
    else core.notice(f.message, props);
  }
}
