// bench/history: schemagate's history reading and checking on a large repository, against the floor
// (git log + one cat-file --batch + JSON.parse) and the naive way (one `git show` per version).
// Run: node --import tsx bench/history.ts [subjects=1000] [versions=20]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCheck } from '../src/repo/check.js';

const SUBJECTS = Number(process.argv[2] ?? 1000);
const VERSIONS = Number(process.argv[3] ?? 20);
/** Subjects changed per commit: 1,000 × 20 versions become 2,000 commits, as in a busy monorepo. */
const PER_COMMIT = 10;
/** Repetitions of the slow measurements (the median is shown). */
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILT_CLI = join(ROOT, 'lib/cli/bin.js');

function schema(subject: number, version: number): string {
  const fields = [{ name: 'id', type: 'string' }];
  for (let v = 2; v <= version; v++)
    fields.push({ name: `f${v}`, type: 'string', default: '' } as { name: string; type: string });
  return `${JSON.stringify({ type: 'record', name: `Event${subject}`, namespace: 'bench.events', fields }, null, 2)}\n`;
}

const path = (s: number): string => `schemas/s${String(s).padStart(4, '0')}.avsc`;

/** Builds the repository with git fast-import: every version of every subject, PER_COMMIT subjects a commit. */
async function build(dir: string): Promise<number> {
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const child = spawn('git', ['fast-import', '--quiet'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
  const chunks: string[] = [];
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let commits = 0;
  let time = 1_700_000_000;
  chunks.push(
    `commit refs/heads/main\nmark :${++commits}\ncommitter Bench <bench@example.com> ${time} +0000\n${data('config')}M 100644 inline schemagate.yaml\n${data('compatibility: BACKWARD_TRANSITIVE\n')}`,
  );
  for (let v = 1; v <= VERSIONS; v++) {
    for (let start = 0; start < SUBJECTS; start += PER_COMMIT) {
      let c = `commit refs/heads/main\nmark :${++commits}\ncommitter Bench <bench@example.com> ${++time} +0000\n${data(`v${v} ${start}`)}from :${commits - 1}\n`;
      for (let s = start; s < Math.min(SUBJECTS, start + PER_COMMIT); s++)
        c += `M 100644 inline ${path(s)}\n${data(schema(s, v))}`;
      chunks.push(c);
    }
  }
  await new Promise<void>((resolve, reject) => {
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`fast-import exit ${code}`))));
    child.stdin.end(chunks.join(''));
  });
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir });
  return commits;
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Wall time, and CPU time (user + system, git children included) through /usr/bin/time when there is one. */
function cliWall(
  args: string[],
  cwd: string,
  runs: number,
): { ms: number; cpuMs: number | undefined; code: number; how: string } {
  const built = existsSync(BUILT_CLI);
  const argv = built ? [BUILT_CLI, ...args] : ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), ...args];
  const timer = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const times: number[] = [];
  const cpu: number[] = [];
  let code = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r =
      timer === undefined
        ? spawnSync(process.execPath, argv, { cwd, encoding: 'utf8' })
        : spawnSync(timer, ['-f', 'CPU %U %S', process.execPath, ...argv], { cwd, encoding: 'utf8' });
    times.push(ms(t0));
    const m = /CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
    if (m !== null) cpu.push((Number(m[1]) + Number(m[2])) * 1000);
    code = r.status ?? 1;
  }
  return {
    ms: median(times),
    cpuMs: cpu.length > 0 ? median(cpu) : undefined,
    code,
    how: built ? 'lib/cli/bin.js' : 'tsx (lib/ not built)',
  };
}

const cpuText = (r: { cpuMs: number | undefined }): string =>
  r.cpuMs === undefined ? '' : `, CPU ${r.cpuMs.toFixed(0)} ms`;

/**
 * The floor as its own plain-JS process (no tsx), so that its CPU time, git children included, compares
 * with the CLI's: one `git log` listing the blobs, one `git cat-file --batch`, JSON.parse of each blob.
 */
const FLOOR_JS = `
import { spawnSync } from 'node:child_process';
const t0 = performance.now();
const log = spawnSync('git', ['log', '--first-parent', '--diff-merges=first-parent', '--raw', '--no-abbrev', '-M', '-z', '--format=%x1e%H', 'HEAD', '--', 'schemas'], { maxBuffer: 1 << 30 }).stdout.toString('utf8');
const oids = [...log.matchAll(/:\\d{6} \\d{6} [0-9a-f]{40} ([0-9a-f]{40}) [AM]/g)].map((m) => m[1]);
const out = spawnSync('git', ['cat-file', '--batch'], { input: oids.join('\\n') + '\\n', maxBuffer: 1 << 30 }).stdout;
let pos = 0, n = 0;
while (pos < out.length) {
  const eol = out.indexOf(10, pos);
  if (eol < 0) break;
  const size = Number(out.toString('latin1', pos, eol).split(' ')[2]);
  JSON.parse(out.toString('utf8', eol + 1, eol + 1 + size));
  pos = eol + 1 + size + 1;
  n++;
}
console.log(JSON.stringify({ ms: performance.now() - t0, blobs: n }));
`;

function floor(dir: string, runs: number): { ms: number; cpuMs: number | undefined; blobs: number } {
  const script = join(dir, '..', `${dir.split('/').at(-1)}-floor.mjs`);
  writeFileSync(script, FLOOR_JS);
  try {
    const timer = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
    const wall: number[] = [];
    const cpu: number[] = [];
    let blobs = 0;
    for (let i = 0; i < runs; i++) {
      const r =
        timer === undefined
          ? spawnSync(process.execPath, [script], { cwd: dir, encoding: 'utf8' })
          : spawnSync(timer, ['-f', 'CPU %U %S', process.execPath, script], { cwd: dir, encoding: 'utf8' });
      const parsed = JSON.parse(r.stdout) as { ms: number; blobs: number };
      wall.push(parsed.ms);
      blobs = parsed.blobs;
      const m = /CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
      if (m !== null) cpu.push((Number(m[1]) + Number(m[2])) * 1000);
    }
    return { ms: median(wall), cpuMs: cpu.length > 0 ? median(cpu) : undefined, blobs };
  } finally {
    rmSync(script, { force: true });
  }
}

function naive(dir: string, sample: number): { ms: number; sampled: number; total: number } {
  const log = execFileSync(
    'git',
    ['log', '--first-parent', '--format=%H', '--name-only', 'HEAD', '--', 'schemas'],
    { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  const pairs: Array<[string, string]> = [];
  let commit = '';
  for (const line of log.split('\n')) {
    if (/^[0-9a-f]{40}$/.test(line)) commit = line;
    else if (line !== '') pairs.push([commit, line]);
  }
  const step = Math.max(1, Math.floor(pairs.length / sample));
  const picked = pairs.filter((_, i) => i % step === 0).slice(0, sample);
  const t0 = process.hrtime.bigint();
  for (const [c, p] of picked)
    JSON.parse(execFileSync('git', ['show', `${c}:${p}`], { cwd: dir, encoding: 'utf8' }));
  return { ms: (ms(t0) / picked.length) * pairs.length, sampled: picked.length, total: pairs.length };
}

const dir = mkdtempSync(join(tmpdir(), 'schemagate-bench-'));
try {
  const t0 = process.hrtime.bigint();
  const commits = await build(dir);
  console.log(
    `built ${SUBJECTS} subjects × ${VERSIONS} versions (${SUBJECTS * VERSIONS} versions, ${commits} commits) with git fast-import in ${ms(t0).toFixed(0)} ms`,
  );
  if (process.env.BENCH_BUILD_ONLY !== undefined) {
    console.log(`built ${dir}`);
    process.env.BENCH_KEEP = '1';
    process.exit(0);
  }
  console.log(
    `machine: ${cpus().length} cores, node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0]!.toFixed(1)}`,
  );

  const c = floor(dir, RUNS);
  console.log(
    `(c) floor: git log + cat-file --batch + JSON.parse of ${c.blobs} blobs (plain node process): wall ${c.ms.toFixed(0)} ms${cpuText(c)}`,
  );

  const inProcess: number[] = [];
  let subjects = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const report = await runCheck({ cwd: dir, mode: 'all', deepen: false });
    inProcess.push(ms(t));
    subjects = report.subjects.length;
    if (!report.ok) throw new Error('bench repository should be compatible');
  }
  const a = median(inProcess);
  console.log(
    `(a) check --all, BACKWARD_TRANSITIVE, in process (runCheck): ${a.toFixed(0)} ms for ${subjects} subjects = ${(a / c.ms).toFixed(2)}× the floor (goal ≤ 2×)`,
  );
  const aCli = cliWall(['check', '--all'], dir, RUNS);
  const cpuRatio =
    aCli.cpuMs !== undefined && c.cpuMs !== undefined
      ? `; CPU ${(aCli.cpuMs / c.cpuMs).toFixed(2)}× the floor's CPU`
      : '';
  console.log(
    `(a) check --all through the CLI (${aCli.how}, node start-up included): wall ${aCli.ms.toFixed(0)} ms${cpuText(aCli)} (exit ${aCli.code}) = ${(aCli.ms / c.ms).toFixed(2)}× the floor's wall${cpuRatio}`,
  );

  for (let s = 0; s < 5; s++) writeFileSync(join(dir, path(s * 97)), schema(s * 97, VERSIONS + 1));
  execFileSync('git', ['add', 'schemas'], { cwd: dir });
  const b = cliWall(['check', '--staged'], dir, 5);
  console.log(
    `(b) check --staged, 5 changed subjects, as the hook runs it (${b.how}, median of 5): wall ${b.ms.toFixed(0)} ms${cpuText(b)} (exit ${b.code}; goal < 300 ms wall)`,
  );
  const noop = cliWall(['--version'], dir, 5);
  console.log(
    `    node start-up + CLI load alone (schemagate --version): wall ${noop.ms.toFixed(0)} ms${cpuText(noop)}`,
  );
  // git's changed-path Bloom filters let a path-limited \`git log\` skip the commits that did not touch the files.
  execFileSync('git', ['commit-graph', 'write', '--reachable', '--changed-paths'], { cwd: dir });
  const bg = cliWall(['check', '--staged'], dir, 5);
  console.log(
    `(b') the same after \`git commit-graph write --reachable --changed-paths\`: wall ${bg.ms.toFixed(0)} ms${cpuText(bg)}`,
  );

  const d = naive(dir, 400);
  console.log(
    `(d) naive, one \`git show\` per version: ${d.ms.toFixed(0)} ms (extrapolated from ${d.sampled} of ${d.total} versions) = ${(d.ms / c.ms).toFixed(1)}× the floor, ${(d.ms / a).toFixed(1)}× check --all`,
  );
} finally {
  if (process.env.BENCH_KEEP === undefined) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
