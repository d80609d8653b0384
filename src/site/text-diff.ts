export interface TextDiffLine {
  op: 'same' | 'add' | 'del';
  text: string;
  /** Line numbers in the old and the new text (undefined on the side the line is not on). */
  oldLine: number | undefined;
  newLine: number | undefined;
}

/** Texts longer than this many lines on both sides are compared as whole blocks (no line matching). */
const MAX_CELLS = 4_000_000;

/** A line diff of two texts (longest common subsequence), for the raw view of a version diff. */
export function lineDiff(oldText: string, newText: string): TextDiffLine[] {
  const a = oldText.replace(/\n$/, '').split('\n');
  const b = newText.replace(/\n$/, '').split('\n');
  if (a.length * b.length > MAX_CELLS)
    return [
      ...a.map((text, i) => ({ op: 'del' as const, text, oldLine: i + 1, newLine: undefined })),
      ...b.map((text, i) => ({ op: 'add' as const, text, oldLine: undefined, newLine: i + 1 })),
    ];
  // lcs[i][j]: length of the common subsequence of a[i..] and b[j..], in one flat array.
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
  const out: TextDiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ op: 'same', text: a[i]!, oldLine: i + 1, newLine: j + 1 });
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) {
      out.push({ op: 'add', text: b[j]!, oldLine: undefined, newLine: j + 1 });
      j++;
    } else {
      out.push({ op: 'del', text: a[i]!, oldLine: i + 1, newLine: undefined });
      i++;
    }
  }
  return out;
}
