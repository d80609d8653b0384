/**
 * Answers remembered for one revision of the state. A lookup (`POST /subjects/{s}`) is a pure function
 * of the state, the subject, the query and the body, and serializers send the same lookup again and
 * again: the second time it costs a map read instead of a parse, a search and a JSON text. Every change
 * of state moves the revision on, which makes every remembered answer stale at once. Memory is bounded
 * by the characters held (keys hold request bodies, which may be large), not by the count.
 */
export class AnswerMemo {
  private readonly answers = new Map<string, string>();
  private revision = -1;
  private chars = 0;

  constructor(private readonly maxChars = 16 * 1024 * 1024) {}

  get(key: string, revision: number): string | undefined {
    if (revision !== this.revision) return undefined;
    return this.answers.get(key);
  }

  set(key: string, revision: number, text: string): void {
    const size = key.length + text.length;
    if (size > this.maxChars / 16) return;
    if (revision !== this.revision || this.chars + size > this.maxChars) {
      this.answers.clear();
      this.chars = 0;
      this.revision = revision;
    }
    this.answers.set(key, text);
    this.chars += size;
  }
}
