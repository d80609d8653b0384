/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal (progress bars, colour). */
  isTTY: boolean;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the process exit code. Throws SchemagateError for user errors (exit 2). */
  run(args: string[], io: CliIo): Promise<number>;
}

/**
 * The process's own streams. A reader that closes the pipe early (`schemagate check | head`) ends the
 * output quietly: the rest is dropped, with no EPIPE stack trace, and the command's exit code stands.
 */
export function processIo(): CliIo {
  const open = { stdout: true, stderr: true };
  for (const name of ['stdout', 'stderr'] as const) {
    process[name].on('error', (e: NodeJS.ErrnoException) => {
      open[name] = false;
      if (e.code === 'EPIPE') return;
      if (name === 'stdout' && open.stderr)
        process.stderr.write(`schemagate: cannot write the output: ${e.message}\n`);
      process.exitCode = 2;
    });
  }
  return {
    stdout: (t) => {
      if (open.stdout) process.stdout.write(t);
    },
    stderr: (t) => {
      if (open.stderr) process.stderr.write(t);
    },
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  };
}
