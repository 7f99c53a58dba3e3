package io.psa.lambda.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** The one way the loopback stand-ins (Data API, SageMaker, Runtime API) send an answer. */
final class HttpReplies {
  private HttpReplies() {}

  static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(body);
    }
  }
}
