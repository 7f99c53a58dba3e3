package io.psa.container.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.model.Episode;
import io.psa.model.results.InferenceResult;
import io.psa.model.scoring.PredictionJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One {@link InferenceResult} as one line of JSON, for the spill journal, the dead-letter table
 * and {@code psa results --json}. Every non-ASCII character is written as an escape, so a line is plain ASCII whatever a
 * row holds (even a NUL or an unpaired surrogate, which a dead letter must still be able to keep).
 */
public final class ResultLines {
  private static final JsonFactory ASCII = JsonFactory.builder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .build();

  /** Every field a line must have ({@code cached} came later and defaults to false). */
  private static final java.util.List<String> REQUIRED = java.util.List.of("request_id", "asset_id",
      "model_name", "model_version", "received_at", "first_ts_ms", "last_ts_ms", "sample_count",
      "window_count", "anomaly_score", "is_anomaly", "threshold", "source", "latency_ms",
      "window_scores");

  /** Reads one episode object as a tree, from the parser of the line. */
  private static final ObjectMapper READER = new ObjectMapper(ASCII);

  private ResultLines() {}

  /** The line for {@code r}, without the newline. */
  public static String line(InferenceResult r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    writeObject(r, out);
    return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** Appends the line for {@code r} and a newline. */
  static void write(InferenceResult r, ByteArrayOutputStream out) {
    writeObject(r, out);
    out.write('\n');
  }

  private static void writeObject(InferenceResult r, ByteArrayOutputStream out) {
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
      g.writeArrayFieldStart("episodes");
      for (Episode e : r.episodes()) {
        PredictionJson.episode(g, e);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory does not fail", e);
    }
  }

  /**
   * The result of a line, read with the streaming parser (no tree but for the episodes): fields
   * in any order, unknown ones skipped, {@code cached} and {@code episodes} optional (lines of an
   * earlier version have neither).
   *
   * @throws IOException when the line is not JSON
   * @throws RuntimeException when a field is missing or of the wrong type
   */
  static InferenceResult parse(byte[] line, int offset, int length) throws IOException {
    String requestId = null;
    String assetId = null;
    String modelName = null;
    String modelVersion = null;
    String receivedAt = null;
    String source = null;
    long firstTs = 0;
    long lastTs = 0;
    int samples = 0;
    int windows = 0;
    double score = 0;
    double threshold = 0;
    double latency = 0;
    boolean anomaly = false;
    boolean cached = false;
    double[] scores = null;
    List<Episode> episodes = new ArrayList<>();
    int seen = 0; // one bit per required field
    try (JsonParser p = ASCII.createParser(line, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not an object");
      }
      String name;
      while ((name = p.nextFieldName()) != null) {
        JsonToken t = p.nextToken();
        int bit = REQUIRED.indexOf(name);
        if (bit >= 0) {
          seen |= 1 << bit;
        }
        switch (name) {
          case "request_id" -> requestId = p.getValueAsString();
          case "asset_id" -> assetId = t == JsonToken.VALUE_NULL ? null : p.getValueAsString();
          case "model_name" -> modelName = p.getValueAsString();
          case "model_version" -> modelVersion = p.getValueAsString();
          case "received_at" -> receivedAt = p.getValueAsString();
          case "first_ts_ms" -> firstTs = p.getLongValue();
          case "last_ts_ms" -> lastTs = p.getLongValue();
          case "sample_count" -> samples = p.getIntValue();
          case "window_count" -> windows = p.getIntValue();
          case "anomaly_score" -> score = p.getDoubleValue();
          case "is_anomaly" -> anomaly = p.getBooleanValue();
          case "threshold" -> threshold = p.getDoubleValue();
          case "source" -> source = p.getValueAsString();
          case "latency_ms" -> latency = p.getDoubleValue();
          case "cached" -> cached = p.getBooleanValue();
          case "window_scores" -> scores = doubles(p, t);
          case "episodes" -> episodes(p, t, episodes);
          default -> p.skipChildren();
        }
      }
    }
    if (seen != (1 << REQUIRED.size()) - 1 || requestId == null || modelName == null
        || modelVersion == null || receivedAt == null || source == null || scores == null) {
      throw new IllegalArgumentException("a field is missing");
    }
    return new InferenceResult(requestId, assetId, modelName, modelVersion,
        Instant.parse(receivedAt), firstTs, lastTs, samples, windows, score, anomaly, threshold,
        scores, source, latency, cached, episodes);
  }

  private static void episodes(JsonParser p, JsonToken t, List<Episode> out) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw new IllegalArgumentException("episodes is not an array");
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      out.add(PredictionJson.episodeFrom(READER.readTree(p)));
    }
  }

  static InferenceResult parse(String line) throws IOException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return parse(bytes, 0, bytes.length);
  }

  private static double[] doubles(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw new IllegalArgumentException("window_scores is not an array");
    }
    double[] out = new double[64];
    int n = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = p.getDoubleValue();
    }
    return Arrays.copyOf(out, n);
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

}
