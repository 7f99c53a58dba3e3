package io.psa.lambda.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.lambda.local.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Calls stream handlers as the runtime does and reads their API Gateway responses. */
public final class Lambdas {
  public static final ObjectMapper JSON = new ObjectMapper();

  private Lambdas() {}

  /** The repository's {@code events/} folder. */
  public static Path events() {
    return Path.of(System.getProperty("psa.eventsDir", "../events"));
  }

  public static Path event(String name) {
    return events().resolve(name);
  }

  /** The handler's raw output for an event's bytes. */
  public static JsonNode invoke(RequestStreamHandler h, byte[] event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      h.handleRequest(new ByteArrayInputStream(event), out, new LocalContext("test"));
      return JSON.readTree(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode invoke(RequestStreamHandler h, Path event) {
    try {
      return invoke(h, Files.readAllBytes(event));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An API Gateway response's body, parsed. */
  public static JsonNode body(JsonNode response) {
    try {
      return JSON.readTree(response.path("body").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTP API (payload 2.0) event around a body. */
  public static byte[] httpApiEvent(String method, String contentType, String body, boolean base64) {
    return httpApiEvent(method, contentType, null, body, base64);
  }

  /** The same with an {@code Accept} header. */
  public static byte[] httpApiEvent(String method, String contentType, String accept, String body,
      boolean base64) {
    var e = JSON.createObjectNode();
    e.put("version", "2.0").put("routeKey", method + " /predict").put("rawPath", "/predict");
    var headers = e.putObject("headers");
    if (contentType != null) {
      headers.put("content-type", contentType);
    }
    if (accept != null) {
      headers.put("accept", accept);
    }
    e.putObject("requestContext").putObject("http").put("method", method).put("path", "/predict");
    e.put("body", body).put("isBase64Encoded", base64);
    try {
      return JSON.writeValueAsBytes(e);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
