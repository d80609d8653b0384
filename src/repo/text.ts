/** A file's bytes as text, or where the first byte that is not UTF-8 sits. */
export type DecodedText =
  { ok: true; text: string } | { ok: false; line: number; column: number; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes UTF-8 strictly: a schema in another encoding would otherwise be read with replacement
 * characters and compared wrongly. A leading BOM is dropped (lines and columns do not move).
 */
export function decodeSchemaText(bytes: Uint8Array): DecodedText {
  try {
    const text = decoder.decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const byte = bytes[at] ?? 0;
    return {
      ok: false,
      line,
      column: at - lineStart + 1,
      message: `the file is not UTF-8 (byte 0x${byte.toString(16).padStart(2, '0')} at offset ${at}); save it as UTF-8`,
    };
  }
}

function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n =
      c < 0x80
        ? 0
        : c >= 0xc2 && c <= 0xdf
          ? 1
          : c >= 0xe0 && c <= 0xef
            ? 2
            : c >= 0xf0 && c <= 0xf4
              ? 3
              : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}
