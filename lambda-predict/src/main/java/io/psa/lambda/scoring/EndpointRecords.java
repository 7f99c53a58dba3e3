package io.psa.lambda.scoring;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.model.Episode;
import io.psa.model.results.InferenceResult;
import io.psa.model.scoring.PredictionJson;
import io.psa.model.service.MediaTypes;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code inference_results} row of an answer a SageMaker endpoint gave: the prediction's own
 * fields from the endpoint's JSON, and what the answer does not carry (records, first and last
 * timestamp) counted from the request body in one streaming pass, without the model.
 */
final class EndpointRecords {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = new JsonFactory();

  private EndpointRecords() {}

  /** Records in a body and its first and last timestamp. */
  record BatchStats(int records, long firstTsMs, long lastTsMs) {}

  static InferenceResult of(byte[] request, MediaTypes format, byte[] response, Instant received,
      double latencyMs) throws IOException {
    JsonNode p = JSON.readTree(response);
    JsonNode scores = p.at("/details/window_scores");
    double[] windowScores = new double[scores.size()];
    for (int i = 0; i < windowScores.length; i++) {
      windowScores[i] = scores.get(i).asDouble();
    }
    BatchStats stats = stats(request, format);
    List<Episode> episodes = new ArrayList<>();
    p.at("/details/episodes").forEach(e -> episodes.add(PredictionJson.episodeFrom(e)));
    return new InferenceResult(p.path("request_id").asText(), p.path("asset_id").asText(null),
        p.at("/model/name").asText(), p.at("/model/version").asText(), received,
        stats.firstTsMs(), stats.lastTsMs(), stats.records(), windowScores.length,
        p.path("anomaly_score").asDouble(), p.path("is_anomaly").asBoolean(),
        p.at("/details/threshold").asDouble(), windowScores, InferenceResult.SOURCE_API,
        latencyMs, false, episodes);
  }

  static BatchStats stats(byte[] body, MediaTypes format) throws IOException {
    return format == MediaTypes.JSON ? predictBody(body) : lines(body, format == MediaTypes.CSV);
  }

  /** Counts the objects of the top-level {@code sensor_batch}, reading only their {@code ts_ms}. */
  private static BatchStats predictBody(byte[] body) throws IOException {
    try (JsonParser p = FACTORY.createParser(body)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (!name.equals("sensor_batch")) {
          p.skipChildren();
          continue;
        }
        int n = 0;
        long first = 0;
        long last = 0;
        while (p.nextToken() == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("ts_ms")) {
              last = p.getValueAsLong();
              first = n == 0 ? last : first;
            } else {
              p.skipChildren();
            }
          }
          n++;
        }
        return new BatchStats(n, first, last);
      }
    }
    return new BatchStats(0, 0, 0);
  }

  /** CSV (a header naming ts_ms, then a record a line) or JSON Lines; blank lines skipped. */
  private static BatchStats lines(byte[] body, boolean csv) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
        StandardCharsets.UTF_8));
    String first = null;
    String last = null;
    int n = 0;
    int tsColumn = csv ? -1 : 0;
    for (String line; (line = r.readLine()) != null; ) {
      if (line.isBlank()) {
        continue;
      }
      if (tsColumn < 0) {
        // the endpoint accepted the body, so the header names ts_ms, in any column
        tsColumn = fields(line).indexOf("ts_ms");
        if (tsColumn < 0) {
          throw new IOException("the CSV header names no ts_ms column");
        }
        continue;
      }
      first = first == null ? line : first;
      last = line;
      n++;
    }
    return new BatchStats(n, first == null ? 0 : ts(first, csv, tsColumn),
        last == null ? 0 : ts(last, csv, tsColumn));
  }

  private static long ts(String line, boolean csv, int tsColumn) throws IOException {
    if (csv) {
      return Long.parseLong(fields(line).get(tsColumn));
    }
    return JSON.readTree(line).path("ts_ms").asLong();
  }

  /** A CSV line's fields, trimmed and unquoted (timestamps and names hold no commas). */
  private static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    for (String f : line.split(",", -1)) {
      out.add(f.trim().replace("\"", ""));
    }
    return out;
  }
}
