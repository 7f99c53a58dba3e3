package io.psa.lambda.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What SageMaker's runtime does in front of a container, on loopback: {@code POST
 * /endpoints/<name>/invocations} is passed to the container's {@code /invocations} (a real {@code
 * psa serve}); a container error becomes HTTP 424 {@code ModelError} carrying the original status
 * and body; an unknown endpoint is a {@code ValidationError}. Faults on demand: the next n calls
 * throttled, or every answer delayed.
 */
public final class SageMakerFront implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final URI container;
  private final String endpoint;
  private final HttpClient http = HttpClient.newHttpClient();
  /** Calls that reach this front, throttled or not. */
  public final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger throttle = new AtomicInteger();
  private volatile long delayMillis;

  public SageMakerFront(String endpoint, URI container) throws IOException {
    this.endpoint = endpoint;
    this.container = container;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The next {@code n} calls answer {@code ThrottlingException}. */
  public void throttleNext(int n) {
    throttle.set(n);
  }

  public void delay(long millis) {
    delayMillis = millis;
  }

  private void handle(HttpExchange ex) throws IOException {
    calls.incrementAndGet();
    byte[] body = ex.getRequestBody().readAllBytes();
    String path = ex.getRequestURI().getPath();
    // decided on arrival: a delayed call that its client gave up on must not use later throttles
    boolean throttled = throttle.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    try {
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      if (!path.equals("/endpoints/" + endpoint + "/invocations")) {
        error(ex, 400, "ValidationError", Map.of("message", "Endpoint "
            + path.replaceAll("^/endpoints/([^/]*)/.*", "$1") + " of account 123456789012 not found."));
        return;
      }
      if (throttled) {
        error(ex, 400, "ThrottlingException", Map.of("message", "Rate exceeded"));
        return;
      }
      HttpRequest.Builder r = HttpRequest.newBuilder(container.resolve("/invocations"))
          .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
      for (String h : new String[] {"Content-Type", "Accept"}) {
        String v = ex.getRequestHeaders().getFirst(h);
        if (v != null) {
          r.header(h, v);
        }
      }
      HttpResponse<byte[]> answer = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (answer.statusCode() == 200) {
        ex.getResponseHeaders().set("Content-Type",
            answer.headers().firstValue("Content-Type").orElse("application/json"));
        ex.getResponseHeaders().set("x-Amzn-Invoked-Production-Variant", "AllTraffic");
        send(ex, 200, answer.body());
        return;
      }
      String original = new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8);
      error(ex, 424, "ModelError", Map.of(
          "Message", "Received client error (" + answer.statusCode() + ") from primary with message \""
              + original + "\". See logs.",
          "OriginalStatusCode", answer.statusCode(),
          "OriginalMessage", original,
          "LogStreamArn", "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/sagemaker/Endpoints/" + endpoint));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      error(ex, 500, "InternalFailure", Map.of("message", "container unreachable: " + e.getMessage()));
    }
  }

  private static void error(HttpExchange ex, int status, String type, Map<String, ?> body) throws IOException {
    ex.getResponseHeaders().set("x-amzn-ErrorType", type);
    ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    send(ex, status, JSON.writeValueAsBytes(body));
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    HttpReplies.send(ex, status, body);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
