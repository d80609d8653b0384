import { joinPointer, type JsonValue } from '../json/parse.js';
import type { JsonAttr } from './model.js';

const HEX = '0123456789ABCDEF';

/** A JSON string as Jackson writes it: short escapes for \b \t \n \f \r, `\u00XX` (upper case) for other control characters, everything else raw. */
export function jacksonString(s: string): string {
  let out = '"';
  let chunk = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(chunk, i);
    chunk = i + 1;
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += '\\\\';
        break;
      case 0x08:
        out += '\\b';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0c:
        out += '\\f';
        break;
      case 0x0d:
        out += '\\r';
        break;
      default:
        out += `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
    }
  }
  return `${out}${s.slice(chunk)}"`;
}

/** Java's `Double.toString`: `1.0`, `0.001`, `1.0E7`, `1.5E-4`. */
export function javaDouble(d: number): string {
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  if (!Number.isFinite(d)) return Number.isNaN(d) ? 'NaN' : d > 0 ? 'Infinity' : '-Infinity';
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(d);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mantissa = '', exponent = '0'] = d.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/**
 * A number as Jackson re-prints it after parsing: integers exactly as written (any size),
 * floating-point text through a double.
 */
export function jacksonNumber(value: number, text: string | undefined): string {
  if (text !== undefined && /^-?\d+$/.test(text)) return BigInt(text).toString();
  return javaDouble(text === undefined ? value : Number(text));
}

/** Compact JSON of a value from the schema text, as Jackson's `writeTree` prints it. */
export function jacksonTree(attr: JsonAttr, sortKeys = false): string {
  return write(attr.value, attr.pointer, attr, sortKeys);
}

function write(v: JsonValue, pointer: string, attr: JsonAttr, sortKeys: boolean): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return jacksonNumber(v, attr.numberText(pointer, v));
  if (typeof v === 'string') return jacksonString(v);
  if (Array.isArray(v))
    return `[${v.map((x, i) => write(x, joinPointer(pointer, i), attr, sortKeys)).join(',')}]`;
  const keys = Object.keys(v);
  if (sortKeys) keys.sort();
  return `{${keys.map((k) => `${jacksonString(k)}:${write(v[k] as JsonValue, joinPointer(pointer, k), attr, sortKeys)}`).join(',')}}`;
}
