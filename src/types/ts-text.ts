/** Small pieces of TypeScript source the generators share. */

/** A JSDoc comment for `doc` at `indent`, or nothing; `*\/` in the text cannot end the comment. */
export function jsDoc(doc: string | undefined, indent: string): string {
  if (doc === undefined || doc.trim() === '') return '';
  const lines = doc.replace(/\*\//g, '*\\/').trim().split(/\r?\n/);
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l === '' ? '' : ` ${l}`}`).join('\n')}\n${indent} */\n`;
}

/** A property key as written in a type literal: bare when it is an identifier, else quoted. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : literal(name);
}

/** `order_line`, `order-line`, `orderLine` → `OrderLine`: a type name from any text. */
export function typeName(text: string): string {
  const name = text
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== '')
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
  return name === '' || /^[0-9]/.test(name) ? `T${name}` : name;
}

/** Parenthesizes a union or intersection before `[]`. */
export function arrayOf(type: string): string {
  return /[|&]/.test(type) ? `Array<${type}>` : `${type}[]`;
}

/** A JSON value as a TypeScript literal type; strings in single quotes. */
export function literal(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  return `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}
