package io.psa.container.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.psa.model.results.InferenceResult;
import io.psa.model.results.ResultWriter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only JSON Lines file for results the in-memory queue cannot hold. Replay first moves
 * the file aside ({@code <name>.replaying}), so appends go on into a fresh file while the old one
 * is written; a replay interrupted by a failure is resumed from the start of the moved file, which
 * is safe because rows are idempotent by request id. A torn last line (a crash mid-append) is
 * skipped with a warning. Thread-safe.
 */
public final class SpillFile {
  private static final Logger LOG = LoggerFactory.getLogger(SpillFile.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;
  private final Path replaying;

  public SpillFile(Path path) {
    this.path = path.toAbsolutePath();
    this.replaying = this.path.resolveSibling(this.path.getFileName() + ".replaying");
  }

  public Path path() {
    return path;
  }

  /** Appends results, one line each, and flushes them to the operating system. */
  public synchronized void append(List<InferenceResult> results) throws IOException {
    Path parent = path.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
      for (InferenceResult r : results) {
        w.write(JSON.writeValueAsString(toJson(r)));
        w.newLine();
      }
    }
  }

  /** Whether anything waits to be replayed. */
  public synchronized boolean hasPending() {
    return Files.exists(path) || Files.exists(replaying);
  }

  /**
   * Writes every spilled result through {@code writer} in batches, then deletes what was
   * replayed; on a failure, the exception propagates and the results stay for the next call.
   *
   * @return results replayed
   */
  public int replay(int batchSize, ResultWriter writer) throws Exception {
    synchronized (this) {
      if (!Files.exists(replaying)) {
        if (!Files.exists(path)) {
          return 0;
        }
        Files.move(path, replaying, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    int count = 0;
    List<InferenceResult> batch = new ArrayList<>(batchSize);
    try (BufferedReader in = Files.newBufferedReader(replaying, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        InferenceResult r = parse(line);
        if (r != null) {
          batch.add(r);
        }
        if (batch.size() == batchSize) {
          writer.write(batch);
          count += batch.size();
          batch.clear();
        }
      }
    }
    if (!batch.isEmpty()) {
      writer.write(batch);
      count += batch.size();
    }
    Files.delete(replaying);
    return count;
  }

  private static ObjectNode toJson(InferenceResult r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("request_id", r.requestId()).put("asset_id", r.assetId())
        .put("model_name", r.modelName()).put("model_version", r.modelVersion())
        .put("received_at", r.receivedAt().toString())
        .put("first_ts_ms", r.firstTsMs()).put("last_ts_ms", r.lastTsMs())
        .put("sample_count", r.sampleCount()).put("window_count", r.windowCount())
        .put("anomaly_score", r.anomalyScore()).put("is_anomaly", r.isAnomaly())
        .put("threshold", r.threshold()).put("source", r.source())
        .put("latency_ms", r.latencyMs()).put("cached", r.cached());
    ArrayNode scores = o.putArray("window_scores");
    for (double s : r.windowScores()) {
      scores.add(s);
    }
    return o;
  }

  private static InferenceResult parse(String line) {
    try {
      JsonNode o = JSON.readTree(line);
      JsonNode scores = o.get("window_scores");
      double[] ws = new double[scores.size()];
      for (int i = 0; i < ws.length; i++) {
        ws[i] = scores.get(i).asDouble();
      }
      return new InferenceResult(o.get("request_id").asText(),
          o.get("asset_id").isNull() ? null : o.get("asset_id").asText(),
          o.get("model_name").asText(), o.get("model_version").asText(),
          Instant.parse(o.get("received_at").asText()), o.get("first_ts_ms").asLong(),
          o.get("last_ts_ms").asLong(), o.get("sample_count").asInt(),
          o.get("window_count").asInt(), o.get("anomaly_score").asDouble(),
          o.get("is_anomaly").asBoolean(), o.get("threshold").asDouble(), ws,
          o.get("source").asText(), o.get("latency_ms").asDouble(), o.get("cached").asBoolean());
    } catch (IOException | RuntimeException e) {
      LOG.warn("skipping an unreadable spill line ({} chars): {}", line.length(), e.toString());
      return null;
    }
  }
}
