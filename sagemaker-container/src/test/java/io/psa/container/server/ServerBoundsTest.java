package io.psa.container.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.dsp.testing.BatchText;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a client can make the server hold is bounded by its settings: connections, time to send
 * headers and body, memory for bodies, bytes in the response cache; each refusal is the API's
 * JSON and comes at once.
 */
class ServerBoundsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BODY = BatchText.predictBody(TestModels.tenSeconds(), "press-07", null);

  private static ServerSettings settings() {
    return ServerSettings.defaults().withAddress("127.0.0.1", 0).withCache(0, Duration.ZERO);
  }

  private static PsaServer start(ServerSettings s) {
    return PsaServer.start(s, ModelHolder.of(TestModels.scorer()), new RecordingStore());
  }

  private static JsonNode error(RawHttp.Answer a) throws Exception {
    assertThat(a.text()).contains("Content-Type: application/json");
    return JSON.readTree(a.body()).get("error");
  }

  /** What came back to a client that sends {@code head}, then one byte every 50 ms, and when. */
  private record Trickled(String answer, long millis) {}

  private static Trickled trickle(int port, String head, byte each) throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      long start = System.nanoTime();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; socket.getInputStream().available() == 0 && i < 200; i++) {
        out.write(each); // every byte restarts Jetty's idle timer
        out.flush();
        Thread.sleep(50);
      }
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      return new Trickled(answer, (System.nanoTime() - start) / 1_000_000);
    }
  }

  @Test
  void headers_sent_a_byte_at_a_time_are_cut_off_with_408_at_the_request_timeout() throws Exception {
    try (PsaServer server = start(settings().withRequestTimeout(Duration.ofMillis(1_500)))) {
      Trickled t = trickle(server.port(), "POST /predict HTTP/1.1\r\nHost: x\r\nX-Padding: ", (byte) 'a');

      assertThat(t.answer()).startsWith("HTTP/1.1 408").contains("\"code\":\"request_timeout\"",
          "headers did not arrive within the server's limit of 1500 ms");
      assertThat(t.millis()).isBetween(1_400L, 2_800L);
    }
  }

  @Test
  void a_body_sent_a_byte_at_a_time_is_answered_408_at_the_request_timeout_not_twice_it()
      throws Exception {
    try (PsaServer server = start(settings().withRequestTimeout(Duration.ofMillis(1_500)))) {
      Trickled t = trickle(server.port(), "POST /predict HTTP/1.1\r\nHost: x\r\nContent-Type:"
          + " application/json\r\nContent-Length: 100000\r\n\r\n", (byte) '[');

      assertThat(t.answer()).startsWith("HTTP/1.1 408").contains("\"code\":\"request_timeout\"",
          "Connection: close");
      assertThat(t.millis()).isBetween(1_400L, 2_800L);
    }
  }

  @Test
  void a_declared_oversized_body_is_refused_at_once_without_100_continue() throws Exception {
    try (PsaServer server = start(settings().withMaxBodyBytes(100_000))) {
      RawHttp.Answer expecting = RawHttp.send(server.port(), "POST /predict HTTP/1.1\r\nHost: x\r\n"
          + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 5000000\r\n\r\n", 5_000);
      RawHttp.Answer plain = RawHttp.send(server.port(), "POST /predict HTTP/1.1\r\nHost: x\r\n"
          + "Content-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{\"sensor_batch\":", 5_000);

      for (RawHttp.Answer a : List.of(expecting, plain)) {
        assertThat(a.statusLine()).isEqualTo("HTTP/1.1 413 Payload Too Large");
        assertThat(a.text()).doesNotContain("100 Continue").contains("Connection: close");
        assertThat(error(a).get("message").asText()).contains("5000000 bytes declared");
        assertThat(a.firstByteNanos()).as("answered before any timeout").isLessThan(1_000_000_000L);
      }
    }
  }

  @Test
  void a_request_on_a_connection_beyond_the_bound_is_refused_with_503_json_and_closed()
      throws Exception {
    try (PsaServer server = start(settings().withMaxConnections(3))) {
      List<Socket> held = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          held.add(new Socket(InetAddress.getLoopbackAddress(), server.port()));
        }
        Thread.sleep(200); // accepted by the server
        RawHttp.Answer beyond = RawHttp.send(server.port(),
            "GET /ping HTTP/1.1\r\nHost: x\r\n\r\n", 5_000);

        assertThat(beyond.statusLine()).startsWith("HTTP/1.1 503");
        assertThat(beyond.text()).contains("Connection: close", "Retry-After: 1");
        assertThat(error(beyond).get("code").asText()).isEqualTo("too_many_connections");
      } finally {
        for (Socket s : held) {
          s.close();
        }
      }
      Thread.sleep(200);
      assertThat(new Http(server.port()).get("/ping").statusCode()).isEqualTo(200);
      JsonNode health = JSON.readTree(new Http(server.port()).get("/health").body());
      assertThat(health.at("/connections/refused").asLong()).isEqualTo(1);
      assertThat(health.at("/connections/max").asInt()).isEqualTo(3);
    }
  }

  @Test
  void bodies_beyond_the_memory_for_bodies_are_refused_503_server_busy_not_buffered() throws Exception {
    // room for three 64 KB chunks: two slow bodies hold two, and a third body cannot be read and
    // joined in the one left
    ServerSettings s = settings().withMaxBodyBytes(50_000).withMaxBodiesBytes(3 * 64 * 1024);
    try (PsaServer server = start(s)) {
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < 2; i++) {
          Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
          socket.getOutputStream().write(("POST /predict HTTP/1.1\r\nHost: x\r\nContent-Type:"
              + " application/json\r\nContent-Length: 45000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
          slow.add(socket);
        }
        Thread.sleep(300); // both are reading their bodies, each holding 64 KB
        HttpResponse<String> third = new Http(server.port()).postJson("/predict", BODY.substring(0, 20_000));
        JsonNode health = JSON.readTree(new Http(server.port()).get("/health").body());

        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(JSON.readTree(third.body()).at("/error/code").asText()).isEqualTo("server_busy");
        assertThat(health.at("/memory/request_bodies_bytes").asLong()).isEqualTo(2 * 64 * 1024);
      } finally {
        for (Socket socket : slow) {
          socket.close();
        }
      }
      Thread.sleep(300);
      String small = BatchText.predictBody(new SensorSimulator(SimulationSpec.of(2_000)).generate(), "p", null);
      assertThat(new Http(server.port()).postJson("/predict", small).statusCode()).isEqualTo(200);
      JsonNode health = JSON.readTree(new Http(server.port()).get("/health").body());
      assertThat(health.at("/memory/request_bodies_bytes").asLong()).isZero();
    }
  }

  @Test
  void the_response_cache_stays_within_its_bytes_however_many_entries_it_may_hold() throws Exception {
    long maxBytes = 200_000;
    ServerSettings s = settings().withCache(1_000, Duration.ofMinutes(1)).withCacheMaxBytes(maxBytes);
    try (PsaServer server = start(s)) {
      Http http = new Http(server.port());
      long seen = 0;
      for (int i = 0; i < 30; i++) {
        String body = BatchText.predictBody(
            new SensorSimulator(SimulationSpec.of(30_000).withSeed(i)).generate(), "press-" + i, null);
        assertThat(http.postJson("/predict", body).statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(http.get("/health").body());
        seen = Math.max(seen, health.at("/memory/cache_bytes").asLong());
        assertThat(health.at("/memory/cache_bytes").asLong()).isLessThanOrEqualTo(maxBytes);
      }
      String metrics = http.get("/metrics").body();
      assertThat(metrics).contains("psa_cache_max_bytes 200000");
      // it did cache: the bound was reached, not avoided
      assertThat(seen).isGreaterThan(maxBytes / 2);
    }
  }
}
