package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.dsp.testing.BatchText;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/psa} run as a process, as a user runs it: {@link #serve} starts a server on a free
 * port and waits for {@code /ping}; {@link #run} runs a command to its end. Every process gets
 * its own {@code PSA_HOME} unless the test gives one, so no test touches {@code ~/.psa}.
 */
final class ServerProcess implements AutoCloseable {
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  static final Path JAR = ROOT.resolve("sagemaker-container/target/psa.jar");
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final Path log;
  final int port;

  /** The output of a finished command. */
  record Run(int status, String out, String err) {}

  private ServerProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts {@code psa serve --port 0 ARGS} with {@code env} added, waits for {@code /ping}. */
  static ServerProcess serve(Path work, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/psa").toString(), "serve", "--port", "0"));
    command.addAll(List.of(args));
    // to a file, not a pipe: the JDK closes a pipe when the process exits, losing its last lines
    Path log = Files.createTempFile(work, "serve", ".log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    environment(pb, work, env);
    Process p = pb.start();
    try {
      ServerProcess server = new ServerProcess(p, log, awaitPort(p, log));
      server.awaitPing();
      return server;
    } catch (Throwable t) {
      p.destroyForcibly();
      throw t;
    }
  }

  /** Runs {@code psa ARGS} to its end (at most 60 s). */
  static Run run(Path work, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/psa").toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    environment(pb, work, env);
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("psa %s ended within 60 s", args[0]).isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static void environment(ProcessBuilder pb, Path work, Map<String, String> env) {
    pb.environment().remove("PSA_DB_URL");
    pb.environment().remove("PSA_DB");
    pb.environment().put("PSA_HOME", work.resolve("psa-home").toString());
    pb.environment().putAll(env);
  }

  /** Posts a seeded 10 s body for {@code asset} to {@code /invocations}; the JSON answer. */
  JsonNode predict(String asset) throws Exception {
    String body = BatchText.predictBody(new SensorSimulator(SimulationSpec.of(10_000)).generate(), asset, null);
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/invocations"))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("log: %s", log()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }

  /** SIGTERM, as docker stop and SageMaker send; waits for the graceful stop. */
  void stop() throws Exception {
    process.destroy();
    assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("stopped within 40 s; log: %s", log()).isTrue();
  }

  List<String> logLines() {
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String log() {
    return String.join("\n", logLines());
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static int awaitPort(Process p, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      assertThat(p.isAlive()).as("psa serve exited early; log: %s", Files.readString(log)).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("psa serve did not report its port within 60 s; log: " + Files.readString(log));
  }

  private void awaitPing() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    HttpRequest ping = HttpRequest.newBuilder(uri("/ping")).timeout(Duration.ofSeconds(5)).build();
    while (System.nanoTime() < deadline) {
      if (HTTP.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("/ping not 200 within 90 s; log: " + log());
  }
}
