import type { CheckReport } from './model.js';

/** The JSON contract, pretty-printed (two spaces), ending with a newline. */
export function renderJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
