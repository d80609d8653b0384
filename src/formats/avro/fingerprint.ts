import { parsingCanonicalForm } from './canonical.js';
import type { AvroSchema } from './model.js';

/** CRC-64-AVRO (Rabin) as the Avro specification defines it for schema fingerprints. */
const EMPTY = 0xc15d213aa4d7a795n;
const MASK = 0xffffffffffffffffn;

let table: BigUint64Array | undefined;

function fpTable(): BigUint64Array {
  if (table !== undefined) return table;
  table = new BigUint64Array(256);
  for (let i = 0; i < 256; i++) {
    let fp = BigInt(i);
    for (let j = 0; j < 8; j++) fp = (fp >> 1n) ^ (EMPTY & -(fp & 1n) & MASK);
    table[i] = fp;
  }
  return table;
}

/** UTF-8 bytes without TextEncoder (the pure core has no platform APIs). */
export function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** The 64-bit Rabin fingerprint of a text (normally a Parsing Canonical Form), as an unsigned bigint. */
export function fingerprint64(text: string): bigint {
  const t = fpTable();
  let fp = EMPTY;
  for (const b of utf8(text)) fp = (fp >> 8n) ^ (t[Number((fp ^ BigInt(b)) & 0xffn)] as bigint);
  return fp;
}

/** The fingerprint as Avro's single-object encoding writes it: 8 bytes, little-endian, in hex. */
export function fingerprint64Hex(text: string): string {
  let fp = fingerprint64(text);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out += Number(fp & 0xffn)
      .toString(16)
      .padStart(2, '0');
    fp >>= 8n;
  }
  return out;
}

/** The schema's Avro fingerprint: CRC-64-AVRO of its Parsing Canonical Form (what single-object encoding carries). */
export function fingerprintAvro(schema: AvroSchema): bigint {
  return fingerprint64(parsingCanonicalForm(schema));
}
