package io.psa.container.server;

import io.psa.model.BatchScorer;
import io.psa.model.service.ApiException;
import io.psa.model.service.ErrorCode;
import io.psa.model.service.PredictService;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The model the server answers with, absent until loading finishes: {@code /ping} and the scoring
 * routes answer 503 until then, so SageMaker and load balancers wait. Thread-safe.
 */
public final class ModelHolder implements PredictService.ModelSource {

  /** A loaded model and when it became available. */
  public record Loaded(BatchScorer scorer, Instant loadedAt) {}

  private final AtomicReference<Loaded> loaded = new AtomicReference<>();
  private volatile String failure;

  /** An empty holder: the server starts answering before the model is ready. */
  public ModelHolder() {}

  /** A holder with the model already loaded. */
  public static ModelHolder of(BatchScorer scorer) {
    ModelHolder h = new ModelHolder();
    h.set(scorer);
    return h;
  }

  public void set(BatchScorer scorer) {
    loaded.set(new Loaded(scorer, Instant.now()));
    failure = null;
  }

  /** Records why loading failed, for {@code /health}; the server stays at 503. */
  public void failed(String reason) {
    failure = reason;
  }

  /** The loaded model, or null. */
  public Loaded loaded() {
    return loaded.get();
  }

  /** Why loading failed, or null. */
  public String failure() {
    return failure;
  }

  /** The model, or an {@link ApiException} {@code MODEL_NOT_LOADED}. */
  @Override
  public BatchScorer require() {
    Loaded l = loaded.get();
    if (l == null) {
      throw new ApiException(ErrorCode.MODEL_NOT_LOADED,
          failure == null ? "the model is still loading; retry shortly"
              : "no model is loaded: loading failed");
    }
    return l.scorer();
  }
}
