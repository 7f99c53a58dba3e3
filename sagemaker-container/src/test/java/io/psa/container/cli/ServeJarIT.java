package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.dsp.testing.BatchText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The container's behaviour without Docker: {@code bin/psa serve --port 0} as a process (the jar
 * the image runs), with no model (so it trains the default one) and, when PostgreSQL is reachable,
 * with {@code PSA_DB_URL}; waits for {@code /ping}, posts a 10 s body to {@code /invocations},
 * stops it with SIGTERM and checks that the answer reached the database during the shutdown.
 */
class ServeJarIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path JAR = ROOT.resolve("sagemaker-container/target/psa.jar");
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
  private static final String DB_URL = System.getenv().getOrDefault(
      "PSA_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  @Test
  void the_jar_serves_the_default_model_and_writes_the_result_before_it_stops() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "skipped: " + JAR + " is not built; ./mvnw -B verify builds it");
    boolean db = reachable();
    assumeTrue(db || !"true".equalsIgnoreCase(System.getenv("PSA_REQUIRE_DB")),
        "PSA_REQUIRE_DB=true but PostgreSQL is not reachable at " + DB_URL);
    String schema = "psa_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Path spill = Files.createTempFile("psa-it-spill", ".jsonl");
    Files.delete(spill);

    // to a file, not a pipe: the JDK closes a pipe when the process exits, losing its last lines
    Path logFile = Files.createTempFile("psa-it-serve", ".log");
    ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("bin/psa").toString(), "serve", "--port", "0")
        .redirectErrorStream(true).redirectOutput(logFile.toFile());
    pb.environment().remove("PSA_DB_URL");
    if (db) {
      pb.environment().put("PSA_DB_URL", DB_URL);
      pb.environment().put("PSA_DB_SCHEMA", schema);
      pb.environment().put("PSA_DB_SPILL", spill.toString());
    }
    Process p = pb.start();
    Log log = new Log(logFile);
    try {
      int port = awaitPort(p, log);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      awaitPing(http, port, log);

      String body = BatchText.predictBody(new SensorSimulator(SimulationSpec.of(10_000)).generate(), "press-it", null);
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/invocations"))
          .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).as("log: %s", log).isEqualTo(200);
      JsonNode answer = new ObjectMapper().readTree(r.body());
      assertThat(answer.at("/model/name").asText()).isEqualTo("default");
      assertThat(answer.at("/model/detector").asText()).isEqualTo("isolation_forest");
      assertThat(answer.at("/details/window_scores").size()).isEqualTo(37);

      p.destroy(); // SIGTERM, as docker stop and SageMaker send
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s; log: %s", log).isTrue();
      if (db) {
        assertThat(rowsFor(schema, answer.get("request_id").asText())).isEqualTo(1);
      }
      assertThat(log.lines()).as("exit status %d", p.exitValue())
          .anyMatch(l -> l.contains("INFO io.psa.container.cli.ServeCommand - stopped"));
    } finally {
      p.destroyForcibly();
      Files.deleteIfExists(logFile);
      if (db) {
        try (Connection c = DriverManager.getConnection(DB_URL)) {
          c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
      }
    }
  }

  /** The server's output so far, read from its file. */
  private record Log(Path file) {
    List<String> lines() {
      try {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      return String.join("\n", lines());
    }
  }

  private static int awaitPort(Process p, Log log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (String line : log.lines()) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      assertThat(p.isAlive()).as("psa serve exited early; log: %s", log).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("psa serve did not report its port within 60 s; log: " + log);
  }

  private static void awaitPing(HttpClient http, int port, Log log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    HttpRequest ping = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping"))
        .timeout(Duration.ofSeconds(5)).build();
    while (System.nanoTime() < deadline) {
      if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("/ping not 200 within 90 s; log: " + log);
  }

  private static boolean reachable() {
    try (Connection c = DriverManager.getConnection(DB_URL)) {
      return c.isValid(2);
    } catch (Exception e) {
      return false;
    }
  }

  private static long rowsFor(String schema, String requestId) throws Exception {
    try (Connection c = DriverManager.getConnection(DB_URL);
        var ps = c.prepareStatement("SELECT count(*) FROM " + schema + ".inference_results WHERE request_id = ?")) {
      ps.setString(1, requestId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
