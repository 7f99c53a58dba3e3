package io.psa.container.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.dsp.testing.BatchText;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Thousands of malformed, truncated, huge, deeply nested and type-confused bodies under every
 * content type, sent over HTTP to the real server: never a 500, never a hang (every call has a
 * 15 s timeout), and every refusal is the docs/api.md error JSON. The hostile corpus
 * (src/test/resources/io/psa/container/server/hostile) seeds one property. About 3,300 requests,
 * 20-45 s on 2 cores.
 */
class ServerFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Integer> CLIENT_ANSWERS = Set.of(200, 400, 406, 413, 415);
  private static final SensorBatch TWO_SECONDS =
      new SensorSimulator(SimulationSpec.of(2_000)).generate();
  private static final String PREDICT = BatchText.predictBody(TWO_SECONDS, "press-01", null);
  private static final String CSV = BatchText.csv(TWO_SECONDS);
  private static final String LINES = BatchText.jsonLines(TWO_SECONDS);

  private static PsaServer server;
  private static Http http;

  @BeforeContainer
  static void start() {
    ServerSettings s = ServerSettings.defaults().withAddress("127.0.0.1", 0)
        .withMaxBodyBytes(256 * 1024).withRequestTimeout(Duration.ofSeconds(10)).withCache(0, Duration.ZERO);
    server = PsaServer.start(s, ModelHolder.of(TestModels.scorer()), new RecordingStore());
    http = new Http(server.port());
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  private static void check(String path, String type, String accept, byte[] body) throws Exception {
    HttpResponse<String> r = http.post(path, type, accept, body);
    assertThat(r.statusCode()).as("status for a %d-byte body as %s", body.length, type)
        .isIn(CLIENT_ANSWERS);
    if (r.statusCode() != 200) {
      var error = JSON.readTree(r.body()).get("error");
      assertThat(error.get("code").asText()).isNotBlank().isNotEqualTo("internal");
      assertThat(error.get("message").asText()).isNotBlank();
    }
  }

  @Property(tries = 1100)
  void a_mutated_predict_body_is_never_a_server_error(
      @ForAll("mutatedPredict") String body, @ForAll("paths") String path) throws Exception {
    check(path, "application/json", null, body.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 500)
  void a_mutated_csv_or_json_lines_body_is_never_a_server_error(
      @ForAll("mutatedSignals") String body, @ForAll("signalTypes") String type,
      @ForAll("accepts") String accept) throws Exception {
    check("/invocations", type, accept, body.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 700)
  void a_type_confused_body_is_never_a_server_error(@ForAll("confused") String body) throws Exception {
    check("/predict", "application/json", null, body.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 600)
  void random_bytes_under_any_content_type_are_never_a_server_error(
      @ForAll("bytes") byte[] body, @ForAll("anyType") String type) throws Exception {
    check("/invocations", type, null, body);
  }

  @Property(tries = 300)
  void a_mutated_hostile_corpus_body_is_never_a_server_error(@ForAll("mutatedHostile") String body)
      throws Exception {
    check("/predict", "application/json", null, body.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 100)
  void deep_nesting_and_huge_tokens_are_never_a_server_error(@ForAll("extreme") String body)
      throws Exception {
    check("/predict", "application/json", null, body.getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of("/predict", "/invocations");
  }

  @Provide
  Arbitrary<String> signalTypes() {
    return Arbitraries.of("text/csv", "application/jsonlines", "text/csv; charset=utf-8");
  }

  @Provide
  Arbitrary<String> accepts() {
    return Arbitraries.of(null, "application/json", "text/csv", "application/jsonlines", "*/*");
  }

  @Provide
  Arbitrary<String> anyType() {
    return Arbitraries.of("application/json", "text/csv", "application/jsonlines", "text/plain",
        "application/octet-stream", "multipart/form-data; boundary=x", ";;;", "application/json; charset=latin1");
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
  }

  @Provide
  Arbitrary<String> mutatedPredict() {
    return Mutations.of(PREDICT);
  }

  /** The requests that once got a wrong answer (src/test/resources/.../hostile), damaged further. */
  @Provide
  Arbitrary<String> mutatedHostile() {
    return Arbitraries.of(HostileCorpus.predictBodies()).flatMap(Mutations::of);
  }

  @Provide
  Arbitrary<String> mutatedSignals() {
    return Arbitraries.oneOf(Mutations.of(CSV), Mutations.of(LINES), Mutations.of(PREDICT));
  }

  @Provide
  Arbitrary<String> confused() {
    Arbitrary<String> value = JsonValues.any(4);
    Arbitrary<String> record = Combinators.combine(value, value, value)
        .as((ts, p, rest) -> "{\"ts_ms\":" + ts + ",\"pressure\":" + p + ",\"force\":1,"
            + "\"acceleration\":" + rest + ",\"temperature\":2}");
    return Arbitraries.oneOf(
        value,
        value.map(v -> "{\"sensor_batch\":" + v + "}"),
        record.list().ofMaxSize(30).map(rs -> "{\"sensor_batch\":[" + String.join(",", rs) + "]}"),
        Combinators.combine(value, value).as((a, c) -> "{\"asset_id\":" + a + ",\"config\":" + c
            + "," + PREDICT.substring(1)));
  }

  @Provide
  Arbitrary<String> extreme() {
    Arbitrary<Integer> depth = Arbitraries.integers().between(50, 100_000);
    return Arbitraries.oneOf(
        depth.map(n -> "[".repeat(n) + "]".repeat(n)),
        depth.map(n -> "{\"sensor_batch\":" + "[".repeat(n)),
        depth.map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)),
        depth.map(n -> "{\"config\":" + "{\"kalman\":".repeat(n) + "null" + "}".repeat(n) + "}"),
        depth.map(n -> "{\"sensor_batch\":[{\"ts_ms\":" + "9".repeat(n) + "}]}"),
        depth.map(n -> "{\"asset_id\":\"" + "x".repeat(n * 2) + "\"}"),
        depth.map(n -> "{\"sensor_batch\":[{\"ts_ms\":0,\"pressure\":1e" + n + "}]}"),
        depth.map(n -> "{\"" + "k".repeat(n) + "\":1}"));
  }
}
