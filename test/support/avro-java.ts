// Apache Avro Java (the library Confluent Schema Registry decides Avro with), as an oracle for the tests.
//
// The jars come from Maven Central: `mvn dependency:copy-dependencies` on test/support/avro-java/pom.xml, once,
// into <repo>/.cache/avro-java/<hash of the pom and the Java source>/ (gitignored; override the root with
// SCHEMAGATE_AVRO_JAVA_CACHE), where AvroOracle.java is compiled with javac. One JVM then answers every
// request of a test file: JSON lines in, JSON lines out. Needs only Java 17+ and Maven on the PATH.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const pomFile = join(here, 'avro-java', 'pom.xml');
const sourceFile = join(here, 'avro-java', 'AvroOracle.java');
const SETUP_TIMEOUT_MS = 10 * 60_000;

export interface OracleRequest {
  reader: string;
  writer: string;
}

export interface OracleIncompatibility {
  type: string;
  location: string;
  message: string;
}

/** Java's answer: null where a text parses, else the exception; `compat` when reader (new) and writer (stored) parse. */
export interface OracleAnswer {
  readerNew: string | null;
  readerOld: string | null;
  writerNew: string | null;
  writerOld: string | null;
  compat?: { compatible: boolean; incompatibilities?: OracleIncompatibility[]; exception?: string };
  crash?: string;
}

/** The classpath of the compiled oracle, fetching and compiling it first when the cache lacks it. */
export async function ensureAvroOracle(): Promise<string> {
  const key = createHash('sha256')
    .update(readFileSync(pomFile))
    .update(readFileSync(sourceFile))
    .digest('hex')
    .slice(0, 12);
  const root = process.env.SCHEMAGATE_AVRO_JAVA_CACHE ?? join(repoRoot, '.cache', 'avro-java');
  const dir = join(root, key);
  const classpath = `${join(dir, 'classes')}:${join(dir, 'libs', '*')}`;
  if (existsSync(join(dir, 'complete'))) return classpath;
  mkdirSync(dir, { recursive: true });
  await withDirLock(join(dir, 'lock'), async () => {
    if (existsSync(join(dir, 'complete'))) return;
    const staging = join(dir, `tmp-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    const libs = join(staging, 'libs');
    await run(
      'mvn',
      ['-q', '-B', '-f', pomFile, 'dependency:copy-dependencies', `-DoutputDirectory=${libs}`],
      'fetching Apache Avro Java from Maven Central',
    );
    const classes = join(staging, 'classes');
    await run(
      'javac',
      ['-encoding', 'UTF-8', '-cp', join(libs, '*'), '-d', classes, sourceFile],
      'compiling the Avro oracle',
    );
    rmSync(join(dir, 'libs'), { recursive: true, force: true });
    rmSync(join(dir, 'classes'), { recursive: true, force: true });
    renameSync(libs, join(dir, 'libs'));
    renameSync(classes, join(dir, 'classes'));
    rmSync(staging, { recursive: true, force: true });
    writeFileSync(join(dir, 'complete'), new Date().toISOString());
  });
  return classpath;
}

/** Runs every request through one JVM and returns the answers in order. */
export async function askAvroJava(requests: readonly OracleRequest[]): Promise<OracleAnswer[]> {
  const classpath = await ensureAvroOracle();
  const child = spawn(
    'java',
    ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xss16m', '-cp', classpath, 'AvroOracle'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (e) => reject(new Error(`cannot run java (${e.message}); Java 17+ must be installed`)));
    child.on('close', (code) => resolve(code));
  });
  const answers: OracleAnswer[] = [];
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => answers.push(JSON.parse(line) as OracleAnswer));
  const closed = new Promise<void>((resolve) => lines.on('close', resolve));
  // stdin.write buffers what the pipe cannot take yet; the JVM answers as it reads, so nothing blocks.
  for (const r of requests) child.stdin.write(`${JSON.stringify(r)}\n`);
  child.stdin.end();
  const code = await exited;
  await closed;
  if (code !== 0 || answers.length !== requests.length)
    throw new Error(
      `the Avro oracle exited ${code} after ${answers.length}/${requests.length} answers:\n${stderr}`,
    );
  return answers;
}

function run(command: string, args: string[], what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-8000)));
    child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-8000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), SETUP_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(
        new Error(`${what}: cannot run ${command} (${error.message}); Java 17+ and Maven must be installed`),
      );
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${what} failed (${command} exit ${code ?? signal}):\n${output}`));
    });
  });
}

/** One process fetches and compiles; test files running in parallel wait for its marker. */
async function withDirLock(lock: string, body: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + SETUP_TIMEOUT_MS + 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      if (ownerIsGone(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    await body();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function ownerIsGone(lock: string): boolean {
  try {
    process.kill(Number(readFileSync(join(lock, 'pid'), 'utf8')), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
