package io.psa.container.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.psa.container.persistence.ResultStore;
import io.psa.container.persistence.StoreStatus;
import io.psa.model.ModelInfo;

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

  StatusHandlers(ModelHolder models, ResultStore store, Metrics metrics, ServerSettings settings) {
    this.models = models;
    this.store = store;
    this.metrics = metrics;
    this.settings = settings;
  }

  /** 200 with an empty JSON object once the model is loaded; {@code MODEL_NOT_LOADED} before. */
  void ping(Context ctx) {
    models.require();
    ctx.status(200).contentType("application/json").result("{}");
  }

  /**
   * 200 while the model answers (status {@code degraded} when results are only being kept, not
   * written), 503 before it is loaded or when loading failed.
   */
  void health(Context ctx) throws Exception {
    ModelHolder.Loaded loaded = models.loaded();
    StoreStatus db = store.status();
    ObjectNode body = JSON.createObjectNode();
    boolean degraded = db.enabled() && (!db.databaseUp() || db.dropped() > 0);
    body.put("status", loaded == null ? "unavailable" : degraded ? "degraded" : "ok");
    ObjectNode model = body.putObject("model").put("loaded", loaded != null);
    if (loaded != null) {
      ModelInfo info = loaded.scorer().model();
      model.put("name", info.name()).put("version", info.version())
          .put("detector", info.detector()).put("loaded_at", loaded.loadedAt().toString());
    } else if (models.failure() != null) {
      model.put("error", models.failure());
    }
    body.putObject("database")
        .put("enabled", db.enabled()).put("up", db.databaseUp()).put("queued", db.queued())
        .put("queue_capacity", db.queueCapacity()).put("spill_pending", db.spilledPending())
        .put("written", db.written()).put("dropped", db.dropped()).put("last_error", db.lastError());
    ctx.status(loaded == null ? 503 : 200).contentType("application/json")
        .result(JSON.writeValueAsBytes(body));
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
        .result(metrics.render(models.loaded() != null));
  }
}
