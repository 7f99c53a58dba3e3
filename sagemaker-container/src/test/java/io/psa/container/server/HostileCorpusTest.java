package io.psa.container.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request of the hostile corpus, sent byte for byte to a server with the default limits:
 * each gets its expected status and error code as the API's JSON (never Jetty's HTML, never a
 * 500), at once (well before the request timeout), with a short message that echoes no more than
 * a few dozen characters of what was sent, and stores nothing.
 */
class HostileCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static PsaServer server;
  private static RecordingStore store;

  @BeforeAll
  static void start() {
    store = new RecordingStore();
    server = PsaServer.start(ServerSettings.defaults().withAddress("127.0.0.1", 0)
        .withRequestTimeout(TIMEOUT), ModelHolder.of(TestModels.scorer()), store);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<HostileCorpus.Case> cases() {
    return HostileCorpus.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void a_hostile_request_gets_its_json_error_at_once_and_stores_nothing(HostileCorpus.Case c)
      throws Exception {
    int recorded = store.results.size();
    RawHttp.Answer a = RawHttp.send(server.port(), c.request(), (int) TIMEOUT.toMillis() * 2);

    assertThat(a.statusLine()).as(c.what()).startsWith("HTTP/1.1 " + c.status() + " ");
    assertThat(a.text()).as(c.what()).contains("Content-Type: application/json")
        .doesNotContainIgnoringCase("<html");
    JsonNode error = JSON.readTree(a.body()).get("error");
    assertThat(error.get("code").asText()).as(c.what()).isEqualTo(c.code());
    assertThat(error.get("message").asText()).as(c.what()).isNotBlank().hasSizeLessThan(400);
    assertThat(a.body().length()).as(c.what()).isLessThan(1_000);
    assertThat(a.firstByteNanos()).as("%s: answered before the timeout", c.what())
        .isLessThan(TIMEOUT.toNanos() / 2);
    assertThat(store.results).hasSize(recorded);
  }
}
