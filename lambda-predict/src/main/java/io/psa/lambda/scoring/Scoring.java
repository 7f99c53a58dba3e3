package io.psa.lambda.scoring;

import io.psa.model.service.PredictService;

/**
 * Where {@code PredictHandler} gets its answers: the core's {@link PredictService} in the function
 * ({@link InFunctionScoring}), or a SageMaker endpoint ({@link EndpointScoring}). Never throws for
 * anything the client sent: every failure is an answer with the API.md error body.
 */
public interface Scoring {

  /**
   * @param contentType the request's {@code Content-Type}, or null
   * @param accept the request's {@code Accept}, or null
   */
  PredictService.Answer answer(byte[] body, String contentType, String accept, String requestId);

  /** Warms the code path before a SnapStart snapshot: scores {@code body} (JSON) without side effects. */
  default void prime(byte[] body) {}
}
