package io.psa.container.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.psa.container.persistence.ResultStore;
import io.psa.container.persistence.StoreStatus;
import io.psa.model.ModelInfo;
import java.util.function.Supplier;

/**
 * The routes that report rather than score: {@code /ping} (SageMaker's liveness: 200 once the
 * model is loaded), {@code /health} (model and database), {@code /execution-parameters} (Batch
 * Transform) and {@code /metrics}.
 */
final class StatusHandlers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModelHolder models;
  private final ResultStore store;
  private final Metrics metrics;
  private final ServerSettings settings;
  private final Supplier<Resources> resources;

  StatusHandlers(ModelHolder models, ResultStore store, Metrics metrics, ServerSettings settings,
      Supplier<Resources> resources) {
    this.models = models;
    this.store = store;
    this.metrics = metrics;
    this.settings = settings;
    this.resources = resources;
  }

  /** 200 with an empty JSON object once the model is loaded; {@code MODEL_NOT_LOADED} before. */
  void ping(Context ctx) {
    models.require();
    ctx.status(200).contentType("application/json").result("{}");
  }

  /**
   * 200 while the model answers (status {@code degraded} when results are not being stored as
   * they should: the database away, the journal full, results dropped), 503 before it is loaded
   * or when loading failed. States, counts and error classes only: never an error message, a
   * statement, or another client's data.
   */
  void health(Context ctx) throws Exception {
    ModelHolder.Loaded loaded = models.loaded();
    StoreStatus db = store.status();
    ObjectNode body = JSON.createObjectNode();
    body.put("status", loaded == null ? "unavailable" : db.healthy() ? "ok" : "degraded");
    ObjectNode model = body.putObject("model").put("loaded", loaded != null);
    if (loaded != null) {
      ModelInfo info = loaded.scorer().model();
      model.put("name", info.name()).put("version", info.version())
          .put("detector", info.detector()).put("loaded_at", loaded.loadedAt().toString());
    } else if (models.failure() != null) {
      model.put("error", models.failure());
    }
    database(body.putObject("database"), db);
    Resources r = resources.get();
    body.putObject("connections").put("open", r.openConnections()).put("max", r.maxConnections())
        .put("refused", r.refusedConnections()).put("header_timeouts", r.headerTimeouts());
    body.putObject("memory").put("heap_max_bytes", r.heapMaxBytes())
        .put("request_bodies_bytes", r.bodiesBytes())
        .put("request_bodies_max_bytes", r.maxBodiesBytes())
        .put("cache_bytes", r.cacheBytes()).put("cache_max_bytes", r.maxCacheBytes());
    ctx.status(loaded == null ? 503 : 200).contentType("application/json")
        .result(JSON.writeValueAsBytes(body));
  }

  private static void database(ObjectNode o, StoreStatus db) {
    o.put("enabled", db.enabled()).put("up", db.databaseUp());
    o.putObject("journal").put("pending", db.pending()).put("bytes", db.pendingBytes())
        .put("max_bytes", db.maxPendingBytes()).put("full", db.journalFull());
    o.put("in_memory", db.inMemory()).put("in_memory_capacity", db.inMemoryCapacity())
        .put("written", db.written()).put("dead_lettered", db.deadLettered())
        .put("dropped", db.dropped());
    ObjectNode errors = o.putObject("errors");
    db.errors().forEach(errors::put);
    if (db.lastError() == null) {
      o.putNull("last_error");
    } else {
      o.putObject("last_error").put("class", db.lastError()).put("at", db.lastErrorAt().toString());
    }
  }

  /**
   * Batch Transform's questions: one signal per request ({@code SINGLE_RECORD}: a CSV or JSON Lines
   * file is one signal, whose windows must not be split across requests), as many requests at once
   * as there are scoring threads, and the body limit in MB.
   */
  void executionParameters(Context ctx) throws Exception {
    ObjectNode body = JSON.createObjectNode()
        .put("MaxConcurrentTransforms", settings.scoringThreads())
        .put("BatchStrategy", "SINGLE_RECORD")
        .put("MaxPayloadInMB", Math.max(1, settings.maxBodyBytes() / (1024 * 1024)));
    ctx.status(200).contentType("application/json").result(JSON.writeValueAsBytes(body));
  }

  void metrics(Context ctx) {
    ctx.status(200).contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(metrics.render(models.loaded() != null, resources.get()));
  }
}
