package io.psa.model.service;

/**
 * The errors an edge raises itself (the pipeline's are {@link io.psa.dsp.ValidationException.Code},
 * all 400), each with its HTTP status: the one vocabulary of the server, the Lambda functions and
 * the command line. {@link #apiCode()} is the API's {@code error.code}.
 */
public enum ErrorCode {
  /** The body could not be read to its end: the client stopped sending or went away. */
  BODY_INCOMPLETE(400),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  /** The {@code Accept} header names no type the server writes. */
  NOT_ACCEPTABLE(406),
  /** The client took longer than the request timeout to send the body. */
  REQUEST_TIMEOUT(408),
  PAYLOAD_TOO_LARGE(413),
  UNSUPPORTED_MEDIA_TYPE(415),
  /** A server fault; the message never carries internals. */
  INTERNAL(500),
  MODEL_NOT_LOADED(503),
  /** The server is stopping and takes no new requests. */
  SHUTTING_DOWN(503),
  /** Scoring took longer than the request timeout; the client may retry. */
  TIMEOUT(503),
  /** The SageMaker endpoint a function forwards to did not answer, refused, or throttled. */
  ENDPOINT_UNAVAILABLE(503);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** The {@code error.code} of the API: the name in lower snake case, e.g. {@code payload_too_large}. */
  public String apiCode() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
