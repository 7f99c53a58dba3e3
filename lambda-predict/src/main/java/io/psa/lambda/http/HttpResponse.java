package io.psa.lambda.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the response API Gateway expects from a Lambda proxy integration (the same keys for
 * payload format 2.0 and REST): {@code statusCode}, {@code headers} ({@code Content-Type}, {@code
 * X-Request-Id}, and {@code Retry-After} on a 503), the body as text, {@code isBase64Encoded}
 * false.
 */
public final class HttpResponse {
  private static final JsonFactory JSON = new JsonFactory();

  private HttpResponse() {}

  public static void write(OutputStream out, int status, String contentType, byte[] body,
      String requestId) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.writeStartObject();
      g.writeNumberField("statusCode", status);
      g.writeObjectFieldStart("headers");
      g.writeStringField("Content-Type", contentType);
      g.writeStringField("X-Request-Id", requestId);
      if (status == 503) {
        g.writeStringField("Retry-After", "1");
      }
      g.writeEndObject();
      g.writeStringField("body", new String(body, StandardCharsets.UTF_8));
      g.writeBooleanField("isBase64Encoded", false);
      g.writeEndObject();
    }
  }
}
