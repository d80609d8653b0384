import type { PairContext } from '../../compat/finding.js';
import type { DifferenceType } from './differences.js';

/**
 * The registry's description of each incompatible difference (`Difference.error()`), with `%s` the
 * reader and writer as its validator fills them in ("new"/"old"). The double space in
 * REQUIRED_FIELD_ADDED is the registry's.
 */
const DESCRIPTIONS: Partial<Record<DifferenceType, (path: string) => string>> = {
  PACKAGE_CHANGED: (p) =>
    `The package at '${p}' in the %s schema does not match the package in the %s schema`,
  MESSAGE_REMOVED: (p) => `The %s schema is missing a MESSAGE type at path '${p}' in the %s schema`,
  FIELD_KIND_CHANGED: (p) =>
    `The type of a field at path '${p}' in the %s schema does not match the %s schema`,
  FIELD_SCALAR_KIND_CHANGED: (p) =>
    `The kind of a SCALAR field at path '${p}' in the %s schema does not match its kind in the %s schema`,
  FIELD_NAMED_TYPE_CHANGED: (p) =>
    `The type of a MESSAGE field at path '${p}' in the %s schema does not match its type in the %s schema`,
  FIELD_NUMERIC_LABEL_CHANGED: (p) =>
    `The label for a NUMERIC field at path '${p}' in the %s schema does not match its label in the %s schema`,
  REQUIRED_FIELD_ADDED: (p) =>
    `A required field  at path '${p}' in the %s schema is missing in the %s schema`,
  REQUIRED_FIELD_REMOVED: (p) => `The %s schema is missing a required field at path: '${p}' in the %s schema`,
  ONEOF_FIELD_REMOVED: (p) => `The %s schema is missing a oneof field at path '${p}' in the %s schema`,
  ONEOF_FIELD_MOVED_TO_TOP_LEVEL: (p) =>
    `The oneof field at path '${p}' in the %s schema was moved out of its oneof to a top-level field in the %s schema`,
  MULTIPLE_FIELDS_MOVED_TO_ONEOF: (p) =>
    `Multiple fields in the oneof at path '${p}' in the %s schema are outside a oneof in the %s schema`,
  FIELD_MOVED_TO_EXISTING_ONEOF: (p) =>
    `A field in the oneof at path '${p}' in the %s schema is outside an existing oneof in the %s schema`,
};

/** The registry's message for one difference, as its compatibility endpoint returns it. */
export function registryMessage(type: DifferenceType, path: string, context: PairContext): string {
  const d = DESCRIPTIONS[type]?.(path) ?? '';
  const filled = d.replace('%s', context.reader).replace('%s', context.writer);
  return `{errorType:"${type}", description:"${filled}"}`;
}

/** The description alone, filled in: the sentence a user reads. */
export function describe(type: DifferenceType, path: string, context: PairContext): string {
  const d = DESCRIPTIONS[type]?.(path) ?? `${type} at '${path}'`;
  return d.replace('%s', context.reader).replace('%s', context.writer);
}

const FIXES: Partial<Record<DifferenceType, string>> = {
  PACKAGE_CHANGED: 'keep the package as it was; a new package is a new schema (a new subject)',
  MESSAGE_REMOVED: 'keep the message (mark it deprecated instead of deleting it)',
  FIELD_KIND_CHANGED:
    'keep the field type; to change it, add a new field with a new number and reserve the old number',
  FIELD_SCALAR_KIND_CHANGED:
    'use a type of the same wire kind (int32/int64/uint32/uint64/bool/enum, sint32/sint64, string/bytes, fixed32/sfixed32, fixed64/sfixed64), or add a new field with a new number',
  FIELD_NAMED_TYPE_CHANGED:
    'keep the field on the same message type, or make the change to that type compatible; otherwise add a new field with a new number',
  FIELD_NUMERIC_LABEL_CHANGED:
    'keep the label (repeated or not) of a numeric field; add a new field with a new number instead',
  REQUIRED_FIELD_ADDED: 'make the new field optional (required fields cannot be added)',
  REQUIRED_FIELD_REMOVED: 'keep the required field (required fields cannot be removed)',
  ONEOF_FIELD_REMOVED: 'keep the field in its oneof: unlike a plain field, a oneof member cannot be removed',
  MULTIPLE_FIELDS_MOVED_TO_ONEOF:
    'move at most one existing field into a new oneof; leave the others outside',
  FIELD_MOVED_TO_EXISTING_ONEOF:
    'do not move an existing field into a oneof that already has members; add a new field to the oneof instead',
};

export function fixFor(type: DifferenceType): string {
  return FIXES[type] ?? 'no fix needed: the registry allows this change';
}
