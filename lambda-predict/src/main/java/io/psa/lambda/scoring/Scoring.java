package io.psa.lambda.scoring;

import io.psa.model.results.InferenceResult;
import io.psa.model.service.PredictService;
import java.time.Instant;

/**
 * Where {@code PredictHandler} gets its answers: the core's {@link PredictService} in the function
 * ({@link InFunctionScoring}), or a SageMaker endpoint ({@link EndpointScoring}). Never throws for
 * anything the client sent: every failure is an answer with the docs/api.md error body.
 */
public interface Scoring {

  /**
   * @param contentType the request's {@code Content-Type}, or null
   * @param accept the request's {@code Accept}, or null
   */
  PredictService.Answer answer(byte[] body, String contentType, String accept, String requestId);

  /**
   * The {@code inference_results} row of a successful answer, or null when there is nothing to
   * record (an error, or an answer that is not the prediction JSON).
   */
  InferenceResult row(PredictService.Answer answer, byte[] body, String contentType,
      Instant received, double latencyMs);

  /** Warms the code path before a SnapStart snapshot: scores {@code body} (JSON) without side effects. */
  default void prime(byte[] body) {}
}
