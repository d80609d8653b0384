import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads messages in Avro's JSON encoding with Apache Avro's JsonDecoder (as avro-tools fromjson does).
 * Input: lines of "schema<TAB>message", or "writer<TAB>reader<TAB>message" to read the message written with
 * one schema by a reader with the other (schema resolution). Output: one line per input, "OK" or "ERR <message>".
 */
public class JsonDecodeOracle {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] parts = line.split("\t", -1);
      try {
        Schema writer = new Schema.Parser().parse(parts[0]);
        Schema reader = parts.length == 3 ? new Schema.Parser().parse(parts[1]) : writer;
        Decoder decoder = DecoderFactory.get().jsonDecoder(writer, parts[parts.length - 1]);
        new GenericDatumReader<Object>(writer, reader).read(null, decoder);
        System.out.println("OK");
      } catch (Exception e) {
        System.out.println("ERR " + String.valueOf(e.getMessage()).replace('\n', ' '));
      }
      System.out.flush();
    }
  }
}
