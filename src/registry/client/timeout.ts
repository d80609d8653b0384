import { SchemagateError } from '../../errors.js';

/** A day: longer than any registry call should take; beyond it a typo is more likely than intent. */
const MAX_MS = 24 * 60 * 60 * 1000;

/**
 * A request timeout as people write it: `30` or `30s` (seconds), `2.5`, `500ms`. Answers milliseconds;
 * anything else is one INVALID_ARGUMENT naming where the value came from (`--timeout`, an env var).
 */
export function parseTimeout(text: string, source: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$/.exec(text);
  const ms = m === null ? NaN : Math.round(Number(m[1]) * (m[2] === 'ms' ? 1 : 1000));
  if (!Number.isFinite(ms) || ms < 1 || ms > MAX_MS) {
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `${source} must be a duration in seconds (30, 2.5, 30s) or milliseconds (500ms), between 1 ms and 24 h; got '${text}'`,
    );
  }
  return ms;
}
