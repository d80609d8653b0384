import { spawn, type ChildProcess } from 'node:child_process';
import { CLI_BIN } from '../../support/cli.js';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  stderr(): string;
}

/** tsx from this repository, so that a child may run with its working directory elsewhere. */
const TSX = import.meta.resolve('tsx');

/**
 * `schemagate registry serve --port 0 [--data DIR]` as a child process; resolves once it prints its
 * URL. `dir` null leaves `--data` out (the default directory under `cwd`); `args` are more options.
 */
export function spawnServer(
  dir: string | null,
  options: { cwd?: string; args?: readonly string[]; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const data = dir === null ? [] : ['--data', dir];
  const child = spawn(
    process.execPath,
    ['--import', TSX, CLI_BIN, 'registry', 'serve', '--port', '0', ...data, ...(options.args ?? [])],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.env === undefined ? {} : { env: { ...process.env, ...options.env } }),
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    },
  );
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time: ${err}`));
    }, 30_000);
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on (https?:\/\/\S+)/.exec(out);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ child, url: m[1], exited, stderr: () => err });
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (err += d));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err}`));
    });
  });
}
