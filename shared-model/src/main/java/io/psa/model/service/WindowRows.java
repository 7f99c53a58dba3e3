package io.psa.model.service;

import io.psa.model.Prediction;
import io.psa.model.scoring.PredictionJson;
import java.nio.charset.StandardCharsets;

/**
 * The Batch Transform answers: one row per window, so that SageMaker can join them to its output.
 * CSV has the header {@code request_id,start_ts_ms,end_ts_ms,score,is_anomaly,threshold}; JSON
 * Lines has one object a window with the same keys. The {@code /predict} JSON itself is {@link
 * PredictionJson}'s.
 */
public final class WindowRows {

  public static final String CSV_HEADER = "request_id,start_ts_ms,end_ts_ms,score,is_anomaly,threshold";

  private WindowRows() {}

  /** The answer body of {@code p} in {@code format}. */
  public static byte[] write(Prediction p, MediaTypes format) {
    return switch (format) {
      case JSON -> PredictionJson.toBytes(p);
      case CSV -> csv(p);
      case JSON_LINES -> jsonLines(p);
    };
  }

  private static byte[] csv(Prediction p) {
    StringBuilder b = new StringBuilder(64 * (p.windows().size() + 1));
    b.append(CSV_HEADER).append('\n');
    for (Prediction.Window w : p.windows()) {
      // request ids are UUIDs: nothing to quote
      b.append(p.requestId()).append(',').append(w.startTsMs()).append(',').append(w.endTsMs())
          .append(',').append(w.score()).append(',').append(w.isAnomaly()).append(',')
          .append(p.windowThreshold()).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] jsonLines(Prediction p) {
    StringBuilder b = new StringBuilder(128 * p.windows().size());
    for (Prediction.Window w : p.windows()) {
      b.append("{\"request_id\":\"").append(p.requestId()).append("\",\"start_ts_ms\":")
          .append(w.startTsMs()).append(",\"end_ts_ms\":").append(w.endTsMs())
          .append(",\"score\":").append(number(w.score())).append(",\"is_anomaly\":")
          .append(w.isAnomaly()).append(",\"threshold\":").append(number(p.windowThreshold())).append("}\n");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  // as PredictionJson: JSON has no NaN or infinity
  private static String number(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "null";
  }
}
