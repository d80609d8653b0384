import { watch, type FSWatcher } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { CliIo } from '../cli/io.js';
import { SchemagateError } from '../errors.js';
import { CONFIG_FILE, loadConfig } from '../repo/config.js';
import { repoRoot } from '../repo/git.js';
import { readSiteModel, type ReadSiteOptions } from './read.js';
import { renderSite } from './write.js';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};

/** How long a burst of file events is gathered before one rebuild (an editor saves in several writes). */
const SETTLE_MS = 100;

/**
 * `schemagate docs --serve`: the site from the working tree, rebuilt when a schema file or the
 * configuration changes. Resolves with exit code 0 on SIGINT or SIGTERM.
 */
export async function serveSite(
  options: ReadSiteOptions & { port: number; host: string; io: CliIo },
): Promise<number> {
  const top = await repoRoot(options.cwd);
  const build = async (): Promise<Map<string, string | Buffer>> => renderSite(await readSiteModel(options));
  let site = await build();
  let pending: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const rebuild = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      pending = build()
        .then((s) => {
          site = s;
          options.io.stdout('rebuilt\n');
        })
        .catch((e: unknown) =>
          options.io.stderr(`schemagate: rebuild failed: ${e instanceof Error ? e.message : String(e)}\n`),
        )
        .finally(() => (pending = undefined));
    }, SETTLE_MS);
  };
  const root = (options.config ?? loadConfig(top)).root;
  const watchers: FSWatcher[] = [
    watch(join(top, root), { recursive: true }, rebuild),
    watch(top, (_event, name) => {
      if (name === CONFIG_FILE) rebuild();
    }),
  ];

  const server = createServer((req, res) => {
    void (async () => {
      // A request during a rebuild waits for it, so a page reloaded after an edit shows the edit.
      if (timer !== undefined && pending === undefined) await new Promise((r) => setTimeout(r, SETTLE_MS));
      if (pending !== undefined) await pending;
      let asked: string;
      try {
        asked = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('malformed path\n');
        return;
      }
      const path = asked.replace(/^\/+/, '') || 'index.html';
      const body = site.get(path);
      if (body === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: /${path}\n`);
        return;
      }
      res
        .writeHead(200, {
          'content-type': TYPES[path.split('.').at(-1) ?? ''] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        })
        .end(body);
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new SchemagateError(
          'INVALID_ARGUMENT',
          `cannot listen on ${options.host}:${options.port}: ${e.message}`,
        ),
      ),
    );
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  options.io.stdout(
    `serving the schema site on http://${options.host}:${port}/ (rebuilds on change; Ctrl-C stops)\n`,
  );
  return new Promise((resolve) => {
    const stop = (): void => {
      for (const w of watchers) w.close();
      server.close();
      server.closeAllConnections();
      resolve(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
