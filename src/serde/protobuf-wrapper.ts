// An empty file that only re-exports another (`import public "orders.proto";`, nothing else) stands for the
// file it imports: the registry counts message indexes in that file's messages (ProtobufSchema's
// effectiveFile, which looks one level deep). Anything else in the wrapper, a plain import, or a second
// public import, and the file is itself.
import { parseProtoText } from '../formats/protobuf/syntax.js';

/** The one file `text` re-exports when it is such a wrapper, else undefined. */
export function publicImportWrapped(text: string): string | undefined {
  let file;
  try {
    file = parseProtoText(text);
  } catch {
    return undefined; // protobufjs reports the syntax error when it parses the same text
  }
  const onlyOne =
    file.types.length === 0 &&
    file.imports.length === 0 &&
    file.services.length === 0 &&
    file.extendDeclarations.length === 0 &&
    file.publicImports.length === 1;
  return onlyOne ? file.publicImports[0] : undefined;
}
