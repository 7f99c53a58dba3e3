package io.psa.container.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A client for the server under test: real HTTP on loopback, every call bounded in time. */
final class Http {
  static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Http(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path, String contentType, String accept,
      HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .method(method, body);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (accept != null) {
      b.header("Accept", accept);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String contentType, String accept, byte[] body)
      throws IOException, InterruptedException {
    return send("POST", path, contentType, accept, HttpRequest.BodyPublishers.ofByteArray(body));
  }

  HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
    return post(path, "application/json", null, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
