import {
  readSiteModel,
  renderSite
} from "./chunk-JJ46NC2K.js";
import "./chunk-ZVVA4YSN.js";
import "./chunk-PSNFSWT3.js";
import "./chunk-RUNWJWTJ.js";
import "./chunk-F2EELNSZ.js";
import "./chunk-AUSPXLXI.js";
import "./chunk-HWBZGNI2.js";
import "./chunk-VYU3HDXB.js";
import "./chunk-FA7QXIEN.js";
import "./chunk-UKMXE7KU.js";
import "./chunk-QLTC7SBT.js";
import "./chunk-DCVPW6IE.js";
import "./chunk-AYQYXMTB.js";
import "./chunk-JG5DLF5R.js";
import "./chunk-OOMT5PNS.js";
import "./chunk-AACIVGT5.js";
import {
  CONFIG_FILE,
  loadConfig
} from "./chunk-GZ7YKJFV.js";
import {
  repoRoot
} from "./chunk-X223GS44.js";
import "./chunk-MYU7MPXZ.js";
import "./chunk-4JLVD5MI.js";
import "./chunk-KVYAH4SS.js";
import "./chunk-Q2EUGLQR.js";
import "./chunk-J5VQF3U6.js";
import "./chunk-L6DUB6QO.js";
import "./chunk-4SLUN3ZN.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";
import "./chunk-4WLI5DVH.js";

// src/site-node/serve.ts
import { watch } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
var TYPES = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8"
};
var SETTLE_MS = 100;
async function serveSite(options) {
  const top = await repoRoot(options.cwd);
  const build = async () => renderSite(await readSiteModel(options));
  let site = await build();
  let pending;
  let timer;
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = void 0;
      pending = build().then((s) => {
        site = s;
        options.io.stdout("rebuilt\n");
      }).catch(
        (e) => options.io.stderr(`schemagate: rebuild failed: ${e instanceof Error ? e.message : String(e)}
`)
      ).finally(() => pending = void 0);
    }, SETTLE_MS);
  };
  const root = (options.config ?? loadConfig(top)).root;
  const watchers = [
    watch(join(top, root), { recursive: true }, rebuild),
    watch(top, (_event, name) => {
      if (name === CONFIG_FILE) rebuild();
    })
  ];
  const server = createServer((req, res) => {
    void (async () => {
      if (timer !== void 0 && pending === void 0) await new Promise((r) => setTimeout(r, SETTLE_MS));
      if (pending !== void 0) await pending;
      let asked;
      try {
        asked = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
      } catch {
        res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("malformed path\n");
        return;
      }
      const path = asked.replace(/^\/+/, "") || "index.html";
      const body = site.get(path);
      if (body === void 0) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`not found: /${path}
`);
        return;
      }
      res.writeHead(200, {
        "content-type": TYPES[path.split(".").at(-1) ?? ""] ?? "application/octet-stream",
        "cache-control": "no-store"
      }).end(body);
    })();
  });
  await new Promise((resolve, reject) => {
    server.once(
      "error",
      (e) => reject(
        new SchemagateError(
          "INVALID_ARGUMENT",
          `cannot listen on ${options.host}:${options.port}: ${e.message}`
        )
      )
    );
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  options.io.stdout(
    `serving the schema site on http://${options.host}:${port}/ (rebuilds on change; Ctrl-C stops)
`
  );
  return new Promise((resolve) => {
    const stop = () => {
      for (const w of watchers) w.close();
      server.close();
      server.closeAllConnections();
      resolve(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
export {
  serveSite
};
