import {
  changedSubjects,
  readSubjects
} from "./chunk-RUNWJWTJ.js";
import {
  loadConfig
} from "./chunk-GZ7YKJFV.js";
import {
  repoRoot
} from "./chunk-X223GS44.js";

// src/registry/repo-candidates.ts
var SCHEMA_TYPES = { avro: "AVRO", json: "JSON", protobuf: "PROTOBUF" };
async function collectCandidates(cwd, options = {}) {
  const root = await repoRoot(cwd);
  const config = loadConfig(root);
  const head = options.head ?? "HEAD";
  let only;
  if (options.since !== void 0) {
    const changes = await changedSubjects({ cwd: root, from: options.since, to: head, config });
    only = changes.filter((c) => c.change !== "deleted").map((c) => c.file);
    if (only.length === 0) return { root, config, candidates: [] };
  }
  const { subjects } = await readSubjects({
    cwd: root,
    ref: head,
    config,
    ...only === void 0 ? {} : { only }
  });
  return { root, config, candidates: subjects.map(toCandidate) };
}
function toCandidate(s) {
  const c = {
    subject: s.subject,
    file: s.file,
    schema: s.content,
    schemaType: SCHEMA_TYPES[s.format],
    references: s.references.map((r) => ({ name: r.name, subject: r.subject })),
    level: s.level
  };
  if (s.problems.length > 0) c.problems = s.problems;
  return c;
}

// src/registry/plan/order.ts
function orderByReferences(candidates) {
  const bySubject = new Map(candidates.map((c) => [c.subject, c]));
  const state = /* @__PURE__ */ new Map();
  const order = [];
  const stack = [];
  const visit = (c) => {
    const s = state.get(c.subject);
    if (s === "done") return void 0;
    if (s === "visiting") return [...stack.slice(stack.indexOf(c.subject)), c.subject];
    state.set(c.subject, "visiting");
    stack.push(c.subject);
    for (const ref of c.references) {
      const dep = bySubject.get(ref.subject);
      if (dep === void 0 || dep === c) continue;
      const cycle = visit(dep);
      if (cycle !== void 0) return cycle;
    }
    stack.pop();
    state.set(c.subject, "done");
    order.push(c);
    return void 0;
  };
  for (const c of candidates) {
    const cycle = visit(c);
    if (cycle !== void 0) return { ok: false, cycle };
  }
  return { ok: true, order };
}

export {
  orderByReferences,
  collectCandidates
};
