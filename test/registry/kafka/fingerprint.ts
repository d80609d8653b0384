import type { RegistryState } from '../../../src/registry/server/state.js';

/** Everything a request can see of a state, as plain data to compare two states with. */
export function stateFingerprint(s: RegistryState): unknown {
  const subjects = [...s.subjects.keys()].sort().map((name) => [
    name,
    s.versions(name, true).map((v) => {
      const { key: _key, ...schema } = s.schemaAt(v) ?? { key: undefined };
      return { ...v, schema };
    }),
  ]);
  const sorted = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    subjects,
    globalConfig: s.globalConfig,
    configs: sorted(s.subjectConfigs),
    aliases: sorted(s.aliases),
    globalMode: s.globalMode,
    modes: sorted(s.subjectModes),
    contexts: s.contexts(),
    maxIds: s.contexts().map((c) => s.space(c).maxId),
  };
}
