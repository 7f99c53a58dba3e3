package io.psa.lambda.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (2018-06-01) on loopback, as the Lambda service offers it to a function's
 * runtime: {@code GET invocation/next} waits for an event, {@code POST invocation/<id>/response}
 * and {@code .../error} and {@code init/error} are recorded. Feed events with {@link #invoke},
 * then read what the runtime answered.
 */
public final class RuntimeApi implements AutoCloseable {
  /** What the runtime posted for one invocation (or for init). */
  public record Outcome(String kind, String body, long atNanos) {}

  private final HttpServer server;
  private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
  private final Map<String, BlockingQueue<Outcome>> outcomes = new ConcurrentHashMap<>();
  /** Init errors, as posted. */
  public final BlockingQueue<Outcome> initErrors = new LinkedBlockingQueue<>();

  public RuntimeApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "runtime-api");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/2018-06-01/runtime/", this::handle);
    server.start();
  }

  /** The {@code AWS_LAMBDA_RUNTIME_API} value: host:port. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues an event; returns its request id. */
  public String invoke(String event) {
    String id = UUID.randomUUID().toString();
    outcomes.put(id, new LinkedBlockingQueue<>());
    events.add(new String[] {id, event});
    return id;
  }

  /**
   * What the runtime answered for {@code id}, waiting up to {@code seconds}; null if nothing came
   * or the function's process ended first.
   */
  public Outcome await(String id, long seconds, Process function) throws InterruptedException {
    return poll(outcomes.get(id), seconds, function);
  }

  /** The first init error, as {@link #await}. */
  public Outcome awaitInitError(long seconds, Process function) throws InterruptedException {
    return poll(initErrors, seconds, function);
  }

  private static Outcome poll(BlockingQueue<Outcome> q, long seconds, Process function)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      Outcome o = q.poll(200, TimeUnit.MILLISECONDS);
      if (o != null) {
        return o;
      }
      if (!function.isAlive()) {
        return q.poll();
      }
    }
    return null;
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath().substring("/2018-06-01/runtime/".length());
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    long now = System.nanoTime();
    try {
      if (path.equals("invocation/next") && ex.getRequestMethod().equals("GET")) {
        String[] next = events.take();
        var h = ex.getResponseHeaders();
        h.set("Lambda-Runtime-Aws-Request-Id", next[0]);
        h.set("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + 60_000));
        h.set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:eu-west-1:123456789012:function:psa-predict");
        h.set("Lambda-Runtime-Trace-Id", "Root=1-692b1f48-0b6e4a6c5d2e1f3a4b5c6d7e;Sampled=0");
        h.set("Content-Type", "application/json");
        send(ex, 200, next[1]);
      } else if (path.equals("init/error")) {
        initErrors.add(new Outcome("init-error", body, now));
        send(ex, 202, "{\"status\":\"OK\"}");
      } else if (path.startsWith("invocation/")) {
        String[] parts = path.split("/");
        BlockingQueue<Outcome> q = outcomes.get(parts[1]);
        if (q == null) {
          send(ex, 400, "{\"errorMessage\":\"unknown request id\"}");
          return;
        }
        q.add(new Outcome(parts[2], body, now));
        send(ex, 202, "{\"status\":\"OK\"}");
      } else {
        send(ex, 404, "{}");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    HttpReplies.send(ex, status, b);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
