import {
  initProject
} from "./chunk-F2EELNSZ.js";
import {
  parseCommandArgs,
  refuseArguments
} from "./chunk-ETRZGG5M.js";
import "./chunk-GZ7YKJFV.js";
import "./chunk-X223GS44.js";
import "./chunk-MYU7MPXZ.js";
import "./chunk-KVYAH4SS.js";
import "./chunk-6BBU6Q3O.js";
import "./chunk-2Y665M2Q.js";

// src/cli/commands/init.ts
var usage = "schemagate init";
var command = {
  name: "init",
  summary: "write a starter schemagate.yaml and install the pre-commit hook (husky or .git/hooks)",
  usage,
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {}, usage);
    refuseArguments(positionals, usage);
    const r = await initProject(io.cwd);
    io.stdout(
      r.config.status === "written" ? `wrote ${r.config.path}
` : `${r.config.path} exists; left as it is
`
    );
    switch (r.hook.status) {
      case "installed":
        io.stdout(
          `installed the pre-commit hook: ${r.hook.path}${r.hook.manager === "husky" ? " (husky)" : ""}
`
        );
        break;
      case "updated":
        io.stdout(`updated the pre-commit hook: ${r.hook.path}
`);
        break;
      case "added":
        io.stdout(`added the schema check to the husky hook ${r.hook.path} (its other lines are kept)
`);
        break;
      case "unchanged":
        io.stdout(`the pre-commit hook is up to date: ${r.hook.path}
`);
        break;
      case "foreign":
        io.stderr(
          `schemagate: ${r.hook.path} exists and was not written by schemagate; left as it is.
Add this line to it to check staged schema changes: npx --no-install schemagate check --staged
`
        );
        return 1;
    }
    for (const w of r.warnings) io.stderr(`schemagate: warning: ${w}
`);
    return 0;
  }
};
var init_default = command;
export {
  init_default as default
};
