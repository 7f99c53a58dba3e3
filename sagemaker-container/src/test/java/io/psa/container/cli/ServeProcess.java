package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/psa serve --port 0} as a separate process (the packaged jar, as the container runs
 * it), for the {@code *IT} tests: its output goes to a file (the JDK closes a pipe when the process
 * exits, losing its last lines), its port is read from the log, and {@link #awaitPing} waits for
 * the model.
 */
final class ServeProcess implements AutoCloseable {
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  static final Path JAR = ROOT.resolve("sagemaker-container/target/psa.jar");
  static final String DB_URL = System.getenv().getOrDefault(
      "PSA_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

  final Process process;
  final Path logFile;
  final int port;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServeProcess(Process process, Path logFile, int port) {
    this.process = process;
    this.logFile = logFile;
    this.port = port;
  }

  /**
   * Starts {@code bin/psa serve --port 0 [args]} with {@code env} added to this environment (with
   * {@code PSA_DB_URL} removed unless given) and waits until it listens.
   */
  static ServeProcess start(Map<String, String> env, String... args) throws Exception {
    Path logFile = Files.createTempFile("psa-it-serve", ".log");
    List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("bin/psa").toString(),
        "serve", "--port", "0"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(logFile.toFile());
    pb.environment().remove("PSA_DB_URL");
    pb.environment().putAll(env);
    Process p = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (String line : lines(logFile)) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          return new ServeProcess(p, logFile, Integer.parseInt(m.group(1)));
        }
      }
      assertThat(p.isAlive()).as("psa serve exited early; log: %s", String.join("\n", lines(logFile)))
          .isTrue();
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new AssertionError("psa serve did not report its port within 60 s; log: " + lines(logFile));
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Waits until {@code /ping} answers 200 (the default model trains in a few seconds). */
  void awaitPing() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    HttpRequest ping = HttpRequest.newBuilder(uri("/ping")).timeout(Duration.ofSeconds(5)).build();
    while (System.nanoTime() < deadline) {
      if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("/ping not 200 within 90 s; log: " + this);
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postJson(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  List<String> log() {
    return lines(logFile);
  }

  @Override
  public String toString() {
    return String.join("\n", log());
  }

  /** Kills the process if it is still running and deletes its log. */
  @Override
  public void close() throws IOException {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Files.deleteIfExists(logFile);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
