package io.psa.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.psa.dsp.ValidationException;
import io.psa.dsp.input.SignalFiles;
import io.psa.dsp.input.SignalReader;
import io.psa.lambda.batch.FileKey;
import io.psa.lambda.batch.FileLedger;
import io.psa.lambda.batch.FileScorer;
import io.psa.lambda.batch.FileSummary;
import io.psa.lambda.batch.S3Files;
import io.psa.lambda.batch.SegmentedFileScorer;
import io.psa.lambda.results.Databases;
import io.psa.lambda.runtime.AwsClients;
import io.psa.lambda.runtime.Env;
import io.psa.lambda.runtime.Init;
import io.psa.lambda.runtime.JsonLog;
import io.psa.lambda.runtime.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * S3 {@code ObjectCreated} events for {@code incoming/<name>} (CSV or JSON Lines, any length):
 * the object is streamed and scored in bounded memory; {@code results/<name>.jsonl} (a line per
 * window) and {@code results/<name>.summary.json} appear only once complete, then the file's row
 * in {@code file_results}. A file that cannot be scored is moved to {@code failed/<name>} beside
 * {@code failed/<name>.error.json} naming the line and field. Each file of an event stands alone:
 * one bad file never fails the others. A redelivered event, or a retry after a crash, finds the
 * file's row (or without a database its summary) and scores nothing twice; failures of our own
 * (S3 or the database unreachable) are thrown, so Lambda retries the event.
 *
 * <p>Environment: as {@link PredictHandler} for the model ({@code PSA_MODEL_S3_URI}) and the
 * database; S3 through the standard endpoint variables.
 */
public final class S3BatchHandler implements RequestStreamHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final S3Files s3;
  private final FileScorer scorer;
  private final FileLedger ledger;
  private final Metrics metrics;

  /** For the Lambda runtime: everything from the environment, built once. */
  public S3BatchHandler() {
    this(Env.system());
  }

  S3BatchHandler(Env env) {
    this(env, AwsClients.s3(env));
  }

  // one S3 client at init, for the model and for the files
  private S3BatchHandler(Env env, S3Client s3) {
    this(s3, new SegmentedFileScorer(Init.model(env, s3)), ledger(env), Metrics.fromEnv(env, "s3"));
  }

  /** For tests: our own parts; {@code ledger} null means no database. */
  public S3BatchHandler(S3Client s3, FileScorer scorer, FileLedger ledger, Metrics metrics) {
    this.s3 = new S3Files(s3);
    this.scorer = scorer;
    this.ledger = ledger;
    this.metrics = metrics;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = JSON.readTree(input);
    ObjectNode response = JSON.createObjectNode();
    ArrayNode files = response.putArray("files");
    for (JsonNode r : event.path("Records")) {
      JsonNode o = r.path("s3").path("object");
      FileKey f = FileKey.ofEvent(r.path("s3").path("bucket").path("name").asText(),
          o.path("key").asText(), o.path("versionId").asText(null), o.path("eTag").asText(null),
          o.path("size").asLong(-1));
      ObjectNode result = files.addObject().put("key", f.key());
      if (!r.path("eventName").asText("").startsWith("ObjectCreated") || !f.incoming()) {
        result.put("status", "skipped").put("reason", "not an object created under incoming/");
        continue;
      }
      try {
        handle(f, result, context.getAwsRequestId());
      } catch (Exception e) {
        // ours, not the file's: fail the invocation so that Lambda delivers the event again
        JsonLog.error(context.getAwsRequestId(), "scoring a file failed; the event will be retried",
            e, "file", f.toString());
        throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
      }
    }
    JSON.writeValue(output, response);
  }

  private void handle(FileKey f, ObjectNode result, String requestId) throws Exception {
    String done = ledger != null ? ledger.status(f) : s3.doneWithoutDatabase(f);
    if (done != null) {
      JsonLog.info(requestId, "already handled; nothing to do", "file", f.toString(), "status", done);
      result.put("status", "skipped").put("reason", "already " + done);
      return;
    }
    long start = System.nanoTime();
    Metrics.Invocation m = metrics.start();
    S3Files.Scored scored;
    try (InputStream object = s3.open(f)) {
      if (object == null) {
        result.put("status", "skipped").put("reason", "the object is gone");
        JsonLog.warn(requestId, "the object is gone (moved or deleted)", "file", f.toString());
        return;
      }
      SignalReader reader = SignalFiles.open(object, f.name(), scorer.channels());
      scored = s3.scoreToTempFile(scorer, reader, w -> {
        if (w % 1_000 == 0) {
          JsonLog.info(requestId, "progress", "file", f.key(), "windows", w);
        }
      });
    } catch (ValidationException e) {
      fail(f, e, result, requestId, start, m);
      return;
    }
    FileSummary s = scored.summary();
    long scoreMs = (System.nanoTime() - start) / 1_000_000;
    s3.publish(f, scored, scorer.model(), scoreMs, start);
    double ms = (System.nanoTime() - start) / 1e6;
    if (ledger != null) {
      ledger.scored(f, scorer.model().name(), scorer.model().version(), s, ms);
    }
    m.put("Rows", s.rows(), Unit.COUNT).put("WindowsScored", s.windows(), Unit.COUNT)
        .put("Anomalies", s.anomalousWindows(), Unit.COUNT).put("ScoringTime", ms, Unit.MILLISECONDS);
    m.flush();
    JsonLog.info(requestId, "file scored", "file", f.toString(), "rows", s.rows(),
        "windows", s.windows(), "anomalousWindows", s.anomalousWindows(), "ms", ms,
        "peakHeapMb", S3Files.peakHeapMb());
    result.put("status", "scored").put("rows", s.rows()).put("windows", s.windows())
        .put("anomalous_windows", s.anomalousWindows()).put("results", f.resultsKey())
        .put("summary", f.summaryKey());
  }

  private void fail(FileKey f, ValidationException e, ObjectNode result, String requestId,
      long start, Metrics.Invocation m) throws Exception {
    S3Files.Failure failure = s3.moveToFailed(f, e);
    double ms = (System.nanoTime() - start) / 1e6;
    if (ledger != null) {
      ledger.failed(f, failure.code(), e.getMessage(), e.field(), failure.line(), ms);
    }
    m.error(failure.code()).flush();
    JsonLog.warn(requestId, "file cannot be scored; moved to failed/", "file", f.toString(),
        "code", failure.code(), "field", e.field(), "line", failure.line(), "message", e.getMessage());
    result.put("status", "failed").put("code", failure.code()).put("field", e.field())
        .put("error", f.errorKey());
    if (failure.line() != null) {
      result.put("line", failure.line());
    }
  }

  private static FileLedger ledger(Env env) {
    Databases db = Init.database(env);
    return db == null ? null : new FileLedger(db.session(), db.schema());
  }
}
