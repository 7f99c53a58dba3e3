package io.psa.container.server;

import io.javalin.http.Context;
import io.psa.container.persistence.ResultStore;
import io.psa.model.BatchScorer;
import io.psa.model.Prediction;
import io.psa.model.results.InferenceResult;
import io.psa.model.service.MediaTypes;
import io.psa.model.service.PredictService;
import io.psa.model.service.WindowRows;
import java.io.IOException;
import java.time.Instant;

/**
 * {@code POST /invocations} and {@code POST /predict}: check the types, read the body under the
 * size, time and memory bounds, answer from the cache or score through the core's {@link
 * PredictService} under the deadline, record the result (durably, before the answer leaves), and
 * answer in the {@code Accept} type.
 */
final class InvocationHandler {
  private final ModelHolder models;
  private final BodyReader bodies;
  private final ResponseCache cache;
  private final ScoringPool pool;
  private final ResultStore store;
  private final long timeoutNanos;

  InvocationHandler(ModelHolder models, ServerSettings settings, BodyReader bodies,
      ResponseCache cache, ScoringPool pool, ResultStore store) {
    this.models = models;
    this.bodies = bodies;
    this.cache = cache;
    this.pool = pool;
    this.store = store;
    this.timeoutNanos = settings.requestTimeout().toNanos();
  }

  void invoke(Context ctx) throws IOException {
    long start = System.nanoTime();
    Instant received = Instant.now();
    String requestId = RequestIds.of(ctx);
    MediaTypes in = MediaTypes.ofContentType(ctx.contentType());
    MediaTypes out = MediaTypes.ofAccept(ctx.header("Accept"));
    BatchScorer scorer = models.require();
    try {
      byte[] body = bodies.read(ctx);
      long deadline = ConnectionGuard.deadline(ctx, start, timeoutNanos);

      ResponseCache.Key key = cache.key(body, in, scorer.model().version());
      Prediction hit = cache.get(key);
      Prediction p = hit != null
          ? hit.withRequestId(requestId)
          : pool.call(() -> PredictService.score(scorer, body, in, requestId), deadline);
      byte[] answer = WindowRows.write(p, out);
      if (hit == null) {
        cache.put(key, p, answer.length);
      }
      double latencyMs = (System.nanoTime() - start) / 1e6;
      store.record(InferenceResult.of(p, received, InferenceResult.SOURCE_API, latencyMs, hit != null));
      ctx.status(200).contentType(out.mime()).result(answer);
    } finally {
      bodies.release(ctx);
    }
  }
}
