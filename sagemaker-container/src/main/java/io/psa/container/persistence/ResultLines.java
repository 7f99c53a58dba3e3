package io.psa.container.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.model.results.InferenceResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * One {@link InferenceResult} as one line of JSON, for the spill journal and the dead-letter
 * table. Every non-ASCII character is written as an escape, so a line is plain ASCII whatever a
 * row holds (even a NUL or an unpaired surrogate, which a dead letter must still be able to keep).
 */
final class ResultLines {
  private static final JsonFactory ASCII = JsonFactory.builder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static final ObjectMapper READ = new ObjectMapper();

  private ResultLines() {}

  /** The line for {@code r}, without the newline. */
  static String line(InferenceResult r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    write(r, out);
    return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** Appends the line for {@code r} and a newline. */
  static void write(InferenceResult r, ByteArrayOutputStream out) {
    try (JsonGenerator g = ASCII.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("request_id", r.requestId());
      g.writeStringField("asset_id", r.assetId());
      g.writeStringField("model_name", r.modelName());
      g.writeStringField("model_version", r.modelVersion());
      g.writeStringField("received_at", r.receivedAt().toString());
      g.writeNumberField("first_ts_ms", r.firstTsMs());
      g.writeNumberField("last_ts_ms", r.lastTsMs());
      g.writeNumberField("sample_count", r.sampleCount());
      g.writeNumberField("window_count", r.windowCount());
      g.writeNumberField("anomaly_score", r.anomalyScore());
      g.writeBooleanField("is_anomaly", r.isAnomaly());
      g.writeNumberField("threshold", r.threshold());
      g.writeStringField("source", r.source());
      g.writeNumberField("latency_ms", r.latencyMs());
      g.writeBooleanField("cached", r.cached());
      g.writeArrayFieldStart("window_scores");
      for (double s : r.windowScores()) {
        g.writeNumber(s);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory does not fail", e);
    }
    out.write('\n');
  }

  /**
   * The result of a line.
   *
   * @throws IOException when the line is not JSON
   * @throws RuntimeException when a field is missing or of the wrong type
   */
  static InferenceResult parse(String line) throws IOException {
    JsonNode o = READ.readTree(line);
    JsonNode scores = required(o, "window_scores");
    double[] ws = new double[scores.size()];
    for (int i = 0; i < ws.length; i++) {
      ws[i] = scores.get(i).asDouble();
    }
    JsonNode asset = o.get("asset_id");
    return new InferenceResult(required(o, "request_id").asText(),
        asset == null || asset.isNull() ? null : asset.asText(),
        required(o, "model_name").asText(), required(o, "model_version").asText(),
        Instant.parse(required(o, "received_at").asText()), required(o, "first_ts_ms").asLong(),
        required(o, "last_ts_ms").asLong(), required(o, "sample_count").asInt(),
        required(o, "window_count").asInt(), required(o, "anomaly_score").asDouble(),
        required(o, "is_anomaly").asBoolean(), required(o, "threshold").asDouble(), ws,
        required(o, "source").asText(), required(o, "latency_ms").asDouble(),
        o.path("cached").asBoolean(false));
  }

  /** {@code text} with every character outside printable ASCII escaped, as JSON would. */
  static String ascii(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '\\') {
        b.append(c);
      } else {
        b.append(String.format("\\u%04x", (int) c));
      }
    }
    return b.toString();
  }

  private static JsonNode required(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull() || v.isMissingNode()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return v;
  }
}
