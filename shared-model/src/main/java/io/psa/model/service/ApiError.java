package io.psa.model.service;

import io.psa.dsp.ValidationException;
import io.psa.model.scoring.PredictionJson;

/**
 * An error as every edge answers it: the HTTP status and the docs/api.md body
 * <code>{"error": {"code", "message", "field"}}</code>. {@link #of} is the one mapping of
 * exceptions: a {@link ValidationException} is a 400 naming the field, an {@link ApiException}
 * its code's status, anything else a 500 that says only "internal error" and the request id (the
 * edge logs the exception under that id).
 *
 * @param status the HTTP status
 * @param code the API's {@code error.code}, lower snake case
 * @param message a sentence for the client
 * @param field the offending field, e.g. {@code sensor_batch[12].pressure}, or null
 */
public record ApiError(int status, String code, String message, String field) {

  /** The answer for {@code e}; {@code requestId} is named in the message of an unexpected error. */
  public static ApiError of(Throwable e, String requestId) {
    return switch (e) {
      case ValidationException v ->
          new ApiError(400, v.code().apiCode(), v.getMessage(), v.field());
      case ApiException a -> of(a.code(), a.getMessage());
      default -> of(ErrorCode.INTERNAL, "internal error; request id " + requestId);
    };
  }

  /** An error of the edge's own vocabulary, with no field. */
  public static ApiError of(ErrorCode code, String message) {
    return new ApiError(code.status(), code.apiCode(), message, null);
  }

  /** Whether this is a fault of ours (5xx other than a refusal for load or state). */
  public boolean internal() {
    return status == ErrorCode.INTERNAL.status();
  }

  /** The JSON body, UTF-8. */
  public byte[] json() {
    return PredictionJson.errorBytes(code, message, field);
  }
}
