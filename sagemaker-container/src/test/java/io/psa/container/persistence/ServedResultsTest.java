package io.psa.container.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.container.server.ModelHolder;
import io.psa.container.server.PsaServer;
import io.psa.container.server.ServerSettings;
import io.psa.container.server.TestModels;
import io.psa.dsp.testing.BatchText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server with the real PostgreSQL behind a loopback proxy: what {@code /health} says about
 * results, from the start and through an outage, and what it never says.
 */
class ServedResultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  @RegisterExtension final TestDatabase db = TestDatabase.perTest();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpResponse<String> post(int port, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/predict"))
        .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode health(int port) throws Exception {
    return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
        .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  @Test
  void health_is_ok_from_the_start_and_through_an_outage_shows_classes_and_counts_never_statements_or_data()
      throws Exception {
    String secret = "press-confidential-42";
    try (LoopbackProxy proxy = new LoopbackProxy(TestDatabase.port());
        BufferedResultStore store = BufferedResultStore.forPostgres(DatabaseSettings.of(
            TestDatabase.urlThrough(proxy.port())).withSchema(db.schema)
            .withSpillFile(dir.resolve("spill.jsonl")).withMaxBackoff(Duration.ofMillis(300)));
        PsaServer server = PsaServer.start(ServerSettings.defaults().withAddress("127.0.0.1", 0),
            ModelHolder.of(TestModels.scorer()), store)) {
      int port = server.port();
      JsonNode atStart = health(port);
      assertThat(atStart.get("status").asText()).isEqualTo("ok");
      assertThat(atStart.at("/database/up").asBoolean()).isTrue();

      String body = BatchText.predictBody(TestModels.tenSeconds(), secret, null);
      assertThat(post(port, body).statusCode()).isEqualTo(200);
      proxy.cut();
      assertThat(post(port, body.replace("\"ts_ms\":0", "\"ts_ms\":1")).statusCode()).isEqualTo(200);
      Poll.until(() -> !health(port).at("/database/up").asBoolean(), Duration.ofSeconds(10));
      JsonNode down = health(port);
      String text = down.toString();

      assertThat(down.get("status").asText()).isEqualTo("degraded");
      assertThat(down.at("/database/last_error/class").asText()).startsWith("unreachable");
      assertThat(down.at("/database/journal/pending").asLong()).isGreaterThanOrEqualTo(1);
      assertThat(text).doesNotContain(secret, "INSERT", "inference_results", "127.0.0.1",
          String.valueOf(proxy.port()), "jdbc", "Exception");

      proxy.restore();
      Poll.until(() -> db.count("") >= 2, Duration.ofSeconds(20));
      assertThat(db.count("WHERE asset_id = '" + secret + "'")).isEqualTo(2);
      Poll.until(() -> health(port).get("status").asText().equals("ok"), Duration.ofSeconds(20));
      JsonNode after = health(port);
      assertThat(after.get("status").asText()).isEqualTo("ok");
      assertThat(after.at("/database/errors").fieldNames()).toIterable()
          .allMatch(k -> k.startsWith("unreachable"));
    }
  }

  @Test
  void a_nul_in_asset_id_is_a_400_at_the_door_and_nothing_reaches_the_writer() throws Exception {
    try (BufferedResultStore store = BufferedResultStore.forPostgres(DatabaseSettings.of(TestDatabase.url())
            .withSchema(db.schema).withSpillFile(dir.resolve("spill.jsonl")));
        PsaServer server = PsaServer.start(ServerSettings.defaults().withAddress("127.0.0.1", 0),
            ModelHolder.of(TestModels.scorer()), store)) {
      String body = BatchText.predictBody(TestModels.tenSeconds(), "press-07", null)
          .replace("press-07", "press\\u00007");
      HttpResponse<String> r = post(server.port(), body);

      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).at("/error/field").asText()).isEqualTo("asset_id");
      assertThat(store.status().pending()).isZero();
      assertThat(health(server.port()).at("/database/written").asLong()).isZero();
    }
  }
}
