package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.dsp.testing.BatchText;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The container's behaviour without Docker: {@code bin/psa serve --port 0} as a process (the jar
 * the image runs), with no model (so it trains the default one) and, when PostgreSQL is reachable,
 * with {@code PSA_DB_URL}; waits for {@code /ping}, posts a 10 s body to {@code /invocations},
 * stops it with SIGTERM and checks that the answer reached the database during the shutdown.
 */
class ServeJarIT {

  @Test
  void the_jar_serves_the_default_model_and_writes_the_result_before_it_stops() throws Exception {
    assumeTrue(Files.isRegularFile(ServeProcess.JAR),
        "skipped: " + ServeProcess.JAR + " is not built; ./mvnw -B verify builds it");
    boolean db = reachable();
    assumeTrue(db || !"true".equalsIgnoreCase(System.getenv("PSA_REQUIRE_DB")),
        "PSA_REQUIRE_DB=true but PostgreSQL is not reachable at " + ServeProcess.DB_URL);
    String schema = "psa_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Path dir = Files.createTempDirectory("psa-it-serve");
    Path spill = dir.resolve("spill.jsonl");
    Map<String, String> env = new HashMap<>();
    if (db) {
      env.put("PSA_DB_URL", ServeProcess.DB_URL);
      env.put("PSA_DB_SCHEMA", schema);
      env.put("PSA_DB_SPILL", spill.toString());
    }
    try (ServeProcess serve = ServeProcess.start(env)) {
      serve.awaitPing();

      String body = BatchText.predictBody(new SensorSimulator(SimulationSpec.of(10_000)).generate(), "press-it", null);
      HttpResponse<String> r = serve.postJson("/invocations", body);

      assertThat(r.statusCode()).as("log: %s", serve).isEqualTo(200);
      JsonNode answer = new ObjectMapper().readTree(r.body());
      assertThat(answer.at("/model/name").asText()).isEqualTo("default");
      assertThat(answer.at("/model/detector").asText()).isEqualTo("isolation_forest");
      assertThat(answer.at("/details/window_scores").size()).isEqualTo(37);

      serve.process.destroy(); // SIGTERM, as docker stop and SageMaker send
      assertThat(serve.process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s; log: %s", serve).isTrue();
      if (db) {
        assertThat(rowsFor(schema, answer.get("request_id").asText())).isEqualTo(1);
      }
      assertThat(serve.log()).as("exit status %d", serve.process.exitValue())
          .anyMatch(l -> l.contains("INFO io.psa.container.cli.ServeCommand - stopped"));
    } finally {
      ServeFaultsIT.deleteTree(dir);
      if (db) {
        try (Connection c = DriverManager.getConnection(ServeProcess.DB_URL)) {
          c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
      }
    }
  }

  static boolean reachable() {
    try (Connection c = DriverManager.getConnection(ServeProcess.DB_URL)) {
      return c.isValid(2);
    } catch (Exception e) {
      return false;
    }
  }

  private static long rowsFor(String schema, String requestId) throws Exception {
    try (Connection c = DriverManager.getConnection(ServeProcess.DB_URL);
        var ps = c.prepareStatement("SELECT count(*) FROM " + schema + ".inference_results WHERE request_id = ?")) {
      ps.setString(1, requestId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
