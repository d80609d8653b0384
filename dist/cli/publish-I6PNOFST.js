import {
  collectCandidates,
  orderByReferences
} from "./chunk-PSNFSWT3.js";
import "./chunk-RUNWJWTJ.js";
import "./chunk-F2EELNSZ.js";
import {
  progressBar
} from "./chunk-577WL7UY.js";
import {
  parseRegistryCommandArgs
} from "./chunk-ULNI4LGI.js";
import {
  connectRegistry
} from "./chunk-AUSPXLXI.js";
import {
  RegistryAnswerError,
  isRegistryError
} from "./chunk-HWBZGNI2.js";
import "./chunk-ETRZGG5M.js";
import "./chunk-FA7QXIEN.js";
import "./chunk-UKMXE7KU.js";
import "./chunk-QLTC7SBT.js";
import "./chunk-DCVPW6IE.js";
import {
  REFERENCE_CYCLE_FIX,
  describeCycle
} from "./chunk-AYQYXMTB.js";
import "./chunk-JG5DLF5R.js";
import "./chunk-OOMT5PNS.js";
import "./chunk-AACIVGT5.js";
import "./chunk-GZ7YKJFV.js";
import "./chunk-X223GS44.js";
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
import "./chunk-2Y665M2Q.js";
import "./chunk-4WLI5DVH.js";

// src/registry/plan/decide.ts
function planSubject(candidate, observation, changedDependencies = []) {
  const step = { subject: candidate.subject, action: "register" };
  if (candidate.file !== void 0) step.file = candidate.file;
  if (observation.effectiveLevel !== candidate.level) step.setLevel = candidate.level;
  if (changedDependencies.length > 0) {
    step.reason = `references ${changedDependencies.join(", ")}, registered first`;
  } else if (observation.existing !== void 0) {
    step.action = "unchanged";
    step.id = observation.existing.id;
    step.version = observation.existing.version;
  }
  if (step.action === "register" && observation.compatibility?.isCompatible === false) {
    step.predictedIncompatible = observation.compatibility.messages;
  }
  return step;
}
function summarize(results) {
  return { ok: results.every((r) => r.action === "unchanged" || r.action === "registered"), results: [...results] };
}
function countActions(results) {
  const counts = { unchanged: 0, registered: 0, incompatible: 0, failed: 0 };
  for (const r of results) counts[r.action]++;
  return counts;
}
function reportToJson(report) {
  return {
    ok: report.ok,
    results: report.results.map((r) => ({
      subject: r.subject,
      action: r.action,
      id: r.id ?? null,
      version: r.version ?? null,
      messages: r.messages,
      ...r.levelSet === void 0 ? {} : { levelSet: r.levelSet }
    }))
  };
}

// src/registry/publish.ts
async function publish(client, candidates, options = {}) {
  const ordered = orderByReferences(candidates);
  if (!ordered.ok) {
    throw new SchemagateError(
      "REFERENCE_CYCLE",
      `REFERENCE_CYCLE: schema references form a cycle: ${describeCycle(ordered.cycle)}; fix: ${REFERENCE_CYCLE_FIX}`
    );
  }
  const attempts = Math.max(1, options.registerAttempts ?? 3);
  const total = ordered.order.length;
  const steps = new Array(total);
  const results = new Array(total);
  const outcomes = /* @__PURE__ */ new Map();
  const globalLevel = (await client.getConfig())?.compatibilityLevel ?? "BACKWARD";
  const levelInForce = async (subject) => (await client.getConfig(subject))?.compatibilityLevel ?? globalLevel;
  const slots = new Semaphore(Math.max(1, options.concurrency ?? 8));
  let done = 0;
  let notARegistry;
  const one = async (candidate, index) => {
    const result = { subject: candidate.subject, action: "failed", messages: [] };
    if (candidate.file !== void 0) result.file = candidate.file;
    const depOutcomes = /* @__PURE__ */ new Map();
    for (const r of candidate.references) {
      const pending = outcomes.get(r.subject);
      if (pending !== void 0 && r.subject !== candidate.subject) depOutcomes.set(r.subject, await pending);
    }
    await slots.acquire();
    try {
      const broken = [...depOutcomes.values()].filter((r) => !isGood(r));
      if (candidate.problems !== void 0 && candidate.problems.length > 0) {
        result.messages.push(...candidate.problems);
        steps[index] = {
          subject: candidate.subject,
          action: "register",
          reason: "the file is not a valid schema"
        };
      } else if (broken.length > 0) {
        result.messages.push(
          `not published: referenced subject ${broken.map((r) => r.subject).join(", ")} was not published`
        );
        steps[index] = {
          subject: candidate.subject,
          action: "register",
          reason: "a referenced subject failed"
        };
      } else {
        const changedDeps = [...depOutcomes.values()].filter((r) => r.action === "registered").map((r) => r.subject);
        const references = options.dryRun === true && changedDeps.length > 0 ? void 0 : await resolveReferences(client, candidate, depOutcomes);
        const input = inputOf(candidate, references ?? []);
        const observation = {
          effectiveLevel: await levelInForce(candidate.subject),
          existing: changedDeps.length > 0 ? void 0 : await findExisting(client, candidate.subject, input)
        };
        if (options.dryRun === true && observation.existing === void 0 && references !== void 0) {
          observation.compatibility = await client.testCompatibility(candidate.subject, input, {
            verbose: true
          });
        }
        const step = planSubject(candidate, observation, changedDeps);
        steps[index] = step;
        if (options.dryRun === true) {
          Object.assign(result, predicted(step));
        } else {
          if (step.setLevel !== void 0) {
            await client.setConfig(step.setLevel, candidate.subject);
            result.levelSet = step.setLevel;
          }
          if (step.action === "unchanged") {
            Object.assign(result, { action: "unchanged", id: step.id, version: step.version });
          } else {
            Object.assign(result, await registerSafely(client, candidate.subject, input, attempts));
          }
        }
      }
    } catch (e) {
      if (e instanceof RegistryAnswerError) notARegistry ??= e;
      result.action = "failed";
      result.messages = [describe(e)];
    } finally {
      slots.release();
    }
    results[index] = result;
    options.onProgress?.(++done, total, candidate.subject);
    return result;
  };
  for (const [index, candidate] of ordered.order.entries())
    outcomes.set(candidate.subject, one(candidate, index));
  await Promise.all(outcomes.values());
  if (notARegistry !== void 0) throw notARegistry;
  return {
    steps: steps.map((s, i) => s ?? { subject: results[i]?.subject ?? "", action: "register" }),
    report: summarize(results)
  };
}
var Semaphore = class {
  free;
  waiting = [];
  constructor(size) {
    this.free = size;
  }
  async acquire() {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise((resolve) => this.waiting.push(resolve));
  }
  release() {
    const next = this.waiting.shift();
    if (next !== void 0) next();
    else this.free++;
  }
};
function isGood(r) {
  return r !== void 0 && (r.action === "unchanged" || r.action === "registered");
}
function predicted(step) {
  if (step.action === "unchanged") return { action: "unchanged", id: step.id, version: step.version };
  if (step.predictedIncompatible !== void 0)
    return { action: "incompatible", messages: step.predictedIncompatible };
  return { action: "registered" };
}
async function resolveReferences(client, candidate, inBatch) {
  const out = [];
  for (const ref of candidate.references) {
    let version = ref.version ?? inBatch.get(ref.subject)?.version;
    if (version === void 0) {
      try {
        version = (await client.getLatest(ref.subject)).version;
      } catch (e) {
        if (!isRegistryError(e) || !e.isNotFound) throw e;
        throw new SchemagateError(
          "REFERENCE_UNRESOLVED",
          `references ${ref.name} from subject '${ref.subject}', which the registry does not have: publish it first (publish --all)`
        );
      }
    }
    out.push({ name: ref.name, subject: ref.subject, version });
  }
  return out;
}
function inputOf(candidate, references) {
  return {
    schema: candidate.schema,
    schemaType: candidate.schemaType,
    ...references.length > 0 ? { references } : {}
  };
}
async function findExisting(client, subject, input) {
  try {
    const found = await client.lookup(subject, input);
    return { id: found.id, version: found.version };
  } catch (e) {
    if (isRegistryError(e) && e.isNotFound) return void 0;
    throw e;
  }
}
async function registerSafely(client, subject, input, attempts) {
  let lastError;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const r = await client.register(subject, input);
      const version = r.version ?? (await client.lookup(subject, input)).version;
      return { action: "registered", id: r.id, version, messages: [] };
    } catch (e) {
      if (!isRegistryError(e)) throw e;
      if (e.isIncompatible)
        return { action: "incompatible", messages: await incompatibilityMessages(client, subject, input, e) };
      if (!answerWasLost(e)) throw e;
      lastError = e;
      const existing = await findExisting(client, subject, input);
      if (existing !== void 0)
        return { action: "registered", id: existing.id, version: existing.version, messages: [] };
    }
  }
  throw lastError;
}
function answerWasLost(e) {
  return e.status === 0 || e.status >= 500 || e.status === 429;
}
async function incompatibilityMessages(client, subject, input, error) {
  try {
    const r = await client.testCompatibility(subject, input, { verbose: true });
    if (r.messages.length > 0) return r.messages;
  } catch {
  }
  return [error.message.replace(/^registry 409 \(\d+\) on [^:]+:\d*[^:]*: /, "")];
}
function describe(e) {
  if (e instanceof SchemagateError) return e.message;
  return e instanceof Error ? e.message : String(e);
}

// src/cli/commands/publish.ts
var usage = "schemagate publish (--since <ref>[..<ref>] | --all) [--registry <url>] [--timeout 30s] [--dry-run] [--format text|json]";
var command = {
  name: "publish",
  summary: "register approved schema versions in the registry (levels first, references first, idempotent)",
  usage,
  async run(args, io) {
    const {
      values,
      format,
      client: clientOptions
    } = parseRegistryCommandArgs(
      args,
      { since: { type: "string" }, all: { type: "boolean" }, "dry-run": { type: "boolean" } },
      usage
    );
    if (values.since === void 0 === (values.all !== true)) {
      throw new SchemagateError(
        "INVALID_ARGUMENT",
        `give either --since <ref> (subjects changed since ref) or --all
usage: ${usage}`
      );
    }
    const [since, head] = values.since === void 0 ? [void 0, void 0] : splitRange(values.since);
    const repo = await collectCandidates(io.cwd, {
      ...since === void 0 ? {} : { since },
      ...head === void 0 ? {} : { head }
    });
    const client = connectRegistry(values.registry, repo.config, io.env, clientOptions);
    const dryRun = values["dry-run"] === true;
    const bar = io.isTTY && format === "text" ? progressBar(io) : void 0;
    const outcome = await publish(client, repo.candidates, {
      dryRun,
      ...bar === void 0 ? {} : { onProgress: bar.update }
    });
    bar?.done();
    if (format === "json") {
      const body = dryRun ? { ...reportToJson(outcome.report), dryRun: true, plan: outcome.steps } : reportToJson(outcome.report);
      io.stdout(`${JSON.stringify(body, null, 2)}
`);
    } else {
      io.stdout(
        dryRun ? renderPlan(client.url, outcome.steps, outcome.report) : renderReport(client.url, outcome.report)
      );
    }
    return outcome.report.ok ? 0 : 1;
  }
};
var publish_default = command;
function splitRange(range) {
  const at = range.indexOf("..");
  if (at < 0) return [range, void 0];
  const from = range.slice(0, at);
  const to = range.slice(at + 2).replace(/^\./, "");
  if (from === "")
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `--since '${range}': the range needs a start, such as origin/main~1..HEAD`
    );
  return [from, to === "" ? void 0 : to];
}
function renderReport(url, report) {
  const lines = [`Published to ${url}:`];
  if (report.results.length === 0) lines.push("  nothing to publish");
  const width = Math.max(0, ...report.results.map((r) => r.subject.length));
  for (const r of report.results) {
    const level = r.levelSet === void 0 ? "" : ` (level set to ${r.levelSet})`;
    const where = r.id === void 0 ? "" : `  id ${r.id}, version ${r.version ?? "?"}`;
    lines.push(`  ${r.action.padEnd(12)} ${r.subject.padEnd(width)}${where}${level}`);
    for (const m of r.messages) lines.push(`      ${m}`);
  }
  lines.push(summaryLine(report));
  return `${lines.join("\n")}
`;
}
function renderPlan(url, steps, report) {
  const lines = [`Plan for ${url} (dry run: nothing is written):`];
  if (steps.length === 0) lines.push("  nothing to publish");
  const width = Math.max(0, ...steps.map((s) => s.subject.length));
  for (const [i, s] of steps.entries()) {
    const result = report.results[i];
    const level = s.setLevel === void 0 ? "" : ` (set level ${s.setLevel} first)`;
    if (result?.action === "failed") {
      lines.push(`  ${"fail".padEnd(12)} ${s.subject.padEnd(width)}`);
      for (const m of result.messages) lines.push(`      ${m}`);
    } else if (s.action === "unchanged") {
      lines.push(
        `  ${"unchanged".padEnd(12)} ${s.subject.padEnd(width)}  id ${s.id ?? "?"}, version ${s.version ?? "?"}${level}`
      );
    } else if (s.predictedIncompatible !== void 0) {
      lines.push(
        `  ${"refused".padEnd(12)} ${s.subject.padEnd(width)}  the registry would refuse it as incompatible${level}`
      );
      for (const m of s.predictedIncompatible) lines.push(`      ${m}`);
    } else {
      lines.push(
        `  ${"register".padEnd(12)} ${s.subject.padEnd(width)}${s.reason === void 0 ? "" : `  (${s.reason})`}${level}`
      );
    }
  }
  return `${lines.join("\n")}
`;
}
function summaryLine(report) {
  const c = countActions(report.results);
  return `${report.results.length} subject(s): ${c.registered} registered, ${c.unchanged} unchanged, ${c.incompatible} incompatible, ${c.failed} failed`;
}
export {
  publish_default as default,
  renderPlan,
  renderReport
};
