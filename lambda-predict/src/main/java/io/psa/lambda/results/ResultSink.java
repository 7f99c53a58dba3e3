package io.psa.lambda.results;

import io.psa.lambda.runtime.JsonLog;
import io.psa.model.results.InferenceResult;
import io.psa.model.results.ResultWriter;
import io.psa.results.postgres.ResultRow;
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
      JsonLog.error(requestId, "result not stored", null, columns(r));
    }
    return false;
  }

  /** Every column of {@code r}'s row as name, value pairs: the table's columns, in its order. */
  private static Object[] columns(InferenceResult r) {
    Object[] values = ResultRow.values(r);
    Object[] pairs = new Object[2 * values.length];
    for (int i = 0; i < values.length; i++) {
      pairs[2 * i] = ResultRow.COLUMNS.get(i);
      // the log writes numbers, booleans and nulls as such and the rest as text (a time: ISO-8601)
      pairs[2 * i + 1] = values[i] instanceof double[] a ? Arrays.toString(a) : values[i];
    }
    return pairs;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
