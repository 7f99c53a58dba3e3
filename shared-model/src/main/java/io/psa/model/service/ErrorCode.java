package io.psa.model.service;

/**
 * The errors an edge raises itself (the pipeline's are {@link io.psa.dsp.ValidationException.Code},
 * all 400), each with its HTTP status: the one vocabulary of the server, the Lambda functions and
 * the command line. {@link #apiCode()} is the API's {@code error.code}.
 */
public enum ErrorCode {
  /** The request is not valid HTTP (a bad request line, header or chunk), refused by Jetty. */
  BAD_REQUEST(400),
  /** The body could not be read to its end: the client stopped sending or went away. */
  BODY_INCOMPLETE(400),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  /** The {@code Accept} header names no type the server writes. */
  NOT_ACCEPTABLE(406),
  /** The client took longer than the request timeout to send its headers or its body. */
  REQUEST_TIMEOUT(408),
  PAYLOAD_TOO_LARGE(413),
  /** The request line is longer than Jetty's limit. */
  URI_TOO_LONG(414),
  UNSUPPORTED_MEDIA_TYPE(415),
  /** The headers are larger than Jetty's limit. */
  HEADERS_TOO_LARGE(431),
  /** A server fault; the message never carries internals. */
  INTERNAL(500),
  MODEL_NOT_LOADED(503),
  /** The server is stopping and takes no new requests. */
  SHUTTING_DOWN(503),
  /** Scoring took longer than the request timeout; the client may retry. */
  TIMEOUT(503),
  /** More connections are open than the server serves; this one is closed. */
  TOO_MANY_CONNECTIONS(503),
  /** The memory for request bodies is in use by other requests; the client may retry. */
  SERVER_BUSY(503),
  /** The SageMaker endpoint a function forwards to did not answer, refused, or throttled. */
  ENDPOINT_UNAVAILABLE(503),
  /** Neither HTTP/1.0 nor 1.1. */
  HTTP_VERSION_NOT_SUPPORTED(505);

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

  /** The code for a status Jetty answers by itself, before any route runs. */
  public static ErrorCode forStatus(int status) {
    return switch (status) {
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 408 -> REQUEST_TIMEOUT;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 414 -> URI_TOO_LONG;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 431 -> HEADERS_TOO_LARGE;
      case 505 -> HTTP_VERSION_NOT_SUPPORTED;
      case 503 -> SERVER_BUSY;
      default -> status >= 500 ? INTERNAL : BAD_REQUEST;
    };
  }
}
