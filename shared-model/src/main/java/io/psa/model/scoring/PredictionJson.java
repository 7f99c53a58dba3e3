package io.psa.model.scoring;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.psa.dsp.ValidationException;
import io.psa.model.Episode;
import io.psa.model.Prediction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes the JSON bodies of docs/api.md with Jackson's streaming generator: the {@code /predict}
 * response (snake_case; {@code details.threshold}, {@code window_threshold}, {@code
 * window_scores}, {@code windows[]}, {@code episodes[]}, {@code feature_vector_sample}, {@code
 * diagnostics}) and the error body
 * <code>{"error": {"code", "message", "field"}}</code>.
 *
 * <p>{@code details.diagnostics} holds {@code top_features}, the {@link #TOP_FEATURES} largest
 * feature shares of the highest-scoring window (all features' shares sum to 1), and
 * {@code channels}, every channel's summed share, largest first.
 */
public final class PredictionJson {

  /** How many features {@code diagnostics.top_features} lists. */
  public static final int TOP_FEATURES = 5;

  private static final JsonFactory FACTORY = new JsonFactory();

  private PredictionJson() {}

  /** The response body as UTF-8 bytes. */
  public static byte[] toBytes(Prediction p) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + 64 * p.windows().size());
    try {
      write(p, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes the response body; the stream is flushed, not closed. */
  public static void write(Prediction p, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.writeStartObject();
      g.writeStringField("request_id", p.requestId());
      g.writeStringField("asset_id", p.assetId());
      number(g, "anomaly_score", p.anomalyScore());
      g.writeBooleanField("is_anomaly", p.isAnomaly());
      g.writeObjectFieldStart("model");
      g.writeStringField("name", p.model().name());
      g.writeStringField("version", p.model().version());
      g.writeStringField("detector", p.model().detector());
      g.writeEndObject();
      g.writeObjectFieldStart("details");
      number(g, "threshold", p.threshold());
      number(g, "window_threshold", p.windowThreshold());
      g.writeArrayFieldStart("window_scores");
      for (Prediction.Window w : p.windows()) {
        number(g, w.score());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("windows");
      for (Prediction.Window w : p.windows()) {
        g.writeStartObject();
        g.writeNumberField("start_ts_ms", w.startTsMs());
        g.writeNumberField("end_ts_ms", w.endTsMs());
        number(g, "score", w.score());
        g.writeBooleanField("is_anomaly", w.isAnomaly());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("episodes");
      for (Episode e : p.episodes()) {
        episode(g, e);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("feature_vector_sample");
      for (Map.Entry<String, Double> e : p.featureVectorSample().entrySet()) {
        number(g, e.getKey(), e.getValue());
      }
      g.writeEndObject();
      diagnostics(g, p.diagnostics());
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  /** One episode object, as in {@code details.episodes} and the batch summaries. */
  public static void episode(JsonGenerator g, Episode e) throws IOException {
    g.writeStartObject();
    g.writeNumberField("start_ts_ms", e.startTsMs());
    g.writeNumberField("end_ts_ms", e.endTsMs());
    g.writeNumberField("windows", e.windows());
    number(g, "peak_score", e.peakScore());
    g.writeNumberField("peak_ts_ms", e.peakTsMs());
    g.writeArrayFieldStart("channels");
    for (String c : e.channels()) {
      g.writeString(c);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("features");
    for (String f : e.features()) {
      g.writeString(f);
    }
    g.writeEndArray();
    g.writeBooleanField("open", e.open());
    g.writeBooleanField("rebaselined", e.rebaselined());
    g.writeEndObject();
  }

  /**
   * An episode from the JSON {@link #episode} wrote (an endpoint's answer, a journal line).
   *
   * @throws IllegalArgumentException when a field is missing or of the wrong type
   */
  public static Episode episodeFrom(com.fasterxml.jackson.databind.JsonNode e) {
    if (!e.isObject() || !e.path("start_ts_ms").isIntegralNumber()
        || !e.path("end_ts_ms").isIntegralNumber() || !e.path("channels").isArray()) {
      throw new IllegalArgumentException("not an episode: " + e);
    }
    List<String> channels = new java.util.ArrayList<>();
    e.path("channels").forEach(c -> channels.add(c.asText()));
    List<String> features = new java.util.ArrayList<>();
    e.path("features").forEach(f -> features.add(f.asText()));
    return new Episode(e.path("start_ts_ms").asLong(), e.path("end_ts_ms").asLong(),
        e.path("windows").asInt(), e.path("peak_score").asDouble(Double.NaN),
        e.path("peak_ts_ms").asLong(), channels, features, e.path("open").asBoolean(),
        e.path("rebaselined").asBoolean());
  }

  private static void diagnostics(JsonGenerator g, List<Prediction.Contribution> all)
      throws IOException {
    g.writeObjectFieldStart("diagnostics");
    g.writeArrayFieldStart("top_features");
    for (Prediction.Contribution c : all.subList(0, Math.min(TOP_FEATURES, all.size()))) {
      g.writeStartObject();
      g.writeStringField("feature", c.feature());
      g.writeStringField("channel", c.channel());
      number(g, "share", c.share());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("channels");
    for (Map.Entry<String, Double> e : Diagnostics.byChannel(all).entrySet()) {
      number(g, e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /** The error body for input a client sent ({@code code} is the reason in lower snake_case). */
  public static byte[] errorBytes(ValidationException e) {
    return errorBytes(e.code().apiCode(), e.getMessage(), e.field());
  }

  /** An error body of any code, e.g. {@code payload_too_large}; {@code field} may be null. */
  public static byte[] errorBytes(String code, String message, String field) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeObjectFieldStart("error");
      g.writeStringField("code", code);
      g.writeStringField("message", message);
      g.writeStringField("field", field);
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  // JSON has no NaN or infinity: such a value is written as null rather than breaking the body
  private static void number(JsonGenerator g, String name, double v) throws IOException {
    g.writeFieldName(name);
    number(g, v);
  }

  private static void number(JsonGenerator g, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumber(v);
    } else {
      g.writeNull();
    }
  }
}
