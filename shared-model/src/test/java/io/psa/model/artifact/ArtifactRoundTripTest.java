package io.psa.model.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.model.Prediction;
import io.psa.model.scoring.ModelScorer;
import io.psa.model.testing.Models;
import io.psa.model.testing.SimData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactRoundTripTest {

  @ParameterizedTest
  @ValueSource(strings = {"isolation_forest", "pca"})
  void save_then_load_gives_bit_identical_scores(String kind, @TempDir Path dir) throws Exception {
    TrainedModel model = Models.model(kind);
    ArtifactWriter.write(dir, model, Models.info(kind), RuntimeInfo.current("test"));
    SensorBatch batch = SimData.withAnomalies(1, 8).generate();

    Prediction before = new ModelScorer(model).score(batch, "a", "r");
    Prediction after = ModelScorer.load(dir).score(batch, "a", "r");

    assertThat(after).isEqualTo(before);
    assertThat(after.windows()).hasSize(237);
  }

  @ParameterizedTest
  @ValueSource(strings = {"isolation_forest", "pca"})
  void the_manifest_records_model_pipeline_provenance_and_checksums(String kind, @TempDir Path dir)
      throws Exception {
    ArtifactWriter.write(dir, Models.model(kind), Models.info(kind), RuntimeInfo.current("9.9"));
    JsonNode m = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());

    assertThat(m.path("format").asText()).isEqualTo("psa-model");
    assertThat(m.path("format_version").asInt()).isEqualTo(ArtifactReader.FORMAT_VERSION);
    assertThat(m.path("model").path("detector").asText()).isEqualTo(kind);
    assertThat(m.path("model").path("version").asText()).isEqualTo("test-1");
    assertThat(m.path("pipeline").path("window_ms").asInt()).isEqualTo(1000);
    assertThat(m.path("channels")).hasSize(4);
    assertThat(m.path("feature_names").get(0).asText()).isEqualTo("pressure.rms");
    // the simulated temperature warms up: its level (mean, rms) is left out, 22 of 24 features
    assertThat(m.path("feature_names")).hasSize(22);
    assertThat(m.path("feature_names").toString()).doesNotContain("temperature.mean")
        .contains("temperature.ptp");
    assertThat(m.path("scaler").path("mean")).hasSize(22);
    JsonNode detection = m.path("detection");
    assertThat(detection.path("selection").path("channels").path("temperature").path("slow")
        .asBoolean()).isTrue();
    assertThat(detection.path("selection").path("channels").path("pressure").path("slow")
        .asBoolean()).isFalse();
    assertThat(detection.path("alarm").path("raw_threshold").isNumber()).isTrue();
    assertThat(detection.path("batch_calibration").path("rungs").size()).isGreaterThan(3);
    assertThat(m.path("calibration").path("direction").asText())
        .isEqualTo("higher_raw_is_more_anomalous");
    assertThat(m.path("calibration").path("threshold").asDouble()).isBetween(0.9, 1.0);
    assertThat(m.path("detector").path("kind").asText()).isEqualTo(kind);
    JsonNode training = m.path("training");
    assertThat(training.path("rows").asLong()).isEqualTo(12_000);
    assertThat(training.path("windows").asLong()).isEqualTo(444);
    assertThat(training.path("first_ts_ms").asLong()).isZero();
    assertThat(training.path("last_ts_ms").asLong()).isEqualTo(119_990);
    assertThat(training.path("seed").asLong()).isEqualTo(42);
    assertThat(training.path("hyperparameters").path("detector").asText()).isEqualTo(kind);
    assertThat(m.path("runtime").path("code").asText()).isEqualTo("9.9");
    assertThat(m.path("runtime").path("java").asText()).startsWith(Runtime.version().toString());
    String file = kind.equals("pca") ? "pca.bin" : "forest.ser";
    assertThat(m.path("files").path(file).asText()).isEqualTo(Checksums.sha256(dir.resolve(file)));
    assertThat(Files.readString(dir.resolve("manifest.sha256")))
        .isEqualTo(Checksums.sha256(dir.resolve("manifest.json")) + "  manifest.json\n");
  }
}
