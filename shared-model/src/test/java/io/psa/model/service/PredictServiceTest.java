package io.psa.model.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.dsp.testing.BatchText;
import io.psa.model.scoring.ModelScorer;
import io.psa.model.testing.Models;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one exchange every edge runs: bytes and a media type in, the docs/api.md answer out. */
class PredictServiceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ModelScorer scorer = new ModelScorer(Models.model("pca"));
  private final PredictService service = new PredictService(() -> scorer, 200_000);
  private final SensorBatch tenSeconds = new SensorSimulator(SimulationSpec.of(10_000)).generate();

  private static JsonNode json(PredictService.Answer a) throws IOException {
    return JSON.readTree(a.body());
  }

  @Test
  void a_predict_body_is_scored_as_the_scorer_scores_the_batch() throws IOException {
    byte[] body = BatchText.utf8(BatchText.predictBody(tenSeconds, "press-9", null));
    PredictService.Answer a = service.answer(body, "application/json; charset=utf-8", null, "req-1");

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.contentType()).isEqualTo("application/json");
    assertThat(a.prediction().windows()).isEqualTo(scorer.score(tenSeconds, "press-9", "x").windows());
    assertThat(json(a).path("request_id").asText()).isEqualTo("req-1");
    assertThat(json(a).path("asset_id").asText()).isEqualTo("press-9");
  }

  @Test
  void csv_in_and_csv_out() {
    byte[] csv = BatchText.utf8(BatchText.csv(tenSeconds));
    PredictService.Answer a = service.answer(csv, "text/csv", "text/csv", "req-2");

    assertThat(a.status()).isEqualTo(200);
    assertThat(new String(a.body(), StandardCharsets.UTF_8))
        .startsWith(WindowRows.CSV_HEADER + "\nreq-2,").hasLineCount(38);
  }

  @Test
  void each_refusal_has_its_status_code_and_field() throws IOException {
    byte[] ok = BatchText.utf8(BatchText.predictBody(tenSeconds));
    byte[] bad = BatchText.utf8(BatchText.predictBody(tenSeconds).replaceFirst("\"pressure\":[^,]*,", "\"pressure\":null,"));
    byte[] config = BatchText.utf8(BatchText.predictBody(tenSeconds, null, "{\"window_ms\": 2000}"));

    assertThat(service.answer(ok, "text/plain", null, "r").status()).isEqualTo(415);
    assertThat(service.answer(ok, "application/json", "image/png", "r").status()).isEqualTo(406);
    assertThat(service.answer(new byte[200_001], "application/json", null, "r").status()).isEqualTo(413);
    PredictService.Answer invalid = service.answer(bad, "application/json", null, "r");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(json(invalid).at("/error/field").asText()).isEqualTo("sensor_batch[0].pressure");
    PredictService.Answer mismatch = service.answer(config, "application/json", null, "r");
    assertThat(json(mismatch).at("/error/code").asText()).isEqualTo("invalid_config");
    assertThat(json(mismatch).at("/error/field").asText()).isEqualTo("config");
  }

  @Test
  void no_model_is_a_503_and_a_fault_is_a_500_naming_only_the_request_id() throws IOException {
    PredictService loading = new PredictService(() -> {
      throw new ApiException(ErrorCode.MODEL_NOT_LOADED, "the model is still loading; retry shortly");
    }, 1000);
    PredictService faulty = new PredictService(() -> {
      throw new IllegalStateException("secret internals");
    }, 1000);

    PredictService.Answer a = loading.answer(new byte[10], "application/json", null, "r");
    PredictService.Answer b = faulty.answer(new byte[10], "application/json", null, "req-9");

    assertThat(a.status()).isEqualTo(503);
    assertThat(json(a).at("/error/code").asText()).isEqualTo("model_not_loaded");
    assertThat(b.status()).isEqualTo(500);
    assertThat(b.error().internal()).isTrue();
    assertThat(json(b).at("/error/message").asText()).isEqualTo("internal error; request id req-9");
  }
}
