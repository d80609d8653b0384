// Apache Avro Java's JsonDecoder (avro-tools `fromjson`, Confluent's REST proxy) as the oracle for the
// Avro JSON encoding. Uses the jars of the Avro oracle (avro-java.ts) and compiles its own class next to them.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAvroOracle } from './avro-java.js';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, 'avro-java-json', 'JsonDecodeOracle.java');

/** Java's verdict for each (schema, message): null when it decodes, else its error message. */
export async function javaJsonDecode(
  cases: ReadonlyArray<{ schema: string; reader?: string; message: string }>,
): Promise<Array<string | null>> {
  const classpath = await ensureAvroOracle();
  const libs = classpath.split(':')[1]!;
  const key = createHash('sha256').update(readFileSync(source)).update(libs).digest('hex').slice(0, 12);
  const classes = join(here, '..', '..', '.cache', 'avro-java-json', key);
  if (!existsSync(join(classes, 'JsonDecodeOracle.class'))) {
    mkdirSync(classes, { recursive: true });
    const c = spawnSync('javac', ['-encoding', 'UTF-8', '-cp', libs, '-d', classes, source], {
      encoding: 'utf8',
    });
    if (c.status !== 0) throw new Error(`javac JsonDecodeOracle failed: ${c.stderr}`);
  }
  const input = cases
    .map(
      (c) =>
        `${c.schema.replace(/\s+/g, ' ')}\t${c.reader === undefined ? '' : `${c.reader.replace(/\s+/g, ' ')}\t`}${c.message.replace(/\n/g, ' ')}\n`,
    )
    .join('');
  const r = spawnSync('java', ['-XX:TieredStopAtLevel=1', '-cp', `${classes}:${libs}`, 'JsonDecodeOracle'], {
    input,
    encoding: 'utf8',
  });
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  if (r.status !== 0 || lines.length !== cases.length) throw new Error(`JsonDecodeOracle: ${r.stderr}`);
  return lines.map((l) => (l === 'OK' ? null : l.slice(4)));
}
