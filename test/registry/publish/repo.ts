import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

/** A real git repository in a temp dir, for publish, status and import tests. */
export class TempRepo {
  readonly dir: string;
  constructor(prefix = 'sg-publish-') {
    this.dir = mkdtempSync(join(tmpdir(), prefix));
    this.git('init', '-q', '-b', 'main');
  }
  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: GIT_ENV, encoding: 'utf8' });
  }
  write(files: Record<string, string>): this {
    for (const [path, text] of Object.entries(files)) {
      const abs = join(this.dir, path);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
    return this;
  }
  commit(message: string, files: Record<string, string> = {}): string {
    this.write(files);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function avroRecord(name: string, fields: { name: string; type: unknown; default?: unknown }[], namespace = 'com.example'): string {
  return `${JSON.stringify({ type: 'record', name, namespace, fields }, null, 2)}\n`;
}
