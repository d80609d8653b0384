// bench/site: `schemagate docs` on the bench/history repository (1,000 subjects × 20 versions,
// BACKWARD_TRANSITIVE) against `check --all` on the same repository, both in process; and the weight of
// the index page. Goals (issue 14): build ≤ 3× check --all; index.html < 1 MB.
// Run: node --import tsx bench/site.ts [subjects=1000] [versions=20]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../src/repo/check.js';
import { readSiteModel } from '../src/site-node/read.js';
import { writeSite } from '../src/site-node/write.js';

const SUBJECTS = Number(process.argv[2] ?? 1000);
const VERSIONS = Number(process.argv[3] ?? 20);
const PER_COMMIT = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** The same schemas as bench/history.ts: version v of a subject adds field f<v> with a default. */
function schema(subject: number, version: number): string {
  const fields = [{ name: 'id', type: 'string' }];
  for (let v = 2; v <= version; v++)
    fields.push({ name: `f${v}`, type: 'string', default: '' } as { name: string; type: string });
  return `${JSON.stringify({ type: 'record', name: `Event${subject}`, namespace: 'bench.events', fields }, null, 2)}\n`;
}

const path = (s: number): string => `schemas/s${String(s).padStart(4, '0')}.avsc`;

/** The repository of bench/history.ts, built the same way (git fast-import, PER_COMMIT subjects a commit). */
async function build(dir: string): Promise<void> {
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const child = spawn('git', ['fast-import', '--quiet'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const chunks: string[] = [];
  let commits = 0;
  let time = 1_700_000_000;
  chunks.push(
    `commit refs/heads/main\nmark :${++commits}\ncommitter Bench <bench@example.com> ${time} +0000\n${data('config')}M 100644 inline schemagate.yaml\n${data('compatibility: BACKWARD_TRANSITIVE\n')}`,
  );
  for (let v = 1; v <= VERSIONS; v++)
    for (let start = 0; start < SUBJECTS; start += PER_COMMIT) {
      let c = `commit refs/heads/main\nmark :${++commits}\ncommitter Bench <bench@example.com> ${++time} +0000\n${data(`v${v} ${start}`)}from :${commits - 1}\n`;
      for (let s = start; s < Math.min(SUBJECTS, start + PER_COMMIT); s++)
        c += `M 100644 inline ${path(s)}\n${data(schema(s, v))}`;
      chunks.push(c);
    }
  await new Promise<void>((resolve, reject) => {
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`fast-import exit ${code}`))));
    child.stdin.end(chunks.join(''));
  });
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir });
}

async function ms(run: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = mkdtempSync(join(tmpdir(), 'schemagate-bench-site-'));
const out = mkdtempSync(join(tmpdir(), 'schemagate-bench-site-out-'));
try {
  await build(dir);
  // One warm-up of each: module loading and the engines' first use are not what is measured.
  await runCheck({ cwd: dir, mode: 'all', deepen: false });
  writeSite(await readSiteModel({ cwd: dir }), out);
  // The two alternate within each run, so that a busy minute on the shared machine slows both alike.
  const checks: number[] = [];
  const docs: number[] = [];
  const models: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    checks.push(await ms(() => runCheck({ cwd: dir, mode: 'all', deepen: false })));
    docs.push(
      await ms(async () => {
        const t0 = process.hrtime.bigint();
        const m = await readSiteModel({ cwd: dir });
        models.push(Number(process.hrtime.bigint() - t0) / 1e6);
        writeSite(m, out);
      }),
    );
  }
  const ratios = docs.map((d, i) => d / checks[i]!);
  const index = statSync(join(out, 'index.html')).size;
  const assets =
    statSync(join(out, 'assets', 'index.js')).size + statSync(join(out, 'assets', 'site.css')).size;
  console.log(
    `bench/site: ${SUBJECTS} subjects × ${VERSIONS} versions, BACKWARD_TRANSITIVE, ${cpus().length} cores, median of ${RUNS}`,
  );
  console.log(`  check --all (runCheck, in process):    ${median(checks).toFixed(0)} ms`);
  console.log(
    `  docs --out (read + write, in process): ${median(docs).toFixed(0)} ms (reading the model ${median(models).toFixed(0)} ms)`,
  );
  console.log(
    `  docs / check, per run: median ${median(ratios).toFixed(2)}× (${ratios.map((r) => r.toFixed(2)).join(', ')}) (goal ≤ 3×)`,
  );
  console.log(
    `  index.html ${(index / 1024).toFixed(0)} KiB + its CSS and script ${(assets / 1024).toFixed(0)} KiB = ${((index + assets) / 1024).toFixed(0)} KiB (goal < 1 MB)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}
