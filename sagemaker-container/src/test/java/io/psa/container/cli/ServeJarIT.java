package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.psa.container.persistence.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container's behaviour without Docker: {@code bin/psa serve --port 0} as a process (the jar
 * the image runs), with no model (so it trains the default one); posts a 10 s body to {@code
 * /invocations}, stops it with SIGTERM and checks that the answer was stored: in the tests'
 * PostgreSQL through {@code PSA_DB_URL}, and with no configuration at all in the embedded one,
 * where {@code psa results} finds it, across a restart.
 */
class ServeJarIT {
  @TempDir Path work;

  @BeforeEach
  void needTheJar() {
    assumeTrue(Files.isRegularFile(ServerProcess.JAR),
        "skipped: " + ServerProcess.JAR + " is not built; ./mvnw -B verify builds it");
  }

  @Test
  void the_jar_serves_the_default_model_and_writes_the_result_to_psa_db_url_before_it_stops()
      throws Exception {
    TestDatabase db = TestDatabase.require();
    Map<String, String> env = Map.of("PSA_DB_URL", TestDatabase.url(), "PSA_DB_SCHEMA", db.schema);
    try (ServerProcess server = ServerProcess.serve(work, env)) {
      JsonNode answer = server.predict("press-it");
      assertThat(answer.at("/model/name").asText()).isEqualTo("default");
      assertThat(answer.at("/model/detector").asText()).isEqualTo("pca");
      assertThat(answer.at("/details/window_scores").size()).isEqualTo(37);

      server.stop();
      assertThat(rowsFor(db.schema, answer.get("request_id").asText())).isEqualTo(1);
      assertThat(server.logLines()).anyMatch(l -> l.contains("INFO io.psa.container.cli.ServeCommand - stopped"));
      assertThat(server.logLines()).noneMatch(l -> l.contains("embedded PostgreSQL"));
    } finally {
      db.dropSchema();
    }
  }

  @Test
  void with_no_configuration_results_go_to_the_embedded_database_and_survive_a_restart()
      throws Exception {
    String first;
    try (ServerProcess server = ServerProcess.serve(work, Map.of())) {
      first = server.predict("press-first").get("request_id").asText();
      server.stop();
      assertThat(server.logLines()).anyMatch(l -> l.contains("creating the embedded PostgreSQL 17 in "
          + work.resolve("psa-home/postgres")));
    }
    // no server runs: psa results starts the database for the query
    ServerProcess.Run stopped = ServerProcess.run(work, Map.of(), "results", "--json");
    assertThat(stopped.status()).as(stopped.err()).isZero();
    assertThat(stopped.out().lines()).hasSize(1).first().asString()
        .contains("\"request_id\":\"" + first + "\"", "\"asset_id\":\"press-first\"");

    try (ServerProcess server = ServerProcess.serve(work, Map.of())) {
      String second = server.predict("press-second").get("request_id").asText();
      assertThat(server.logLines()).anyMatch(l -> l.contains("starting the embedded PostgreSQL"));
      Thread.sleep(1000); // the writer's batch interval
      // the server runs: psa results reads its database
      ServerProcess.Run running = ServerProcess.run(work, Map.of(), "results");
      assertThat(running.status()).as(running.err()).isZero();
      assertThat(running.out()).startsWith("2 results (")
          .contains("in the embedded PostgreSQL in " + work.resolve("psa-home/postgres"), first, second);
      ServerProcess.Run onlySecond = ServerProcess.run(work, Map.of(), "results", "--asset", "press-second");
      assertThat(onlySecond.out()).contains(second).doesNotContain(first);
      server.stop();
    }
  }

  private static long rowsFor(String schema, String requestId) throws Exception {
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        var ps = c.prepareStatement("SELECT count(*) FROM " + schema + ".inference_results WHERE request_id = ?")) {
      ps.setString(1, requestId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
