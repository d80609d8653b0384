/**
 * Answers remembered for one revision of the state. A lookup (`POST /subjects/{s}`) is a pure function
 * of the state, the subject, the query and the body, and serializers send the same lookup again and
 * again: the second time it costs a map read instead of a parse, a search and a JSON text. Every change
 * of state moves the revision on, which makes every remembered answer stale at once.
 */
export class AnswerMemo {
  private readonly answers = new Map<string, string>();
  private revision = -1;

  constructor(private readonly limit = 10_000) {}

  get(key: string, revision: number): string | undefined {
    if (revision !== this.revision) return undefined;
    return this.answers.get(key);
  }

  set(key: string, revision: number, text: string): void {
    if (revision !== this.revision || this.answers.size >= this.limit) {
      this.answers.clear();
      this.revision = revision;
    }
    this.answers.set(key, text);
  }
}
