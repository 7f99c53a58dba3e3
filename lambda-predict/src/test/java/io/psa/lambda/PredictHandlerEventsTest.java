package io.psa.lambda;

import static io.psa.lambda.testing.Lambdas.body;
import static io.psa.lambda.testing.Lambdas.event;
import static io.psa.lambda.testing.Lambdas.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import io.psa.lambda.runtime.Env;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every API Gateway event of {@code events/} through the handler as Lambda builds it (no
 * configuration: the default model packaged in the jar at build time).
 */
class PredictHandlerEventsTest {
  private static PredictHandler handler;

  @BeforeAll
  static void handler() {
    handler = new PredictHandler(new Env(Map.of()));
  }

  @Test
  void every_predict_event_file_is_a_real_api_gateway_event_and_gets_an_answer() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(io.psa.lambda.testing.Lambdas.events())) {
      files = s.filter(p -> p.getFileName().toString().contains("-api-predict-")).sorted().toList();
    }
    assertThat(files).hasSize(7);
    for (Path f : files) {
      // the library's own event classes read each file: the shapes are API Gateway's
      if (f.getFileName().toString().startsWith("http-api")) {
        APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent(f.toString());
        assertThat(e.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(e.getRouteKey()).isEqualTo("POST /predict");
      } else {
        APIGatewayProxyRequestEvent e = EventLoader.loadApiGatewayRestEvent(f.toString());
        assertThat(e.getHttpMethod()).isEqualTo("POST");
        assertThat(e.getResource()).isEqualTo("/predict");
      }
      JsonNode r = invoke(handler, f);
      int expected = f.getFileName().toString().contains("malformed") ? 400 : 200;
      assertThat(r.path("statusCode").asInt()).as(f.getFileName().toString()).isEqualTo(expected);
      assertThat(r.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
      assertThat(r.path("isBase64Encoded").asBoolean(true)).isFalse();
    }
  }

  @Test
  void a_normal_batch_is_not_anomalous_and_a_spiky_one_is() {
    JsonNode normal = body(invoke(handler, event("http-api-predict-normal.json")));
    JsonNode spike = body(invoke(handler, event("http-api-predict-spike.json")));

    assertThat(normal.path("is_anomaly").asBoolean()).isFalse();
    assertThat(normal.path("asset_id").asText()).isEqualTo("press-01");
    assertThat(normal.path("details").path("windows")).hasSize(37);
    assertThat(normal.at("/model/detector").asText()).isEqualTo("pca");
    assertThat(normal.at("/model/name").asText()).isEqualTo("default");
    assertThat(spike.path("is_anomaly").asBoolean()).isTrue();
    assertThat(spike.path("asset_id").asText()).isEqualTo("press-07");
    assertThat(spike.path("anomaly_score").asDouble())
        .isGreaterThanOrEqualTo(spike.at("/details/threshold").asDouble())
        .isGreaterThan(normal.path("anomaly_score").asDouble());
  }

  @Test
  void base64_and_rest_events_score_exactly_as_the_plain_http_api_event() {
    JsonNode plain = body(invoke(handler, event("http-api-predict-normal.json")));
    JsonNode base64 = body(invoke(handler, event("http-api-predict-base64.json")));
    JsonNode rest = body(invoke(handler, event("rest-api-predict-normal.json")));

    assertThat(base64.path("anomaly_score").asDouble()).isEqualTo(plain.path("anomaly_score").asDouble());
    assertThat(rest.at("/details/window_scores")).isEqualTo(plain.at("/details/window_scores"));
    assertThat(rest.path("request_id").asText()).isNotEqualTo(plain.path("request_id").asText());
  }

  @Test
  void a_malformed_batch_is_a_400_naming_record_and_field() {
    for (String f : List.of("http-api-predict-malformed.json", "rest-api-predict-malformed.json")) {
      JsonNode r = invoke(handler, event(f));
      JsonNode error = body(r).path("error");
      assertThat(r.path("statusCode").asInt()).isEqualTo(400);
      assertThat(error.path("code").asText()).isEqualTo("invalid_value");
      assertThat(error.path("field").asText()).isEqualTo("sensor_batch[1].pressure");
      assertThat(error.path("message").asText()).startsWith("sensor_batch[1].pressure: must be a number");
    }
  }

  @Test
  void the_answer_carries_the_invocation_request_id_in_header_and_body() {
    JsonNode r = invoke(handler, event("http-api-predict-normal.json"));
    assertThat(body(r).path("request_id").asText())
        .isEqualTo(r.path("headers").path("X-Request-Id").asText()).hasSize(36);
  }
}
