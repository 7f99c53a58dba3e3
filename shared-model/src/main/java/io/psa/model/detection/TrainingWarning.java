package io.psa.model.detection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something in the training data that makes the model less trustworthy, found at training and
 * kept in the manifest: most often a change of regime or a fault inside the training data, which
 * teaches the model that the changed state is normal and so hides it later.
 *
 * @param signal the training signal (file name) it was found in
 * @param firstRow the first record of the affected stretch, counted from 0 in that signal
 * @param lastRow the last record of it
 * @param startTsMs the stretch's first timestamp
 * @param endTsMs its last timestamp
 * @param message what was found, in words, naming the features
 */
public record TrainingWarning(
    String signal, long firstRow, long lastRow, long startTsMs, long endTsMs, String message) {

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("signal", signal);
    m.put("first_row", firstRow);
    m.put("last_row", lastRow);
    m.put("start_ts_ms", startTsMs);
    m.put("end_ts_ms", endTsMs);
    m.put("message", message);
    return m;
  }

  public static TrainingWarning fromMap(Map<String, ?> m) {
    return new TrainingWarning((String) m.get("signal"), ((Number) m.get("first_row")).longValue(),
        ((Number) m.get("last_row")).longValue(), ((Number) m.get("start_ts_ms")).longValue(),
        ((Number) m.get("end_ts_ms")).longValue(), (String) m.get("message"));
  }

  @Override
  public String toString() {
    return signal + " rows " + firstRow + "-" + lastRow + ": " + message;
  }
}
