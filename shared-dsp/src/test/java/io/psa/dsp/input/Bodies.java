package io.psa.dsp.input;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.testing.Batches;
import io.psa.dsp.testing.BatchText;
import java.util.ArrayList;
import java.util.List;

/** Request bodies with one record edited, for the error tests. */
final class Bodies {
  private Bodies() {}

  /** The record objects of a valid batch of {@code n} records, one JSON text each. */
  static List<String> records(int n) {
    SensorBatch batch = Batches.valid(42, n);
    List<String> records = new ArrayList<>();
    for (String line : BatchText.jsonLines(batch).split("\n")) {
      records.add(line);
    }
    return records;
  }

  /** {@code {"sensor_batch": [records...]}}, one record a line (record i on line i + 2). */
  static String body(List<String> records) {
    return "{\"sensor_batch\": [\n" + String.join(",\n", records) + "\n]}";
  }

  /** A valid body of {@code n} records whose record {@code index} is replaced by {@code record}. */
  static String bodyWith(int n, int index, String record) {
    List<String> records = records(n);
    records.set(index, record);
    return body(records);
  }

  /** Record {@code index} of a valid body with {@code "channel": <value>} spliced in place. */
  static String withValue(int n, int index, String channel, String valueJson) {
    List<String> records = records(n);
    String r = records.get(index);
    String key = "\"" + channel + "\":";
    int from = r.indexOf(key) + key.length();
    int to = from;
    while (to < r.length() && r.charAt(to) != ',' && r.charAt(to) != '}') {
      to++;
    }
    records.set(index, r.substring(0, from) + valueJson + r.substring(to));
    return body(records);
  }
}
