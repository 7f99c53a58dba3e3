package io.psa.container.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.testing.BatchText;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Time, state and cache rules, each on a server of its own settings. */
class ServerLimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BODY = BatchText.predictBody(TestModels.tenSeconds(), "press-07", null);

  private static ServerSettings settings() {
    return ServerSettings.defaults().withAddress("127.0.0.1", 0).withCache(0, Duration.ZERO);
  }

  @Test
  void answers_503_model_not_loaded_until_the_model_is_set() throws Exception {
    ModelHolder models = new ModelHolder();
    try (PsaServer server = PsaServer.start(settings(), models, new RecordingStore())) {
      Http http = new Http(server.port());
      HttpResponse<String> ping = http.get("/ping");
      HttpResponse<String> predict = http.postJson("/predict", BODY);
      HttpResponse<String> health = http.get("/health");

      assertThat(ping.statusCode()).isEqualTo(503);
      assertThat(ping.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(JSON.readTree(predict.body()).at("/error/code").asText()).isEqualTo("model_not_loaded");
      assertThat(predict.statusCode()).isEqualTo(503);
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("unavailable");

      models.set(TestModels.scorer());
      assertThat(http.get("/ping").statusCode()).isEqualTo(200);
      assertThat(http.postJson("/predict", BODY).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void a_request_that_scores_too_long_is_cut_off_with_a_timeout_error() throws Exception {
    ModelHolder models = ModelHolder.of(TestModels.slow(TestModels.scorer(), 3_000));
    ServerSettings s = settings().withRequestTimeout(Duration.ofMillis(300));
    try (PsaServer server = PsaServer.start(s, models, new RecordingStore())) {
      long start = System.nanoTime();
      HttpResponse<String> r = new Http(server.port()).postJson("/predict", BODY);
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(r.statusCode()).isEqualTo(503);
      JsonNode e = JSON.readTree(r.body()).get("error");
      assertThat(e.get("code").asText()).isEqualTo("timeout");
      assertThat(e.get("message").asText()).contains("300 ms");
      assertThat(millis).isLessThan(2_000);
    }
  }

  @Test
  void a_client_that_stops_sending_its_body_is_answered_408_not_left_hanging() throws Exception {
    ServerSettings s = settings().withRequestTimeout(Duration.ofMillis(500));
    try (PsaServer server = PsaServer.start(s, ModelHolder.of(TestModels.scorer()), new RecordingStore());
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: 1000\r\n\r\n{\"sensor_batch\": [").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);

      assertThat(answer).startsWith("HTTP/1.1 408");
      assertThat(answer).contains("\"code\":\"request_timeout\"");
    }
  }

  @Test
  void stopping_finishes_the_request_in_flight_and_refuses_new_ones() throws Exception {
    ModelHolder models = ModelHolder.of(TestModels.slow(TestModels.scorer(), 1_000));
    PsaServer server = PsaServer.start(settings().withRequestTimeout(Duration.ofSeconds(5)), models,
        new RecordingStore());
    Http http = new Http(server.port());
    var inFlight = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return http.postJson("/predict", BODY);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(300);
    Thread stopping = Thread.ofPlatform().start(server::close);
    Thread.sleep(200);
    HttpResponse<String> refused = http.get("/ping");
    stopping.join(10_000);

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(refused.body()).at("/error/code").asText()).isEqualTo("shutting_down");
    assertThat(inFlight.get().statusCode()).isEqualTo(200);
    assertThat(stopping.isAlive()).isFalse();
  }

  @Test
  void an_identical_body_is_answered_from_the_cache_with_its_own_request_id_and_still_recorded()
      throws Exception {
    RecordingStore store = new RecordingStore();
    ServerSettings s = settings().withCache(100, Duration.ofMinutes(1));
    try (PsaServer server = PsaServer.start(s, ModelHolder.of(TestModels.scorer()), store)) {
      Http http = new Http(server.port());
      JsonNode first = JSON.readTree(http.postJson("/predict", BODY).body());
      JsonNode second = JSON.readTree(http.postJson("/predict", BODY).body());
      JsonNode other = JSON.readTree(http.postJson("/predict", BODY.replace("press-07", "press-08")).body());

      assertThat(second.get("request_id").asText()).isNotEqualTo(first.get("request_id").asText());
      assertThat(second.get("details")).isEqualTo(first.get("details"));
      assertThat(other.get("asset_id").asText()).isEqualTo("press-08");
      assertThat(store.results).hasSize(3);
      assertThat(store.results.get(1).cached()).isTrue();
      assertThat(store.results.get(1).requestId()).isEqualTo(second.get("request_id").asText());
      assertThat(store.results.get(2).cached()).isFalse();
      String metrics = http.get("/metrics").body();
      assertThat(metrics).contains("psa_cache_hits_total 1", "psa_cache_misses_total 2");
    }
  }
}
