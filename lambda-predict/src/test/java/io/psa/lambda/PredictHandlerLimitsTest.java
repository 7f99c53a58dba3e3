package io.psa.lambda;

import static io.psa.lambda.testing.Lambdas.body;
import static io.psa.lambda.testing.Lambdas.httpApiEvent;
import static io.psa.lambda.testing.Lambdas.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.psa.lambda.runtime.Env;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The refusals of docs/api.md, as the local server gives them. */
class PredictHandlerLimitsTest {
  private static PredictHandler handler;

  @BeforeAll
  static void handler() {
    // a 1 MB limit keeps the oversized bodies small
    handler = new PredictHandler(new Env(Map.of("PSA_MAX_BODY_MB", "1")));
  }

  private static JsonNode error(JsonNode response) {
    return body(response).path("error");
  }

  @Test
  void a_body_beyond_the_limit_is_a_413_plain_or_base64() {
    String big = "{\"sensor_batch\": [" + "0,".repeat(600_000) + "0]}";
    JsonNode plain = invoke(handler, httpApiEvent("POST", "application/json", big, false));
    String encoded = Base64.getEncoder().encodeToString(big.getBytes(StandardCharsets.UTF_8));
    JsonNode base64 = invoke(handler, httpApiEvent("POST", "application/json", encoded, true));

    for (JsonNode r : new JsonNode[] {plain, base64}) {
      assertThat(r.path("statusCode").asInt()).isEqualTo(413);
      assertThat(error(r).path("code").asText()).isEqualTo("payload_too_large");
      assertThat(error(r).path("message").asText()).contains("limit of 1048576 bytes");
    }
  }

  @Test
  void another_content_type_is_a_415_and_another_method_a_405() {
    JsonNode xml = invoke(handler, httpApiEvent("POST", "application/xml", "<a/>", false));
    JsonNode get = invoke(handler, httpApiEvent("GET", null, null, false));

    assertThat(xml.path("statusCode").asInt()).isEqualTo(415);
    assertThat(error(xml).path("code").asText()).isEqualTo("unsupported_media_type");
    assertThat(get.path("statusCode").asInt()).isEqualTo(405);
    assertThat(error(get).path("code").asText()).isEqualTo("method_not_allowed");
  }

  @Test
  void bad_base64_and_an_event_that_is_not_api_gateway_are_400s_not_500s() {
    JsonNode bad = invoke(handler, httpApiEvent("POST", "application/json", "%%%not base64", true));
    JsonNode notHttp = invoke(handler, "{\"Records\": []}".getBytes(StandardCharsets.UTF_8));
    JsonNode notJson = invoke(handler, "hello".getBytes(StandardCharsets.UTF_8));

    assertThat(bad.path("statusCode").asInt()).isEqualTo(400);
    assertThat(error(bad).path("field").asText()).isEqualTo("body");
    assertThat(notHttp.path("statusCode").asInt()).isEqualTo(400);
    assertThat(error(notHttp).path("message").asText()).contains("no HTTP method");
    assertThat(notJson.path("statusCode").asInt()).isEqualTo(400);
  }

  @Test
  void a_csv_body_is_answered_in_the_accept_type() {
    StringBuilder csv = new StringBuilder("ts_ms,pressure,force,acceleration,temperature\n");
    for (int i = 0; i < 500; i++) {
      csv.append(i * 10).append(",6.0,12.0,0.0,45.0\n");
    }
    byte[] event = httpApiEvent("POST", "text/csv", "text/csv", csv.toString(), false);
    JsonNode r = invoke(handler, event);

    assertThat(r.path("statusCode").asInt()).isEqualTo(200);
    assertThat(r.path("headers").path("Content-Type").asText()).isEqualTo("text/csv");
    assertThat(r.path("body").asText()).startsWith("request_id,start_ts_ms,end_ts_ms,score,is_anomaly,threshold\n");
  }
}
