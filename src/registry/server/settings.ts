import { parseLevel, type CompatibilityLevel } from '../../compat/level.js';
import { RegistryErrors } from './errors.js';
import { contextKey, contextOf, DEFAULT_CONTEXT, GLOBAL_CONTEXT, parseSubject } from './qualified.js';
import type { RegistryState } from './state.js';
import type { LogEvent, Mode, RegistryConfig } from './types.js';
import type { Shapes } from './views.js';

export const DEFAULT_LEVEL: CompatibilityLevel = 'BACKWARD';
const DEFAULT_MODE: Mode = 'READWRITE';
/** Where config and mode for every context live (QualifiedSubject.GLOBAL_CONTEXT_NAME). */
const GLOBAL_KEY = `:${GLOBAL_CONTEXT}:`;

/** The registry's words for a subject's context in messages: '' for the default context, `:.ctx:` else. */
export function contextInMessage(subject: string | undefined): string {
  return subject === undefined ? '' : (contextKey(contextOf(subject)) ?? '');
}

/**
 * Config and mode (§3.7, §3.8): per subject, per context (`:.ctx:`), the global (default context) one
 * and the `:.__GLOBAL:` one above every context, and how they resolve. A subject `undefined` is the
 * global (default-context) setting. Changes go through `commit`, like every other change of state.
 */
export class RegistrySettings {
  constructor(
    private readonly state: RegistryState,
    private readonly commit: (events: LogEvent[]) => void,
    private readonly shapes: Shapes,
  ) {}

  // ---- resolution ----------------------------------------------------------------------------

  private configAt(key: string | undefined): RegistryConfig | undefined {
    return key === undefined ? this.state.globalConfig : this.state.subjectConfigs.get(key);
  }

  private modeAt(key: string | undefined): Mode | undefined {
    return key === undefined ? this.state.globalMode : this.state.subjectModes.get(key);
  }

  /**
   * The config in scope (getConfigInScope): a subject's own config merged over the global one; without
   * its own, its context's (or the global one), then `:.__GLOBAL:`, then the server default.
   */
  effectiveConfig(subject: string | undefined): RegistryConfig {
    const base: RegistryConfig = { compatibilityLevel: DEFAULT_LEVEL };
    const own = subject === undefined ? undefined : this.state.subjectConfigs.get(subject);
    if (own !== undefined) return { ...base, ...this.state.globalConfig, ...own };
    const scope =
      subject === undefined ? this.state.globalConfig : this.configAt(contextKey(contextOf(subject)));
    return { ...base, ...(scope ?? this.state.subjectConfigs.get(GLOBAL_KEY)) };
  }

  /** The level a config names; the default when it names none. */
  static levelOf(config: RegistryConfig): CompatibilityLevel {
    return parseLevel(config.compatibilityLevel ?? DEFAULT_LEVEL) ?? DEFAULT_LEVEL;
  }

  /** 7.x: a global READONLY_OVERRIDE beats every subject's mode (8.x dropped that). */
  private override(): Mode | undefined {
    return this.shapes === '7' && this.state.globalMode === 'READONLY_OVERRIDE'
      ? 'READONLY_OVERRIDE'
      : undefined;
  }

  /** The mode in scope (getModeInScope): subject, then its context (or the global one), then `:.__GLOBAL:`, then READWRITE. */
  effectiveMode(subject: string | undefined): Mode {
    const overriding = this.override();
    if (overriding !== undefined) return overriding;
    const own = subject === undefined ? undefined : this.state.subjectModes.get(subject);
    if (own !== undefined) return own;
    const scope = subject === undefined ? this.state.globalMode : this.modeAt(contextKey(contextOf(subject)));
    return scope ?? this.state.subjectModes.get(GLOBAL_KEY) ?? DEFAULT_MODE;
  }

  /** A subject's own mode (getMode); the global one answers for `undefined` and for `:.__GLOBAL:`. */
  private ownMode(subject: string | undefined): Mode | undefined {
    const overriding = this.override();
    if (overriding !== undefined) return overriding;
    const own = this.modeAt(subject);
    if (own !== undefined) return own;
    return subject === undefined || isGlobalContextKey(subject) ? DEFAULT_MODE : undefined;
  }

  /** Register, delete and config changes need a writable mode: 42205 in READONLY or READONLY_OVERRIDE. */
  requireWritable(subject: string | undefined): Mode {
    const mode = this.effectiveMode(subject);
    if (mode === 'READONLY' || mode === 'READONLY_OVERRIDE') {
      throw RegistryErrors.notPermitted(
        `Subject ${subject ?? 'null'} in context ${contextInMessage(subject)} is in read-only mode`,
      );
    }
    return mode;
  }

  // ---- config --------------------------------------------------------------------------------

  getConfig(subject: string | undefined, defaultToGlobal: boolean): RegistryConfig {
    if (defaultToGlobal || subject === undefined) {
      if (subject === undefined && !defaultToGlobal)
        return { compatibilityLevel: DEFAULT_LEVEL, ...this.state.globalConfig };
      return this.effectiveConfig(subject);
    }
    const own = this.state.subjectConfigs.get(subject);
    if (own !== undefined) return { compatibilityLevel: DEFAULT_LEVEL, ...own };
    if (isGlobalContextKey(subject)) return { compatibilityLevel: DEFAULT_LEVEL };
    throw RegistryErrors.subjectConfigNotFound(subject);
  }

  /** PUT /config[/{subject}]: the given fields over the current ones; answers the stored config in request form. */
  putConfig(
    subject: string | undefined,
    update: { set: RegistryConfig; cleared: (keyof RegistryConfig)[] },
  ): Record<string, unknown> {
    this.requireWritable(subject);
    const next: RegistryConfig = { ...this.configAt(subject), ...update.set };
    for (const k of update.cleared) delete next[k];
    this.commit([{ t: 'config', ...(subject === undefined ? {} : { s: subject }), c: next }]);
    const { compatibilityLevel, ...rest } = next;
    return { ...(compatibilityLevel === undefined ? {} : { compatibility: compatibilityLevel }), ...rest };
  }

  deleteConfig(subject: string | undefined): RegistryConfig {
    if (subject === undefined) {
      const previous = { compatibilityLevel: DEFAULT_LEVEL, ...this.state.globalConfig };
      this.requireWritable(undefined);
      this.commit([{ t: 'config', c: null }]);
      return previous;
    }
    const own = this.state.subjectConfigs.get(subject);
    if (own === undefined) throw RegistryErrors.subjectNotFound(subject);
    this.requireWritable(subject);
    this.commit([{ t: 'config', s: subject, c: null }]);
    return { compatibilityLevel: DEFAULT_LEVEL, ...own };
  }

  // ---- mode ----------------------------------------------------------------------------------

  getMode(subject: string | undefined, defaultToGlobal: boolean): { mode: Mode } {
    const mode = defaultToGlobal ? this.effectiveMode(subject) : this.ownMode(subject);
    if (mode === undefined) throw RegistryErrors.subjectModeNotFound(subject ?? 'null');
    return { mode };
  }

  /** PUT /mode[/{subject}]; `mode` null (a body without one) clears the setting, as the registry does. */
  putMode(subject: string | undefined, mode: Mode | null, force: boolean): void {
    if (mode === 'FORWARD' && (subject === undefined || !isGlobalContextKey(subject)))
      throw RegistryErrors.invalidMode('Forward mode only supported on global level');
    const events: LogEvent[] = [];
    if (mode === 'IMPORT' && this.effectiveMode(subject) !== 'IMPORT' && !force) {
      const scope = this.subjectsIn(subject);
      if (scope.some((s) => this.state.latestLive(s) !== undefined)) {
        throw RegistryErrors.notPermitted('Cannot import since found existing subjects');
      }
      // Soft-deleted versions left in the scope are removed for good, so imported ids cannot clash (§3.8).
      for (const s of scope) {
        const gone = this.state.versions(s, true);
        for (const v of gone) {
          if (this.state.referrersOf(s, v.version, true).length > 0)
            throw RegistryErrors.referenceExists(s, v.version);
        }
        if (gone.length > 0) events.push({ t: 'hard', s, v: gone.map((v) => v.version) });
      }
    }
    events.push({ t: 'mode', ...(subject === undefined ? {} : { s: subject }), m: mode });
    this.commit(events);
  }

  /**
   * DELETE /mode[/{subject}]: the previous mode; 40401 when there was none, unless `recursive`, which
   * on a context (or the global setting) also clears the modes of every subject in that context.
   */
  deleteMode(subject: string | undefined, recursive: boolean): { mode?: Mode } {
    const previous = this.ownMode(subject);
    if (previous === undefined && !recursive) throw RegistryErrors.subjectNotFound(subject ?? 'null');
    const events: LogEvent[] = [{ t: 'mode', ...(subject === undefined ? {} : { s: subject }), m: null }];
    if (recursive && (subject === undefined || parseSubject(subject).name === '')) {
      const context = subject === undefined ? DEFAULT_CONTEXT : parseSubject(subject).context;
      for (const s of this.state.subjectModes.keys()) {
        const q = parseSubject(s);
        if (q.context === context && q.name !== '') events.push({ t: 'mode', s, m: null });
      }
    }
    this.commit(events);
    return previous === undefined ? {} : { mode: previous };
  }

  /** The subjects a mode change covers: one subject, or every subject of a context (the global setting: all). */
  private subjectsIn(subject: string | undefined): string[] {
    if (subject === undefined) return this.state.subjectNames();
    const q = parseSubject(subject);
    if (q.name !== '') return this.state.subjects.has(subject) ? [subject] : [];
    return this.state.subjectNames().filter((s) => contextOf(s) === q.context);
  }
}

function isGlobalContextKey(subject: string): boolean {
  const q = parseSubject(subject);
  return q.context === GLOBAL_CONTEXT && q.name === '';
}
