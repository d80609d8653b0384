import type { Direction } from '../../compat/level.js';
import type { SchemaChange } from '../format.js';
import { typeCanRead } from './compat.js';
import { jacksonTree } from './json-text.js';
import {
  describeType,
  isNamed,
  unionBranchKey,
  type AvroField,
  type AvroNamed,
  type AvroSchema,
  type AvroType,
  type JsonAttr,
} from './model.js';

function breaksOf(oldT: AvroType, newT: AvroType): Direction[] {
  const out: Direction[] = [];
  if (!typeCanRead(oldT, newT)) out.push('old-reads-new');
  if (!typeCanRead(newT, oldT)) out.push('new-reads-old');
  return out;
}

function attrText(a: JsonAttr | undefined): string | undefined {
  return a === undefined ? undefined : jacksonTree(a);
}

function propsText(list: readonly [string, JsonAttr][]): string {
  return list.map(([k, v]) => `${k}=${jacksonTree(v)}`).join(', ');
}

function fieldSummary(f: AvroField): string {
  const d = attrText(f.default);
  return `field '${f.name}' (${describeType(f.type)}${d === undefined ? ', no default' : `, default ${d}`})`;
}

class Differ {
  readonly changes: SchemaChange[] = [];
  private readonly seen = new Set<string>();

  add(kind: SchemaChange['kind'], pointer: string, summary: string, breaks: Direction[] = []): void {
    this.changes.push({ kind, pointer, summary, breaks });
  }

  type(o: AvroType, n: AvroType, where: string, nPtr: string): void {
    if (
      o.kind !== n.kind ||
      (isNamed(o) && isNamed(n) && o.fullName !== n.fullName && !n.aliases.includes(o.fullName))
    ) {
      if (o.kind === n.kind && isNamed(o) && isNamed(n)) {
        this.add(
          'changed',
          `${n.pointer}/name`,
          `${where}: ${o.kind} renamed from '${o.fullName}' to '${n.fullName}'`,
          breaksOf(o, n),
        );
        this.named(o, n);
        return;
      }
      this.add(
        'changed',
        nPtr,
        `${where}: type changed from ${describeType(o)} to ${describeType(n)}`,
        breaksOf(o, n),
      );
      return;
    }
    const op = propsText(o.props);
    const np = propsText(n.props);
    if (op !== np && !isNamed(n))
      this.add('changed', nPtr, `${where}: properties changed from {${op}} to {${np}}`);
    switch (n.kind) {
      case 'array':
        if (o.kind === 'array') this.type(o.items, n.items, `${where} items`, n.itemsPointer);
        return;
      case 'map':
        if (o.kind === 'map') this.type(o.values, n.values, `${where} values`, n.valuesPointer);
        return;
      case 'union':
        if (o.kind === 'union') this.union(o, n, where);
        return;
      case 'record':
      case 'enum':
      case 'fixed':
        this.named(o as AvroNamed, n);
        return;
      default:
        return;
    }
  }

  private union(
    o: Extract<AvroType, { kind: 'union' }>,
    n: Extract<AvroType, { kind: 'union' }>,
    where: string,
  ): void {
    const oKeys = o.branches.map(unionBranchKey);
    const nKeys = n.branches.map(unionBranchKey);
    n.branches.forEach((b, i) => {
      const j = oKeys.indexOf(nKeys[i] as string);
      if (j < 0) {
        this.add(
          'added',
          n.branchPointers[i] ?? n.pointer,
          `${where}: union branch ${describeType(b)} added`,
          typeCanRead(o, b) ? [] : ['old-reads-new'],
        );
      } else {
        this.type(
          o.branches[j] as AvroType,
          b,
          `${where} branch ${nKeys[i]}`,
          n.branchPointers[i] ?? n.pointer,
        );
      }
    });
    o.branches.forEach((b, j) => {
      if (!nKeys.includes(oKeys[j] as string)) {
        this.add(
          'removed',
          o.branchPointers[j] ?? o.pointer,
          `${where}: union branch ${describeType(b)} removed`,
          typeCanRead(n, b) ? [] : ['new-reads-old'],
        );
      }
    });
  }

  private named(o: AvroNamed, n: AvroNamed): void {
    const key = `${o.fullName}\u0000${n.fullName}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const label = `${n.kind} '${n.fullName}'`;
    if ((o.doc ?? '') !== (n.doc ?? '')) this.add('changed', `${n.pointer}/doc`, `${label}: doc changed`);
    if (o.aliases.join() !== n.aliases.join())
      this.add(
        'changed',
        `${n.pointer}/aliases`,
        `${label}: aliases changed from [${o.aliases.join(', ')}] to [${n.aliases.join(', ')}]`,
      );
    const op = propsText(o.props);
    const np = propsText(n.props);
    if (op !== np) this.add('changed', n.pointer, `${label}: properties changed from {${op}} to {${np}}`);
    if (o.kind === 'fixed' && n.kind === 'fixed' && o.size !== n.size) {
      this.add('changed', `${n.pointer}/size`, `${label}: size changed from ${o.size} to ${n.size}`, [
        'old-reads-new',
        'new-reads-old',
      ]);
    }
    if (o.kind === 'enum' && n.kind === 'enum') {
      n.symbols.forEach((s, i) => {
        if (!o.symbols.includes(s))
          this.add(
            'added',
            `${n.pointer}/symbols/${i}`,
            `${label}: symbol '${s}' added`,
            o.default === undefined ? ['old-reads-new'] : [],
          );
      });
      o.symbols.forEach((s, i) => {
        if (!n.symbols.includes(s))
          this.add(
            'removed',
            `${o.pointer}/symbols/${i}`,
            `${label}: symbol '${s}' removed`,
            n.default === undefined ? ['new-reads-old'] : [],
          );
      });
      if (o.default !== n.default)
        this.add(
          'changed',
          `${n.pointer}`,
          `${label}: enum default changed from ${o.default ?? 'none'} to ${n.default ?? 'none'}`,
        );
    }
    if (o.kind === 'record' && n.kind === 'record') this.fields(o.fields, n.fields, label);
  }

  private fields(oFields: AvroField[], nFields: AvroField[], label: string): void {
    const matched = new Set<AvroField>();
    // By name through a map: a linear scan per field made a 100k-field record take minutes.
    const byName = new Map<string, AvroField>();
    for (const f of oFields) if (!byName.has(f.name)) byName.set(f.name, f);
    const aliasMatch = (nf: AvroField): AvroField | undefined => {
      if (nf.aliases.length === 0) return undefined;
      // The first old field (in order) named by one of the aliases, as a scan in field order finds it.
      let best: AvroField | undefined;
      let bestIndex = Infinity;
      for (const a of nf.aliases) {
        const f = byName.get(a);
        const i = f === undefined ? -1 : oFields.indexOf(f);
        if (f !== undefined && i < bestIndex) {
          best = f;
          bestIndex = i;
        }
      }
      return best;
    };
    for (const nf of nFields) {
      const of = byName.get(nf.name) ?? aliasMatch(nf);
      if (of === undefined) {
        this.add(
          'added',
          nf.pointer,
          `${label}: ${fieldSummary(nf)} added`,
          nf.default === undefined ? ['new-reads-old'] : [],
        );
        continue;
      }
      matched.add(of);
      const name = `${label} field '${nf.name}'`;
      if (of.name !== nf.name) {
        // The old reader finds the renamed field only through its own aliases or a default.
        const breaks: Direction[] =
          !of.aliases.includes(nf.name) && of.default === undefined ? ['old-reads-new'] : [];
        this.add(
          'changed',
          `${nf.pointer}/name`,
          `${label}: field '${of.name}' renamed to '${nf.name}' (through an alias)`,
          breaks,
        );
      }
      this.type(of.type, nf.type, name, nf.typePointer);
      const od = attrText(of.default);
      const nd = attrText(nf.default);
      if (od !== nd) {
        const pointer = nf.default === undefined ? nf.pointer : nf.default.pointer;
        const what =
          od === undefined
            ? `default ${nd} added`
            : nd === undefined
              ? `default ${od} removed`
              : `default changed from ${od} to ${nd}`;
        this.add('changed', pointer, `${name}: ${what}`);
      }
      if ((of.doc ?? '') !== (nf.doc ?? '')) this.add('changed', `${nf.pointer}/doc`, `${name}: doc changed`);
      if (of.aliases.join() !== nf.aliases.join())
        this.add(
          'changed',
          `${nf.pointer}/aliases`,
          `${name}: aliases changed from [${of.aliases.join(', ')}] to [${nf.aliases.join(', ')}]`,
        );
      if ((of.order ?? 'ascending') !== (nf.order ?? 'ascending'))
        this.add(
          'changed',
          `${nf.pointer}/order`,
          `${name}: order changed from ${of.order ?? 'ascending'} to ${nf.order ?? 'ascending'}`,
        );
      const op = propsText(of.props);
      const np = propsText(nf.props);
      if (op !== np) this.add('changed', nf.pointer, `${name}: properties changed from {${op}} to {${np}}`);
    }
    for (const of of oFields) {
      if (!matched.has(of))
        this.add(
          'removed',
          of.pointer,
          `${label}: ${fieldSummary(of)} removed`,
          of.default === undefined ? ['old-reads-new'] : [],
        );
    }
  }
}

/**
 * The semantic changes from `from` to `to`: fields, symbols and union branches added or removed, types,
 * names, defaults, aliases, doc, order and properties changed. Each change says in which directions it
 * alone breaks readers (`new-reads-old`: the new schema cannot read old data).
 */
export function diffAvro(from: AvroSchema, to: AvroSchema): SchemaChange[] {
  const d = new Differ();
  d.type(from.root, to.root, 'schema', '');
  return d.changes;
}
