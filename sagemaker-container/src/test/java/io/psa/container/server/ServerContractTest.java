package io.psa.container.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.testing.BatchText;
import io.psa.model.Prediction;
import io.psa.model.results.InferenceResult;
import io.psa.model.service.WindowRows;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every route and its answers over real HTTP, against a real model (docs/api.md). */
class ServerContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SensorBatch TEN_SECONDS = TestModels.tenSeconds();
  private static final String BODY = BatchText.predictBody(TEN_SECONDS, "press-07", null);

  private static RecordingStore store;
  private static PsaServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    store = new RecordingStore();
    ServerSettings s = ServerSettings.defaults().withAddress("127.0.0.1", 0)
        .withMaxBodyBytes(512 * 1024).withCache(0, Duration.ZERO);
    server = PsaServer.start(s, ModelHolder.of(TestModels.scorer()), store);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void clear() {
    store.results.clear();
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void predict_answers_the_api_md_response_with_the_scorers_exact_values() throws Exception {
    HttpResponse<String> r = http.postJson("/predict", BODY);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode b = json(r);
    Prediction expected = TestModels.scorer().score(TEN_SECONDS, "press-07", "x");
    assertThat(b.get("request_id").asText()).isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
    assertThat(b.get("asset_id").asText()).isEqualTo("press-07");
    assertThat(b.at("/model/name").asText()).isEqualTo("test");
    assertThat(b.at("/model/version").asText()).isEqualTo("t1");
    assertThat(b.at("/model/detector").asText()).isEqualTo("isolation_forest");
    assertThat(b.get("anomaly_score").asDouble()).isEqualTo(expected.anomalyScore());
    assertThat(b.get("is_anomaly").asBoolean()).isEqualTo(expected.isAnomaly());
    assertThat(b.at("/details/threshold").asDouble()).isEqualTo(expected.threshold());
    JsonNode scores = b.at("/details/window_scores");
    assertThat(scores.size()).isEqualTo(expected.windows().size()).isEqualTo(37);
    for (int i = 0; i < scores.size(); i++) {
      assertThat(scores.get(i).asDouble()).isEqualTo(expected.windows().get(i).score());
    }
    assertThat(b.at("/details/windows/0/start_ts_ms").asLong()).isZero();
    assertThat(b.at("/details/windows/0/end_ts_ms").asLong()).isEqualTo(950);
    assertThat(b.at("/details/feature_vector_sample").size()).isEqualTo(expected.featureVectorSample().size());
  }

  @Test
  void every_answer_is_recorded_once_with_its_request_id_and_latency() throws Exception {
    HttpResponse<String> r = http.postJson("/invocations", BODY);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(store.results).hasSize(1);
    InferenceResult row = store.results.get(0);
    assertThat(row.requestId()).isEqualTo(json(r).get("request_id").asText());
    assertThat(row.assetId()).isEqualTo("press-07");
    assertThat(row.sampleCount()).isEqualTo(1000);
    assertThat(row.firstTsMs()).isZero();
    assertThat(row.lastTsMs()).isEqualTo(9_990);
    assertThat(row.windowCount()).isEqualTo(37);
    assertThat(row.anomalyScore()).isEqualTo(json(r).get("anomaly_score").asDouble());
    assertThat(row.source()).isEqualTo("api");
    assertThat(row.latencyMs()).isPositive().isLessThan(5_000);
    assertThat(row.cached()).isFalse();
  }

  @Test
  void a_csv_body_is_answered_with_one_csv_row_per_window_matching_the_json_answer() throws Exception {
    JsonNode viaJson = json(http.postJson("/predict", BODY));
    HttpResponse<String> r = http.post("/invocations", "text/csv", "text/csv",
        BatchText.csv(TEN_SECONDS).getBytes(StandardCharsets.UTF_8));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    List<String> lines = r.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo(WindowRows.CSV_HEADER);
    assertThat(lines).hasSize(38);
    String[] first = lines.get(1).split(",");
    assertThat(first[0]).isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
    assertThat(first[1]).isEqualTo("0");
    assertThat(first[2]).isEqualTo("950");
    assertThat(Double.parseDouble(first[3])).isEqualTo(viaJson.at("/details/window_scores/0").asDouble());
    assertThat(store.results.get(1).assetId()).isNull();
  }

  @Test
  void a_json_lines_body_is_answered_with_one_json_line_per_window() throws Exception {
    HttpResponse<String> r = http.post("/invocations", "application/jsonlines",
        "application/jsonlines", BatchText.jsonLines(TEN_SECONDS).getBytes(StandardCharsets.UTF_8));

    assertThat(r.statusCode()).isEqualTo(200);
    List<String> lines = r.body().lines().toList();
    assertThat(lines).hasSize(37);
    JsonNode last = JSON.readTree(lines.get(36));
    assertThat(last.get("start_ts_ms").asLong()).isEqualTo(9_000);
    assertThat(last.get("end_ts_ms").asLong()).isEqualTo(9_950);
    assertThat(last.get("score").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void invalid_input_is_a_400_naming_the_field_and_record() throws Exception {
    String broken = BODY.replaceFirst("(\"ts_ms\":570,\"pressure\":)[-0-9.eE]+", "$1null");
    assertThat(broken).isNotEqualTo(BODY);

    HttpResponse<String> r = http.postJson("/predict", broken);

    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode e = json(r).get("error");
    assertThat(e.get("code").asText()).isEqualTo("invalid_value");
    assertThat(e.get("field").asText()).isEqualTo("sensor_batch[57].pressure");
    assertThat(store.results).isEmpty();
  }

  @Test
  void a_request_config_other_than_the_models_is_a_400_on_config() throws Exception {
    String body = BatchText.predictBody(TEN_SECONDS, null, "{\"window_ms\": 2000}");

    HttpResponse<String> r = http.postJson("/predict", body);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).at("/error/field").asText()).isEqualTo("config");
    assertThat(json(r).at("/error/code").asText()).isEqualTo("invalid_config");
  }

  @Test
  void a_body_over_the_limit_is_a_413_whether_its_length_is_declared_or_streamed() throws Exception {
    byte[] big = new byte[600 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');

    HttpResponse<String> declared = http.post("/predict", "application/json", null, big);
    HttpResponse<String> chunked = http.send("POST", "/predict", "application/json", null,
        java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)));

    for (HttpResponse<String> r : List.of(declared, chunked)) {
      assertThat(r.statusCode()).isEqualTo(413);
      // the rest of the body is still on the connection: it cannot carry another request
      assertThat(r.headers().firstValue("Connection")).hasValue("close");
      assertThat(json(r).at("/error/code").asText()).isEqualTo("payload_too_large");
      assertThat(json(r).at("/error/message").asText()).contains("524288 bytes");
    }
  }

  @Test
  void a_body_many_times_the_limit_still_gets_its_413_not_a_reset() throws Exception {
    // past 4 x the limit the connection used to close mid-body, and the reset could beat the 413
    byte[] huge = new byte[6 * 512 * 1024];
    java.util.Arrays.fill(huge, (byte) ' ');

    for (int i = 0; i < 10; i++) {
      HttpResponse<String> r = http.post("/predict", "application/json", null, huge);

      assertThat(r.statusCode()).as("try %d", i).isEqualTo(413);
      assertThat(json(r).at("/error/code").asText()).isEqualTo("payload_too_large");
    }
  }

  @Test
  void other_content_types_are_415_and_unwritable_accept_types_406() throws Exception {
    HttpResponse<String> plain = http.post("/predict", "text/plain", null, BODY.getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> none = http.post("/predict", null, null, BODY.getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> png = http.post("/predict", "application/json", "image/png", BODY.getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> charset = http.post("/predict", "application/json; charset=utf-8",
        "text/html, application/json;q=0.9", BODY.getBytes(StandardCharsets.UTF_8));

    assertThat(plain.statusCode()).isEqualTo(415);
    assertThat(json(plain).at("/error/code").asText()).isEqualTo("unsupported_media_type");
    assertThat(none.statusCode()).isEqualTo(415);
    assertThat(png.statusCode()).isEqualTo(406);
    assertThat(json(png).at("/error/code").asText()).isEqualTo("not_acceptable");
    assertThat(charset.statusCode()).isEqualTo(200);
  }

  @Test
  void unknown_routes_are_404_and_wrong_methods_405_as_json_errors() throws Exception {
    HttpResponse<String> missing = http.get("/nothing-here");
    HttpResponse<String> wrongMethod = http.get("/invocations");
    HttpResponse<String> put = http.send("PUT", "/ping", "application/json", null,
        java.net.http.HttpRequest.BodyPublishers.ofString("{}"));

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).at("/error/code").asText()).isEqualTo("not_found");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(json(wrongMethod).at("/error/code").asText()).isEqualTo("method_not_allowed");
    assertThat(put.statusCode()).isEqualTo(405);
  }

  @Test
  void ping_health_and_execution_parameters_report_the_loaded_model() throws Exception {
    assertThat(http.get("/ping").statusCode()).isEqualTo(200);
    JsonNode health = json(http.get("/health"));
    assertThat(health.get("status").asText()).isEqualTo("ok");
    assertThat(health.at("/model/loaded").asBoolean()).isTrue();
    assertThat(health.at("/model/version").asText()).isEqualTo("t1");
    assertThat(health.at("/database/enabled").asBoolean()).isTrue();
    JsonNode params = json(http.get("/execution-parameters"));
    assertThat(params.get("MaxPayloadInMB").asInt()).isEqualTo(1); // 512 KB rounds up to the minimum
    assertThat(params.get("BatchStrategy").asText()).isEqualTo("SINGLE_RECORD");
    assertThat(params.get("MaxConcurrentTransforms").asInt())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void metrics_count_requests_by_route_and_status_and_errors_by_code() throws Exception {
    http.postJson("/predict", BODY);
    http.post("/predict", "text/plain", null, new byte[] {1});

    String m = http.get("/metrics").body();

    assertThat(m).containsPattern("psa_http_requests_total\\{route=\"/predict\",code=\"200\"} [1-9]");
    assertThat(m).containsPattern("psa_http_requests_total\\{route=\"/predict\",code=\"415\"} [1-9]");
    assertThat(m).containsPattern("psa_http_errors_total\\{code=\"unsupported_media_type\"} [1-9]");
    assertThat(m).contains("psa_http_request_duration_seconds_bucket{route=\"/predict\",le=\"0.0005\"}");
    assertThat(m).containsPattern("psa_http_request_duration_seconds_count\\{route=\"/predict\"} [1-9]");
    assertThat(m).contains("psa_model_loaded 1", "psa_results_dropped_total 0");
  }

  @Test
  void anomaly_score_reaches_the_threshold_exactly_when_an_episode_is_named() throws Exception {
    JsonNode d = json(http.postJson("/predict", BODY));
    double threshold = d.at("/details/threshold").asDouble();
    double windowThreshold = d.at("/details/window_threshold").asDouble();
    JsonNode episodes = d.at("/details/episodes");

    assertThat(d.get("anomaly_score").asDouble()).isBetween(0.0, 1.0);
    assertThat(windowThreshold).isBetween(0.0, 1.0);
    assertThat(d.get("is_anomaly").asBoolean())
        .isEqualTo(d.get("anomaly_score").asDouble() >= threshold)
        .isEqualTo(!episodes.isEmpty());
    // a window the alarm is on for lies inside a named episode
    for (JsonNode w : d.at("/details/windows")) {
      if (w.get("is_anomaly").asBoolean()) {
        long end = w.get("end_ts_ms").asLong();
        assertThat(episodes.findValues("end_ts_ms").stream()
            .anyMatch(e -> e.asLong() >= end)).isTrue();
      }
    }
  }
}
