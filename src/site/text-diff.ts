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
  const allA = oldText.replace(/\n$/, '').split('\n');
  const allB = newText.replace(/\n$/, '').split('\n');
  // The common head and tail are matched first: a schema version usually changes a few lines.
  let head = 0;
  while (head < allA.length && head < allB.length && allA[head] === allB[head]) head++;
  let tail = 0;
  while (
    tail < allA.length - head &&
    tail < allB.length - head &&
    allA[allA.length - 1 - tail] === allB[allB.length - 1 - tail]
  )
    tail++;
  const same = (from: number, count: number, offsetB: number): TextDiffLine[] =>
    Array.from({ length: count }, (_, k) => ({
      op: 'same' as const,
      text: allA[from + k]!,
      oldLine: from + k + 1,
      newLine: from + k + 1 + offsetB,
    }));
  const middle = middleDiff(allA.slice(head, allA.length - tail), allB.slice(head, allB.length - tail), head);
  return [...same(0, head, 0), ...middle, ...same(allA.length - tail, tail, allB.length - allA.length)];
}

function middleDiff(a: string[], b: string[], offset: number): TextDiffLine[] {
  if (a.length * b.length > MAX_CELLS)
    return [
      ...a.map((text, i) => ({ op: 'del' as const, text, oldLine: offset + i + 1, newLine: undefined })),
      ...b.map((text, i) => ({ op: 'add' as const, text, oldLine: undefined, newLine: offset + i + 1 })),
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
      out.push({ op: 'same', text: a[i]!, oldLine: offset + i + 1, newLine: offset + j + 1 });
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) {
      out.push({ op: 'add', text: b[j]!, oldLine: undefined, newLine: offset + j + 1 });
      j++;
    } else {
      out.push({ op: 'del', text: a[i]!, oldLine: offset + i + 1, newLine: undefined });
      i++;
    }
  }
  return out;
}
