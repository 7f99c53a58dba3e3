package io.psa.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.ValidationException;
import io.psa.model.Episode;
import io.psa.model.ModelInfo;
import io.psa.model.Prediction;
import io.psa.model.Prediction.Contribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredictionJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Prediction prediction() {
    Map<String, Double> sample = new LinkedHashMap<>();
    sample.put("pressure.rms", 6.0);
    sample.put("force.rms", 12.25);
    List<Contribution> diagnostics = List.of(
        new Contribution("pressure.ptp", "pressure", 0.5),
        new Contribution("force.rms", "force", 0.3),
        new Contribution("pressure.rms", "pressure", 0.2));
    return new Prediction("req-9", null, new ModelInfo("default", "v1", "pca"), 0.93, true, 0.5,
        0.9, List.of(new Prediction.Window(0, 950, 0.12, false),
            new Prediction.Window(250, 1200, 0.93, true)),
        List.of(new Episode(250, 1200, 1, 0.93, 1200, List.of("pressure"),
            List.of("pressure.ptp", "force.rms"), true, false)),
        sample, diagnostics, 1000, 0, 9990);
  }

  @Test
  void writes_the_api_response_with_snake_case_fields() throws Exception {
    JsonNode json = MAPPER.readTree(PredictionJson.toBytes(prediction()));

    assertThat(json.path("request_id").asText()).isEqualTo("req-9");
    assertThat(json.has("asset_id")).isTrue();
    assertThat(json.path("asset_id").isNull()).isTrue();
    assertThat(json.path("anomaly_score").asDouble()).isEqualTo(0.93);
    assertThat(json.path("is_anomaly").asBoolean()).isTrue();
    assertThat(json.path("model").path("name").asText()).isEqualTo("default");
    assertThat(json.path("model").path("version").asText()).isEqualTo("v1");
    assertThat(json.path("model").path("detector").asText()).isEqualTo("pca");
    JsonNode d = json.path("details");
    assertThat(d.path("threshold").asDouble()).isEqualTo(0.5);
    assertThat(d.path("window_threshold").asDouble()).isEqualTo(0.9);
    JsonNode episode = d.path("episodes").get(0);
    assertThat(d.path("episodes")).hasSize(1);
    assertThat(episode.path("start_ts_ms").asLong()).isEqualTo(250);
    assertThat(episode.path("end_ts_ms").asLong()).isEqualTo(1200);
    assertThat(episode.path("peak_score").asDouble()).isEqualTo(0.93);
    assertThat(episode.path("channels").get(0).asText()).isEqualTo("pressure");
    assertThat(episode.path("features").get(1).asText()).isEqualTo("force.rms");
    assertThat(episode.path("open").asBoolean()).isTrue();
    assertThat(episode.path("rebaselined").asBoolean()).isFalse();
    assertThat(MAPPER.convertValue(d.path("window_scores"), double[].class))
        .containsExactly(0.12, 0.93);
    assertThat(d.path("windows").get(1).path("start_ts_ms").asLong()).isEqualTo(250);
    assertThat(d.path("windows").get(1).path("end_ts_ms").asLong()).isEqualTo(1200);
    assertThat(d.path("windows").get(1).path("score").asDouble()).isEqualTo(0.93);
    assertThat(d.path("windows").get(0).path("is_anomaly").asBoolean()).isFalse();
    assertThat(d.path("feature_vector_sample").path("force.rms").asDouble()).isEqualTo(12.25);
    assertThat(d.path("diagnostics").path("top_features").get(0).path("feature").asText())
        .isEqualTo("pressure.ptp");
    assertThat(d.path("diagnostics").path("channels").path("pressure").asDouble()).isEqualTo(0.7);
    assertThat(d.path("diagnostics").path("channels").fieldNames().next()).isEqualTo("pressure");
  }

  @Test
  void writes_the_error_body_of_a_validation_exception() throws Exception {
    var e = ValidationException.ofRecord(ValidationException.Code.INVALID_VALUE, 12, "pressure",
        "must be a finite number");
    JsonNode json = MAPPER.readTree(PredictionJson.errorBytes(e));
    assertThat(json.path("error").path("code").asText()).isEqualTo("invalid_value");
    assertThat(json.path("error").path("field").asText()).isEqualTo("sensor_batch[12].pressure");
    assertThat(json.path("error").path("message").asText())
        .isEqualTo("sensor_batch[12].pressure: must be a finite number");
    assertThat(json.size()).isEqualTo(1);
  }
}
