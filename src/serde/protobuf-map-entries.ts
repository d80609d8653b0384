// A map field as the registry prints it from a descriptor (FileDescriptorProto, as Confluent's Java and
// Python serializers register schemas): `repeated LabelsEntry labels = 4;` with a nested
// `message LabelsEntry { option map_entry = true; K key = 1; V value = 2; }`. protobufjs reads that as a
// list of entry messages; the field is a map (the same bytes on the wire), so it becomes a map field here.
// The entry message stays in the tree: the registry counts it in message-index paths.
import protobuf from 'protobufjs';

/** Turns every field whose type is a `map_entry` message into a map field; true when one was turned. */
export function restoreMapFields(namespace: protobuf.NamespaceBase): boolean {
  let changed = false;
  for (const nested of namespace.nestedArray) {
    if (nested instanceof protobuf.Type) {
      for (const field of nested.fieldsArray) {
        const entry = field.resolvedType;
        if (field.map || !field.repeated || !(entry instanceof protobuf.Type) || !isMapEntry(entry)) continue;
        const key = entry.fields.key;
        const value = entry.fields.value;
        if (key === undefined || value === undefined) continue;
        nested.remove(field);
        nested.add(new protobuf.MapField(field.name, field.id, key.type, qualified(value), field.options));
        changed = true;
      }
    }
    if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type)
      changed = restoreMapFields(nested) || changed;
  }
  return changed;
}

function isMapEntry(type: protobuf.Type): boolean {
  const option = (type.options as Record<string, unknown> | undefined)?.map_entry;
  return option === true || option === 'true';
}

/** The value type's full name when it is a message or enum: the map field resolves from its own parent. */
function qualified(value: protobuf.Field): string {
  return value.resolvedType === null ? value.type : value.resolvedType.fullName;
}
