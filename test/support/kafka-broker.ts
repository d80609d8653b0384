// A real single-node Apache Kafka broker (KRaft, combined broker+controller) for the test suite.
//
// The jars come from Maven Central: `mvn dependency:copy-dependencies` on test/support/kafka/pom.xml, once,
// into a cache directory (default <repo>/.cache/kafka, gitignored; override with SCHEMAGATE_KAFKA_CACHE).
// Each call then formats a fresh log dir with kafka.tools.StorageTool and starts `java -cp … kafka.Kafka` on
// 127.0.0.1 with free ports. Needs only Java 17+ and Maven on the PATH.
//
// The JVM runs under a tiny sh wrapper that kills it when our stdin pipe closes, so a test process that dies
// without calling stop() (crash, SIGKILL, timeout) does not leave a broker behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface KafkaBroker {
  /** `127.0.0.1:<port>`, for the clients' `brokers` list. */
  bootstrap: string;
  /** Path of the broker's log output (kept until stop()). */
  logFile: string;
  stop(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const pomFile = join(here, 'kafka', 'pom.xml');
const MAVEN_TIMEOUT_MS = 10 * 60_000;
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;

/** Starts a broker; the jars are fetched with Maven on first use and cached. */
export async function startKafkaBroker(): Promise<KafkaBroker> {
  const libs = await ensureKafkaJars();
  let lastError: unknown;
  // Free ports are picked by binding port 0 and releasing it; another process could grab one in between,
  // so a failed start is retried with new ports.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(libs);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** Directory holding the broker's jars, downloading them first if needed. */
export async function ensureKafkaJars(): Promise<string> {
  const pom = readFileSync(pomFile);
  const key = createHash('sha256').update(pom).digest('hex').slice(0, 12);
  const cacheRoot = process.env.SCHEMAGATE_KAFKA_CACHE ?? join(repoRoot, '.cache', 'kafka');
  const dir = join(cacheRoot, key);
  const libs = join(dir, 'libs');
  if (existsSync(join(dir, 'complete'))) return libs;
  mkdirSync(dir, { recursive: true });
  // Test files run in parallel processes: one downloads, the others wait for its marker.
  const lock = join(dir, 'lock');
  await withDirLock(lock, async () => {
    if (existsSync(join(dir, 'complete'))) return;
    const staging = join(dir, `libs.tmp-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    await run(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        pomFile,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${staging}`,
        '-DincludeScope=runtime',
      ],
      MAVEN_TIMEOUT_MS,
      'fetching the Kafka broker jars from Maven Central',
    );
    rmSync(libs, { recursive: true, force: true });
    renameSync(staging, libs);
    writeFileSync(join(dir, 'complete'), `${new Date().toISOString()}\n`);
  });
  return libs;
}

async function startOnce(libs: string): Promise<KafkaBroker> {
  const dataRoot = await mkdtemp(join(tmpdir(), 'schemagate-kafka-'));
  const cleanup = () => rmSync(dataRoot, { recursive: true, force: true });
  try {
    const [port, controllerPort] = await freePorts(2);
    const logDir = join(dataRoot, 'data');
    const props = join(dataRoot, 'server.properties');
    writeFileSync(props, serverProperties(port!, controllerPort!, logDir));
    const log4j = join(dataRoot, 'log4j.properties');
    writeFileSync(log4j, LOG4J);
    const classpath = `${libs}/*`;
    const jvm = [
      '-Xmx512m',
      '-Xms64m',
      '-XX:+UseSerialGC',
      // C1 only: the broker starts faster and competes less with the tests for the 2 cores.
      '-XX:TieredStopAtLevel=1',
      '-Djava.awt.headless=true',
      `-Dlog4j.configuration=file:${log4j}`,
      '-cp',
      classpath,
    ];
    await run(
      'java',
      [...jvm, 'kafka.tools.StorageTool', 'format', '-t', kafkaUuid(), '-c', props],
      60_000,
      'formatting the Kafka storage',
    );
    const logFile = join(dataRoot, 'broker.log');
    const child = spawnWatched('java', [...jvm, 'kafka.Kafka', props], logFile);
    const bootstrap = `127.0.0.1:${port}`;
    try {
      await waitUntilStarted(child, logFile, port!);
    } catch (error) {
      await killGroup(child);
      throw error;
    }
    let stopped: Promise<void> | undefined;
    return {
      bootstrap,
      logFile,
      stop: () => {
        stopped ??= stopChild(child).finally(cleanup);
        return stopped;
      },
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}

function serverProperties(port: number, controllerPort: number, logDir: string): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${logDir}`,
    'num.partitions=1',
    'default.replication.factor=1',
    // Single node: internal topics with one replica and one partition (fast group coordinator start).
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=1',
    // Consumers join at once instead of waiting 3 s for more members.
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=true',
    '',
  ].join('\n');
}

const LOG4J = [
  'log4j.rootLogger=WARN, stdout',
  'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
  'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
  'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
  'log4j.logger.kafka.server.KafkaRaftServer=INFO',
  '',
].join('\n');

/** Kafka's Uuid text form: 16 random bytes, base64url without padding. */
function kafkaUuid(): string {
  return randomBytes(16).toString('base64url');
}

function spawnWatched(command: string, args: string[], logFile: string): ChildProcess {
  // The wrapper starts the JVM in the background and sends it SIGTERM (a clean broker shutdown) as soon as
  // its stdin reaches EOF: on stop(), or when this Node process dies for any reason.
  // (A background job's stdin is /dev/null in a non-interactive sh, hence the explicit fd 3.)
  const script =
    'exec 3<&0; "$@" </dev/null & pid=$!; (cat <&3 >/dev/null; kill "$pid" 2>/dev/null) & exec 3<&-; wait "$pid"';
  const child = spawn('sh', ['-c', script, 'kafka-broker', command, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const out = createWriteStream(logFile);
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  child.unref();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  return child;
}

async function waitUntilStarted(child: ChildProcess, logFile: string, port: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the Kafka broker exited during start-up:\n${tail(logFile)}`);
    }
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    if (log.includes('Kafka Server started') && (await canConnect(port))) return;
    await sleep(100);
  }
  throw new Error(`the Kafka broker did not start within ${START_TIMEOUT_MS / 1000}s:\n${tail(logFile)}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin!.end();
  const timer = setTimeout(() => void killGroup(child), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  await exited;
}

function tail(file: string, lines = 40): string {
  if (!existsSync(file)) return '(no broker output)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

function run(command: string, args: string[], timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-8000)));
    child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-8000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
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

async function withDirLock(lock: string, body: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + MAVEN_TIMEOUT_MS + 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      if (lockOwnerIsGone(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await sleep(500);
    }
  }
  try {
    await body();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function lockOwnerIsGone(lock: string): boolean {
  try {
    const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // ENOENT: the owner is between mkdir and writing its pid; treat as alive.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<import('node:net').Server>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => {
    const address = s.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    return address.port;
  });
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
