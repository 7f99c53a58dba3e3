package io.psa.model.service;

import io.psa.dsp.ValidationException;
import io.psa.dsp.input.PredictRequest;
import io.psa.model.BatchScorer;
import io.psa.model.Prediction;

/**
 * Request bytes and their media type in, a {@link Prediction} or an {@link ApiError} out: parse,
 * check the request's configuration against the model's, score. The server's {@code /predict} and
 * {@code /invocations}, {@code psa score} and the Lambda functions all go through here, so the
 * contract of docs/api.md is written once. Thread-safe.
 *
 * <pre>{@code
 * PredictService service = new PredictService(() -> scorer, PredictService.DEFAULT_MAX_BODY_BYTES);
 * PredictService.Answer a = service.answer(body, "application/json", null, requestId);
 * }</pre>
 */
public final class PredictService {

  /** The default body limit: 6 MiB, the Lambda payload limit. */
  public static final long DEFAULT_MAX_BODY_BYTES = 6L * 1024 * 1024;

  /** Where the model comes from; may refuse with {@link ErrorCode#MODEL_NOT_LOADED}. */
  @FunctionalInterface
  public interface ModelSource {
    /**
     * @throws ApiException {@code MODEL_NOT_LOADED} while no model is available
     */
    BatchScorer require();
  }

  /**
   * A whole exchange's outcome: a 200 with the prediction, or an error.
   *
   * @param status the HTTP status
   * @param contentType the body's media type
   * @param body the answer, UTF-8
   * @param prediction the prediction, or null on error
   * @param error the error, or null on success
   */
  public record Answer(int status, String contentType, byte[] body, Prediction prediction,
      ApiError error) {

    /** The answer for an error. */
    public static Answer of(ApiError e) {
      return new Answer(e.status(), MediaTypes.JSON.mime(), e.json(), null, e);
    }
  }

  private final ModelSource models;
  private final long maxBodyBytes;

  /**
   * @param maxBodyBytes the largest body accepted, bytes [{@value #DEFAULT_MAX_BODY_BYTES}]
   */
  public PredictService(ModelSource models, long maxBodyBytes) {
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be > 0, got " + maxBodyBytes);
    }
    this.models = models;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The model, or {@link ErrorCode#MODEL_NOT_LOADED}. */
  public BatchScorer model() {
    return models.require();
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * @throws ApiException {@code PAYLOAD_TOO_LARGE} when {@code bytes} passes the limit
   */
  public void checkBodySize(long bytes) {
    checkBodySize(bytes, maxBodyBytes);
  }

  /**
   * @throws ApiException {@code PAYLOAD_TOO_LARGE} when {@code bytes} passes {@code maxBodyBytes}
   */
  public static void checkBodySize(long bytes, long maxBodyBytes) {
    if (bytes > maxBodyBytes) {
      throw tooLarge(maxBodyBytes, bytes + " bytes sent");
    }
  }

  /** The {@code PAYLOAD_TOO_LARGE} refusal, saying what arrived ({@code what}) and the limit. */
  public static ApiException tooLarge(long maxBodyBytes, String what) {
    return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than the limit of "
        + maxBodyBytes + " bytes (" + what + "); send a shorter batch");
  }

  /**
   * Parses {@code body} as {@code format}, checks its {@code config} against the model's, scores.
   *
   * @param requestId the prediction's id; null lets the scorer make one
   * @throws ValidationException anything wrong with the input, naming the field
   */
  public static Prediction score(BatchScorer scorer, byte[] body, MediaTypes format,
      String requestId) {
    PredictRequest request =
        RequestParser.parse(body, format, scorer.channels(), scorer.config().maxRecords());
    scorer.checkRequestConfig(request.config());
    return scorer.score(request.batch(), request.assetId(), requestId);
  }

  /**
   * The whole exchange for an edge that holds the body in memory: types, size, model, scoring and
   * the answer in the {@code Accept} type. Never throws for anything the client sent; an
   * unexpected failure becomes a 500 whose message names only {@code requestId}.
   *
   * @param contentType the request's {@code Content-Type}, or null
   * @param accept the request's {@code Accept}, or null (JSON)
   */
  public Answer answer(byte[] body, String contentType, String accept, String requestId) {
    try {
      MediaTypes in = MediaTypes.ofContentType(contentType);
      MediaTypes out = MediaTypes.ofAccept(accept);
      checkBodySize(body.length);
      Prediction p = score(model(), body, in, requestId);
      return new Answer(200, out.mime(), WindowRows.write(p, out), p, null);
    } catch (RuntimeException e) {
      return Answer.of(ApiError.of(e, requestId));
    }
  }
}
