package io.psa.lambda.scoring;

import io.psa.model.BatchScorer;
import io.psa.model.results.InferenceResult;
import io.psa.model.service.PredictService;
import java.time.Instant;

/** Scores in the function with the core's {@link PredictService} and the model loaded at init. */
public final class InFunctionScoring implements Scoring {
  private final PredictService service;

  public InFunctionScoring(BatchScorer scorer, long maxBodyBytes) {
    this.service = new PredictService(() -> scorer, maxBodyBytes);
  }

  @Override
  public PredictService.Answer answer(byte[] body, String contentType, String accept,
      String requestId) {
    return service.answer(body, contentType, accept, requestId);
  }

  @Override
  public InferenceResult row(PredictService.Answer answer, byte[] body, String contentType,
      Instant received, double latencyMs) {
    return answer.prediction() == null ? null
        : InferenceResult.of(answer.prediction(), received, InferenceResult.SOURCE_API, latencyMs, false);
  }

  @Override
  public void prime(byte[] body) {
    for (int i = 0; i < 50; i++) {
      service.answer(body, "application/json", null, "priming");
    }
  }
}
