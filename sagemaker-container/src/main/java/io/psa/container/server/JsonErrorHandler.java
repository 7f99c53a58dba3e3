package io.psa.container.server;

import io.psa.dsp.ValidationException;
import io.psa.model.scoring.PredictionJson;
import io.psa.model.service.ErrorCode;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives by itself, before any route runs (a request line that is not HTTP, a
 * URI or headers over the limit, an unknown HTTP version, a bad Content-Length or chunk), in the
 * API's error JSON instead of Jetty's HTML page: {@code bad_request} 400, {@code uri_too_long}
 * 414, {@code headers_too_large} 431, {@code http_version_not_supported} 505. Jetty's own reason is
 * kept, clipped, since it says what was wrong without echoing the request.
 */
final class JsonErrorHandler extends ErrorHandler {
  private final Metrics metrics;

  JsonErrorHandler(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  protected void generateResponse(Request request, Response response, int status, String message,
      Throwable cause, Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body(status, message)), callback);
  }

  private byte[] body(int status, String reason) {
    ErrorCode code = ErrorCode.forStatus(status);
    String name = code.apiCode();
    metrics.error(name);
    String why = reason == null || reason.isBlank() ? "" : ": " + ValidationException.echo(reason);
    return PredictionJson.errorBytes(name, describe(code) + why, null);
  }

  private static String describe(ErrorCode code) {
    return switch (code) {
      case URI_TOO_LONG -> "the request line is longer than the server accepts";
      case HEADERS_TOO_LARGE -> "the request headers are larger than the server accepts";
      case HTTP_VERSION_NOT_SUPPORTED -> "only HTTP/1.0 and HTTP/1.1 are served";
      case REQUEST_TIMEOUT -> "the request did not arrive in time";
      case PAYLOAD_TOO_LARGE -> "the request body is larger than the server accepts";
      case BAD_REQUEST -> "the request is not valid HTTP";
      default -> "the request could not be served";
    };
  }
}
