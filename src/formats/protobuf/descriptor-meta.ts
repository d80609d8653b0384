import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';
import type { OptionElement, OptionValue, SourcePos } from './model.js';

/**
 * Confluent's `confluent.*_meta` options (`confluent/meta.proto`, extension 1088 on each options
 * message) in a registered descriptor. They are unknown fields to `@bufbuild/protobuf` (it has no
 * descriptor for them); the registry knows them and keeps them as a map option, as written here
 * (ProtobufSchema `toOption(name, Meta)`): `doc`, then `params` as a list of `{key, value}` (`value`
 * first for `precision` and `scale`), `tags` and `rules` as lists, each only when not empty.
 */
const META_FIELD = 1088;

interface UnknownField {
  no: number;
  wireType: WireType;
  data: Uint8Array;
}

/** The meta option of an options message, or undefined when it has none. */
export function metaOption(
  options: { $unknown?: UnknownField[] } | undefined,
  name: string,
  pos: SourcePos,
): OptionElement | undefined {
  const field = options?.$unknown?.find(
    (u) => u.no === META_FIELD && u.wireType === WireType.LengthDelimited,
  );
  if (field === undefined) return undefined;
  const entries = metaEntries(new BinaryReader(field.data).bytes());
  if (entries.length === 0) return undefined;
  return { name, parenthesized: true, kind: 'MAP', value: { kind: 'MAP', entries }, pos };
}

const str = (value: string): OptionValue => ({ kind: 'STRING', value });
const map = (entries: Array<[string, OptionValue]>): OptionValue => ({ kind: 'MAP', entries });

/** A length-delimited field: its number, its payload and the payload read as UTF-8. */
interface Delimited {
  no: number;
  payload: Uint8Array;
  text: string;
}

/** Each length-delimited field of `bytes` (the others are skipped). */
function fields(bytes: Uint8Array): Delimited[] {
  const r = new BinaryReader(bytes);
  const out: Delimited[] = [];
  while (r.pos < r.len) {
    const [no, type] = r.tag();
    if (type !== WireType.LengthDelimited) {
      r.skip(type, no);
      continue;
    }
    const start = r.pos;
    const payload = r.bytes();
    out.push({ no, payload, text: new BinaryReader(bytes.subarray(start, r.pos)).string() });
  }
  return out;
}

function metaEntries(bytes: Uint8Array): Array<[string, OptionValue]> {
  let doc = '';
  const params: OptionValue[] = [];
  const tags: OptionValue[] = [];
  const rules: OptionValue[] = [];
  for (const { no, payload, text } of fields(bytes)) {
    if (no === 1) doc = text;
    else if (no === 2) params.push(param(payload));
    else if (no === 3) tags.push(str(text));
    else if (no === 4) {
      const rule = ruleEntries(payload);
      if (rule.length > 0) rules.push(map(rule));
    }
  }
  const out: Array<[string, OptionValue]> = [];
  if (doc !== '') out.push(['doc', str(doc)]);
  if (params.length > 0) out.push(['params', { kind: 'LIST', items: params }]);
  if (tags.length > 0) out.push(['tags', { kind: 'LIST', items: tags }]);
  if (rules.length > 0) out.push(['rules', { kind: 'LIST', items: rules }]);
  return out;
}

function param(entry: Uint8Array): OptionValue {
  let key = '';
  let value = '';
  for (const { no, text } of fields(entry)) {
    if (no === 1) key = text;
    else if (no === 2) value = text;
  }
  return key === 'precision' || key === 'scale'
    ? map([
        ['value', str(value)],
        ['key', str(key)],
      ])
    : map([
        ['key', str(key)],
        ['value', str(value)],
      ]);
}

const RULE_FIELDS = ['', 'name', 'doc', 'expr', 'sql'];

function ruleEntries(rule: Uint8Array): Array<[string, OptionValue]> {
  const found = new Map<number, string>();
  for (const { no, text } of fields(rule)) if (no >= 1 && no <= 4) found.set(no, text);
  const out: Array<[string, OptionValue]> = [];
  for (let no = 1; no <= 4; no++) {
    const v = found.get(no);
    if (v !== undefined && v !== '') out.push([RULE_FIELDS[no]!, str(v)]);
  }
  return out;
}
