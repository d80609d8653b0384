import { parseLevel, type CompatibilityLevel } from '../../compat/level.js';
import { RegistryErrors } from './errors.js';
import type { RegistryState } from './state.js';
import type { LogEvent, Mode, RegistryConfig } from './types.js';

export const DEFAULT_LEVEL: CompatibilityLevel = 'BACKWARD';

/**
 * Config and mode (§3.7, §3.8): global and per subject, how they resolve, and their endpoints. Changes
 * go through `commit`, like every other change of state.
 */
export class RegistrySettings {
  constructor(
    private readonly state: RegistryState,
    private readonly commit: (events: LogEvent[]) => void,
  ) {}

  /** Subject config merged over the global one, over the server default (§3.7). */
  effectiveConfig(subject: string | undefined): RegistryConfig {
    const subjectConfig = subject === undefined ? undefined : this.state.subjectConfigs.get(subject);
    return { compatibilityLevel: DEFAULT_LEVEL, ...this.state.globalConfig, ...subjectConfig };
  }

  /** The level a config names; the default when it names none. */
  static levelOf(config: RegistryConfig): CompatibilityLevel {
    return parseLevel(config.compatibilityLevel ?? DEFAULT_LEVEL) ?? DEFAULT_LEVEL;
  }

  /** A global READONLY_OVERRIDE beats any subject mode; otherwise subject, then global (§3.8). */
  effectiveMode(subject: string): Mode {
    const global = this.state.globalMode;
    if (global === 'READONLY_OVERRIDE') return global;
    return this.state.subjectModes.get(subject) ?? global ?? 'READWRITE';
  }

  // ---- config --------------------------------------------------------------------------------

  getConfig(subject: string | undefined, defaultToGlobal: boolean): RegistryConfig {
    if (subject === undefined) return this.effectiveConfig(undefined);
    const own = this.state.subjectConfigs.get(subject);
    if (defaultToGlobal) return this.effectiveConfig(subject);
    if (own === undefined) throw RegistryErrors.subjectConfigNotFound(subject);
    return own;
  }

  /** PUT /config[/{subject}]: the given fields over the current ones; echoes the request form. */
  putConfig(subject: string | undefined, update: RegistryConfig): Record<string, unknown> {
    const current = subject === undefined ? this.state.globalConfig : this.state.subjectConfigs.get(subject);
    const next: RegistryConfig = { ...current, ...update };
    this.commit([{ t: 'config', ...(subject === undefined ? {} : { s: subject }), c: next }]);
    const { compatibilityLevel, ...rest } = update;
    return { ...(compatibilityLevel === undefined ? {} : { compatibility: compatibilityLevel }), ...rest };
  }

  deleteConfig(subject: string | undefined): RegistryConfig {
    if (subject === undefined) {
      const previous = this.effectiveConfig(undefined);
      this.commit([{ t: 'config', c: null }]);
      return previous;
    }
    const own = this.state.subjectConfigs.get(subject);
    if (own === undefined) throw RegistryErrors.subjectNotFound(subject);
    this.commit([{ t: 'config', s: subject, c: null }]);
    return own;
  }

  // ---- mode ----------------------------------------------------------------------------------

  getMode(subject: string | undefined, defaultToGlobal: boolean): { mode: Mode } {
    if (subject === undefined) return { mode: this.state.globalMode ?? 'READWRITE' };
    const own = this.state.subjectModes.get(subject);
    if (own !== undefined) return { mode: own };
    if (defaultToGlobal) return { mode: this.effectiveMode(subject) };
    throw RegistryErrors.subjectModeNotFound(subject);
  }

  putMode(subject: string | undefined, mode: Mode, force: boolean): { mode: Mode } {
    if (mode === 'FORWARD' && subject !== undefined) throw RegistryErrors.invalidMode();
    const events: LogEvent[] = [];
    if (mode === 'IMPORT' || mode === 'FORWARD') {
      const scope = subject === undefined ? this.state.subjectNames() : [subject];
      if (!force && scope.some((s) => this.state.latestLive(s) !== undefined)) {
        throw RegistryErrors.notPermitted('Cannot import since found existing subjects');
      }
      // Soft-deleted versions left in the scope are removed for good, so imported ids cannot clash (§3.8).
      for (const s of scope) {
        const gone = this.state
          .versions(s, true)
          .filter((v) => v.deleted && this.state.referrersOf(s, v.version, true).length === 0);
        if (gone.length > 0) events.push({ t: 'hard', s, v: gone.map((v) => v.version) });
      }
    }
    events.push({ t: 'mode', ...(subject === undefined ? {} : { s: subject }), m: mode });
    this.commit(events);
    return { mode };
  }

  deleteMode(subject: string | undefined): { mode: Mode } {
    if (subject === undefined) {
      const previous = this.state.globalMode ?? 'READWRITE';
      this.commit([{ t: 'mode', m: null }]);
      return { mode: previous };
    }
    const own = this.state.subjectModes.get(subject);
    if (own === undefined) throw RegistryErrors.subjectNotFound(subject);
    this.commit([{ t: 'mode', s: subject, m: null }]);
    return { mode: own };
  }
}
