import { PHASES, rules, type RulePhase } from './contracts.js';
import { RegistryErrors } from './errors.js';
import type { JsonObject } from './types.js';

/** The registry's `RuleSet.validate()` (§3.10): what makes a rule set invalid (42210). */

const NAME_MAX_LENGTH = 256;
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

function ruleNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string') return 'Missing rule name';
  if (name.length === 0) return 'Empty rule name';
  if (name.length > NAME_MAX_LENGTH) return 'Rule name too long';
  const first = name.charAt(0);
  if (!(LETTER.test(first) || first === '_')) return `Illegal initial character in rule name: ${name}`;
  for (const c of name.slice(1)) {
    if (!(LETTER_OR_DIGIT.test(c) || c === '_' || c === '-'))
      return `Illegal character in rule name: ${name}`;
  }
  return undefined;
}

function ruleProblem(rule: JsonObject): string | undefined {
  const nameProblem = ruleNameProblem(rule['name']);
  if (nameProblem !== undefined) return nameProblem;
  if (rule['type'] === undefined) return 'Missing rule type';
  const mode = rule['mode'];
  for (const action of [rule['onSuccess'], rule['onFailure']]) {
    if (mode !== 'WRITEREAD' && mode !== 'UPDOWN' && typeof action === 'string' && action.includes(','))
      return 'Multiple actions only valid with WRITEREAD and UPDOWN';
  }
  return undefined;
}

const PHASE_MODES: Record<RulePhase, { modes: string[]; message: string }> = {
  migrationRules: {
    modes: ['UPGRADE', 'DOWNGRADE', 'UPDOWN'],
    message: 'Migration rules can only be UPGRADE, DOWNGRADE, UPDOWN',
  },
  domainRules: {
    modes: ['WRITE', 'READ', 'WRITEREAD'],
    message: 'Domain rules can only be WRITE, READ, WRITEREAD',
  },
  encodingRules: {
    modes: ['WRITE', 'READ', 'WRITEREAD'],
    message: 'Encoding rules can only be WRITE, READ, WRITEREAD',
  },
};

/** The registry's `RuleSet.validate()`: unique names, valid names and types, modes that fit the phase; else 42210. */
export function validateRuleSet(ruleSet: JsonObject | undefined): void {
  if (ruleSet === undefined) return;
  const names = new Set<string>();
  for (const phase of PHASES) {
    for (const rule of rules(ruleSet, phase)) {
      const name = rule['name'];
      if (typeof name === 'string' && names.has(name))
        throw RegistryErrors.invalidRuleSet(`Found rule with duplicate name '${name}'`);
      if (typeof name === 'string') names.add(name);
      const problem = ruleProblem(rule);
      if (problem !== undefined) throw RegistryErrors.invalidRuleSet(problem);
      if (!PHASE_MODES[phase].modes.includes(String(rule['mode'])))
        throw RegistryErrors.invalidRuleSet(PHASE_MODES[phase].message);
    }
  }
}

/** The rule set, once `validateRuleSet` accepts it. */
export function validRuleSet(ruleSet: JsonObject): JsonObject {
  validateRuleSet(ruleSet);
  return ruleSet;
}
