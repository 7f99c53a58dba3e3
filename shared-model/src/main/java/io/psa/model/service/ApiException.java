package io.psa.model.service;

/**
 * A request an edge refuses for a reason of its own (size, type, state, time), answered with
 * {@link ErrorCode#status()} and the docs/api.md error JSON of {@link ApiError}.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  /**
   * @param message a sentence for the client: what was wrong and what is accepted
   */
  public ApiException(ErrorCode code, String message) {
    super(message, null, false, false); // a client error needs no stack trace
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
