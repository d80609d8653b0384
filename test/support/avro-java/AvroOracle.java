// The reference for schemagate's Avro engine: Apache Avro Java, driven as Confluent Schema Registry drives it.
// Reads one JSON request per line on stdin and writes one JSON answer per line on stdout, so that thousands
// of schema pairs go through one JVM. A request is {"reader": text, "writer": text}; the answer says whether
// each text parses as a new schema (strict names, defaults validated) and as a stored one (neither), and, when
// the reader parses as new and the writer as stored, what SchemaCompatibility says of the pair.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

public final class AvroOracle {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    String line;
    while ((line = in.readLine()) != null) {
      ObjectNode answer = MAPPER.createObjectNode();
      try {
        answer(MAPPER.readTree(line), answer);
      } catch (Throwable t) {
        answer.put("crash", t.toString());
      }
      out.println(MAPPER.writeValueAsString(answer));
      if (!in.ready()) out.flush();
    }
    out.flush();
  }

  /** As the registry's AvroSchema: a new schema gets strict names and validated defaults; a stored one neither. */
  private static Schema parse(String text, boolean asNew) {
    Schema.Parser parser = new Schema.Parser(asNew ? NameValidator.STRICT_VALIDATOR : NameValidator.NO_VALIDATION);
    parser.setValidateDefaults(asNew);
    return parser.parse(text);
  }

  private static Schema tryParse(String text, boolean asNew, ObjectNode answer, String key) {
    try {
      Schema s = parse(text, asNew);
      answer.putNull(key);
      return s;
    } catch (Throwable t) {
      answer.put(key, t.getClass().getSimpleName() + ": " + t.getMessage());
      return null;
    }
  }

  private static void answer(JsonNode request, ObjectNode answer) {
    String readerText = request.get("reader").textValue();
    String writerText = request.get("writer").textValue();
    Schema reader = tryParse(readerText, true, answer, "readerNew");
    tryParse(readerText, false, answer, "readerOld");
    tryParse(writerText, true, answer, "writerNew");
    Schema writer = tryParse(writerText, false, answer, "writerOld");
    if (reader == null || writer == null) return;
    ObjectNode compat = answer.putObject("compat");
    try {
      SchemaCompatibility.SchemaCompatibilityResult result =
          SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
      compat.put("compatible", result.getCompatibility() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
      ArrayNode list = compat.putArray("incompatibilities");
      for (SchemaCompatibility.Incompatibility i : result.getIncompatibilities()) {
        ObjectNode o = list.addObject();
        o.put("type", i.getType().name());
        o.put("location", i.getLocation());
        o.put("message", i.getMessage());
      }
    } catch (Throwable t) {
      // The registry answers "Unexpected exception during compatibility check: …": incompatible.
      compat.put("compatible", false);
      compat.put("exception", t.getMessage());
    }
  }
}
