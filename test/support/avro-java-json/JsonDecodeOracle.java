import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads messages in Avro's JSON encoding with Apache Avro's JsonDecoder (as avro-tools fromjson does).
 * Input: lines of "schema<TAB>message". Output: one line per input, "OK" or "ERR <message>".
 */
public class JsonDecodeOracle {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      int tab = line.indexOf('\t');
      try {
        Schema schema = new Schema.Parser().parse(line.substring(0, tab));
        Decoder decoder = DecoderFactory.get().jsonDecoder(schema, line.substring(tab + 1));
        new GenericDatumReader<Object>(schema).read(null, decoder);
        System.out.println("OK");
      } catch (Exception e) {
        System.out.println("ERR " + String.valueOf(e.getMessage()).replace('\n', ' '));
      }
      System.out.flush();
    }
  }
}
