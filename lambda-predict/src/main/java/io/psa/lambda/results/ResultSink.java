package io.psa.lambda.results;

import io.psa.lambda.runtime.JsonLog;
import io.psa.model.results.InferenceResult;
import io.psa.model.results.ResultWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Writes results before the handler returns (a Lambda is frozen after it answers, so nothing may
 * be left to a background thread): a few attempts with backoff, which also rides out an Aurora
 * Serverless cluster resuming. If every attempt fails the rows are written to the log as JSON
 * ({@code "message": "result not stored"}, every column), to be replayed from CloudWatch Logs, and
 * the caller still gets its answer.
 */
public final class ResultSink {
  /** No database configured: nothing is recorded. */
  public static final ResultSink NONE = new ResultSink(null, 1, Duration.ZERO);

  private final ResultWriter writer;
  private final int attempts;
  private final Duration firstBackoff;

  public ResultSink(ResultWriter writer, int attempts, Duration firstBackoff) {
    this.writer = writer;
    this.attempts = attempts;
    this.firstBackoff = firstBackoff;
  }

  public boolean enabled() {
    return writer != null;
  }

  /** @return whether the rows are stored (true when there is no database) */
  public boolean record(List<InferenceResult> rows, String requestId) {
    if (writer == null || rows.isEmpty()) {
      return true;
    }
    long backoff = firstBackoff.toMillis();
    Exception last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        writer.write(rows);
        return true;
      } catch (Exception e) {
        last = e;
        if (attempt < attempts) {
          sleep(backoff);
          backoff *= 2;
        }
      }
    }
    JsonLog.error(requestId, "results database unavailable after " + attempts + " attempts", last);
    for (InferenceResult r : rows) {
      JsonLog.error(requestId, "result not stored", null, "request_id", r.requestId(),
          "asset_id", r.assetId(), "model_name", r.modelName(), "model_version", r.modelVersion(),
          "received_at", r.receivedAt().toString(), "first_ts_ms", r.firstTsMs(),
          "last_ts_ms", r.lastTsMs(), "sample_count", r.sampleCount(), "window_count",
          r.windowCount(), "anomaly_score", r.anomalyScore(), "is_anomaly", r.isAnomaly(),
          "threshold", r.threshold(), "window_scores", Arrays.toString(r.windowScores()),
          "source", r.source(), "latency_ms", r.latencyMs(), "cached", r.cached());
    }
    return false;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
