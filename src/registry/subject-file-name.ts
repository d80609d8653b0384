import { createHash } from 'node:crypto';

/**
 * Characters a subject may hold that a file name may not, anywhere (Windows is the strictest), or that
 * the configuration's `match` globs would read as patterns; `%` because it starts an escape.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name
const UNSAFE = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|%{}[\]]/gu;
/** Names Windows reserves for devices, with any extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
/** Room for an extension and a `~n` suffix within the usual 255-byte limit of a file name. */
const MAX_BYTES = 200;

/**
 * The file name (without extension) `import` gives a subject: the subject itself when that is a safe
 * file name everywhere, else the subject with the unsafe characters percent-encoded as in URLs
 * (`team/orders:value` → `team%2Forders%3Avalue`, `..` → `%2E%2E`, `CON` → `%43ON`), so that
 * `decodeURIComponent` gives the subject back and nothing can point outside the schema folder. A name
 * longer than 200 bytes is cut and ends with `~` and a hash of the subject (not reversible; the
 * configuration's `subject:` rule keeps the name).
 */
export function subjectFileName(subject: string): string {
  if (subject === '') return '%';
  // encodeURIComponent leaves `*` alone; every other unsafe character comes back as %XX.
  let name = subject.replace(UNSAFE, (c) => (c === '*' ? '%2A' : encodeURIComponent(c)));
  name = name.replace(/^\./, '%2E'); // `.`, `..` and hidden files
  name = name.replace(/[. ]$/, (c) => (c === '.' ? '%2E' : '%20')); // Windows drops a trailing dot or space
  if (RESERVED.test(name)) name = `%${name.charCodeAt(0).toString(16).toUpperCase()}${name.slice(1)}`;
  if (Buffer.byteLength(name) > MAX_BYTES) {
    let cut = name.slice(0, MAX_BYTES - 10);
    while (Buffer.byteLength(cut) > MAX_BYTES - 10) cut = cut.slice(0, -1);
    cut = cut.replace(/%[0-9A-F]?$/, ''); // never half an escape
    name = `${cut}~${createHash('sha256').update(subject).digest('hex').slice(0, 8)}`;
  }
  return name;
}
