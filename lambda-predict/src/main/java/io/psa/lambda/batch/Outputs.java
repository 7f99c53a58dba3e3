package io.psa.lambda.batch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.psa.model.Episode;
import io.psa.model.ModelInfo;
import io.psa.model.scoring.PredictionJson;
import io.psa.model.scoring.ScoredWindow;
import io.psa.model.scoring.SegmentedScorer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/** The JSON of the batch outputs: window lines, the summary, the error of a failed file. */
final class Outputs {
  private static final JsonFactory JSON = new JsonFactory();

  private Outputs() {}

  /** One line of {@code results/<name>.jsonl}. */
  static void windowLine(OutputStream out, ScoredWindow w) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.writeStartObject();
      g.writeNumberField("start_ts_ms", w.startTsMs());
      g.writeNumberField("end_ts_ms", w.endTsMs());
      number(g, "score", w.score());
      g.writeBooleanField("is_anomaly", w.isAnomaly());
      g.writeStringField("top_channel", w.topChannel());
      g.writeEndObject();
    }
    out.write('\n');
  }

  static byte[] summary(FileKey f, ModelInfo model, FileSummary s, long scoreMs, long totalMs)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = JSON.createGenerator(bytes, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      source(g, f);
      g.writeObjectFieldStart("model");
      g.writeStringField("name", model.name());
      g.writeStringField("version", model.version());
      g.writeStringField("detector", model.detector());
      g.writeEndObject();
      g.writeNumberField("rows", s.rows());
      g.writeNumberField("first_ts_ms", s.firstTsMs());
      g.writeNumberField("last_ts_ms", s.lastTsMs());
      g.writeNumberField("segments", s.segments());
      g.writeArrayFieldStart("gaps");
      for (SegmentedScorer.Gap gap : s.gaps()) {
        g.writeStartObject();
        g.writeNumberField("after_record", gap.afterRecord());
        g.writeNumberField("from_ts_ms", gap.fromTsMs());
        g.writeNumberField("to_ts_ms", gap.toTsMs());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("skipped_segments");
      for (SegmentedScorer.Segment seg : s.skipped()) {
        g.writeStartObject();
        g.writeNumberField("start_ts_ms", seg.startTsMs());
        g.writeNumberField("end_ts_ms", seg.endTsMs());
        g.writeNumberField("records", seg.records());
        g.writeStringField("reason", seg.skipped());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("windows", s.windows());
      g.writeNumberField("anomalous_windows", s.anomalousWindows());
      number(g, "max_score", s.maxScore());
      number(g, "window_threshold", s.windowThreshold());
      g.writeArrayFieldStart("episodes");
      for (Episode e : s.episodes()) {
        PredictionJson.episode(g, e); // the same object as /predict's details.episodes
      }
      g.writeEndArray();
      g.writeStringField("results", f.resultsKey());
      g.writeObjectFieldStart("timings");
      g.writeNumberField("read_and_score_ms", scoreMs);
      g.writeNumberField("total_ms", totalMs);
      g.writeEndObject();
      g.writeStringField("scored_at", Instant.now().toString());
      g.writeEndObject();
    }
    return bytes.toByteArray();
  }

  /** {@code failed/<name>.error.json}: the docs/api.md error object plus where in the file. */
  static byte[] error(FileKey f, String code, String message, String field, Long line,
      Integer record) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = JSON.createGenerator(bytes, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeObjectFieldStart("error");
      g.writeStringField("code", code);
      g.writeStringField("message", message);
      g.writeStringField("field", field);
      if (line == null) {
        g.writeNullField("line");
      } else {
        g.writeNumberField("line", line);
      }
      if (record == null) {
        g.writeNullField("record");
      } else {
        g.writeNumberField("record", record);
      }
      g.writeEndObject();
      source(g, f);
      g.writeStringField("moved_to", f.failedKey());
      g.writeStringField("failed_at", Instant.now().toString());
      g.writeEndObject();
    }
    return bytes.toByteArray();
  }

  private static void source(JsonGenerator g, FileKey f) throws IOException {
    g.writeObjectFieldStart("source");
    g.writeStringField("bucket", f.bucket());
    g.writeStringField("key", f.key());
    g.writeStringField("version_id", f.versionId());
    g.writeStringField("etag", f.etag());
    g.writeNumberField("size", f.size());
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String name, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumberField(name, v);
    } else {
      g.writeNullField(name);
    }
  }
}
