package io.psa.lambda.scoring;

import io.psa.lambda.runtime.JsonLog;
import io.psa.model.service.ApiError;
import io.psa.model.service.ErrorCode;
import io.psa.model.service.MediaTypes;
import io.psa.model.service.PredictService;
import io.psa.model.results.InferenceResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.SageMakerRuntimeException;

/**
 * Forwards the body to a SageMaker endpoint ({@code InvokeEndpoint}) and passes its answer through:
 * the container's own 200 or 4xx body as it sent it. The client's time budget and retries (with
 * backoff, on throttling and 5xx) are the SDK client's; an endpoint that cannot answer, refuses,
 * keeps throttling or runs out of time is a 503 {@code endpoint_unavailable} naming the endpoint and
 * why. Types and size are checked here first, so the endpoint never sees what it would refuse.
 */
public final class EndpointScoring implements Scoring {
  private final SageMakerRuntimeClient client;
  private final String endpoint;
  private final long maxBodyBytes;
  private final Duration timeout;

  public EndpointScoring(SageMakerRuntimeClient client, String endpoint, long maxBodyBytes,
      Duration timeout) {
    this.client = client;
    this.endpoint = endpoint;
    this.maxBodyBytes = maxBodyBytes;
    this.timeout = timeout;
  }

  @Override
  public PredictService.Answer answer(byte[] body, String contentType, String accept,
      String requestId) {
    try {
      MediaTypes in = MediaTypes.ofContentType(contentType);
      MediaTypes out = MediaTypes.ofAccept(accept);
      PredictService.checkBodySize(body.length, maxBodyBytes);
      InvokeEndpointResponse r = client.invokeEndpoint(b -> b.endpointName(endpoint)
          .contentType(in.mime()).accept(out.mime()).body(SdkBytes.fromByteArray(body)));
      String type = r.contentType() == null ? out.mime() : r.contentType();
      return new PredictService.Answer(200, type, r.body().asByteArray(), null, null);
    } catch (ModelErrorException e) {
      return fromContainer(e, requestId);
    } catch (ApiCallTimeoutException e) {
      return unavailable(requestId, "did not answer within " + timeout.toMillis() + " ms", e);
    } catch (SageMakerRuntimeException e) {
      String why = e.statusCode() == 429 || "ThrottlingException".equals(code(e))
          ? "is throttling requests" : "refused the call (" + code(e) + ": " + message(e) + ")";
      return unavailable(requestId, why, e);
    } catch (SdkClientException e) {
      return unavailable(requestId, "could not be reached (" + e.getMessage() + ")", e);
    } catch (RuntimeException e) {
      ApiError error = ApiError.of(e, requestId);
      if (error.internal()) {
        JsonLog.error(requestId, "forwarding to the SageMaker endpoint failed", e);
      }
      return PredictService.Answer.of(error);
    }
  }

  /**
   * The row of the endpoint's JSON answer (the container behind an endpoint has no database: the
   * function records what it passes on); null for an error or a CSV / JSON Lines answer.
   */
  @Override
  public InferenceResult row(PredictService.Answer answer, byte[] body, String contentType,
      Instant received, double latencyMs) {
    if (answer.status() != 200 || !answer.contentType().startsWith(MediaTypes.JSON.mime())) {
      return null;
    }
    try {
      return EndpointRecords.of(body, MediaTypes.ofContentType(contentType), answer.body(),
          received, latencyMs);
    } catch (IOException | RuntimeException e) {
      JsonLog.warn(null, "the endpoint's answer cannot be recorded", "errorType",
          e.getClass().getSimpleName(), "error", e.getMessage());
      return null;
    }
  }

  /** The container answered with an error status: pass its status and body through. */
  private PredictService.Answer fromContainer(ModelErrorException e, String requestId) {
    Integer status = e.originalStatusCode();
    String body = e.originalMessage();
    if (status == null || status >= 500 || body == null || body.isBlank()) {
      return unavailable(requestId, "answered " + status + " (" + message(e) + ")", e);
    }
    return new PredictService.Answer(status, MediaTypes.JSON.mime(),
        body.getBytes(StandardCharsets.UTF_8), null, null);
  }

  private PredictService.Answer unavailable(String requestId, String why, Exception e) {
    JsonLog.warn(requestId, "SageMaker endpoint unavailable", "endpoint", endpoint,
        "reason", why, "errorType", e.getClass().getSimpleName());
    return PredictService.Answer.of(ApiError.of(ErrorCode.ENDPOINT_UNAVAILABLE,
        "the SageMaker endpoint " + endpoint + " " + why + "; retry shortly"));
  }

  private static String code(SageMakerRuntimeException e) {
    return e.awsErrorDetails() == null ? String.valueOf(e.statusCode()) : e.awsErrorDetails().errorCode();
  }

  private static String message(SageMakerRuntimeException e) {
    return e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
  }
}
