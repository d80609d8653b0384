#!/usr/bin/env node
import {
  main
} from "./chunk-VZZHT3OD.js";
import "./chunk-6BBU6Q3O.js";

// src/cli/io.ts
function processIo() {
  const open = { stdout: true, stderr: true };
  for (const name of ["stdout", "stderr"]) {
    process[name].on("error", (e) => {
      open[name] = false;
      if (e.code === "EPIPE") return;
      if (name === "stdout" && open.stderr)
        process.stderr.write(`schemagate: cannot write the output: ${e.message}
`);
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
    isTTY: process.stdout.isTTY === true
  };
}

// src/cli/bin.ts
process.exitCode = await main(process.argv.slice(2), processIo());
