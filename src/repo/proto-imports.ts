import { KNOWN_FILES } from '../formats/protobuf/known-types.js';
import { ProtoSyntaxError } from '../formats/protobuf/reader.js';
import { parseProtoText } from '../formats/protobuf/syntax.js';

/** An `import` of a `.proto` text that is not built in, with the position of the statement. */
export interface ProtoImport {
  name: string;
  line: number;
  column: number;
}

/**
 * The imports a `.proto` text needs from other files (plain, public and weak; the well-known
 * `google/protobuf/*.proto` are built in). A text that does not parse imports nothing: its parse reports
 * the error.
 */
export function protoImportsAt(text: string): ProtoImport[] {
  try {
    const file = parseProtoText(text);
    return [...file.imports, ...file.publicImports, ...file.weakImports]
      .filter((name) => !KNOWN_FILES.has(name))
      .map((name) => ({ name, ...(file.importPositions.get(name) ?? { line: 1, column: 1 }) }));
  } catch (e) {
    if (e instanceof ProtoSyntaxError) return [];
    throw e;
  }
}
