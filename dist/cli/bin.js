#!/usr/bin/env node
import {
  main
} from "./chunk-FYFSRXPY.js";
import "./chunk-6BBU6Q3O.js";

// src/cli/io.ts
function processIo() {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true
  };
}

// src/cli/bin.ts
process.exitCode = await main(process.argv.slice(2), processIo());
