package io.psa.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.dsp.PipelineConfig;
import io.psa.dsp.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingSettingsTest {

  private static String fieldOf(Map<String, String> map) {
    try {
      TrainingSettings.fromMap(map);
    } catch (ValidationException e) {
      return e.field();
    }
    throw new AssertionError("accepted " + map);
  }

  @Test
  void defaults_are_the_documented_ones() {
    TrainingSettings s = TrainingSettings.fromMap(Map.of());
    assertThat(s.detector()).isEqualTo("isolation_forest");
    assertThat(s.seed()).isEqualTo(42);
    assertThat(s.detection().thresholdQuantile()).isEqualTo(0.995);
    assertThat(s.modelName()).isEqualTo("default");
    assertThat(s.modelVersion()).isNull();
    assertThat(s.channels()).containsExactly("pressure", "force", "acceleration", "temperature");
    assertThat(s.config()).isEqualTo(PipelineConfig.defaults());
  }

  @Test
  void reads_sagemaker_string_hyperparameters() {
    TrainingSettings s = TrainingSettings.fromMap(Map.of(
        "detector", "if", "seed", "7", "threshold_quantile", "0.99", "model_name", "press-7",
        "window_ms", "2000", "lowpass_hz", "off", "kalman", "{\"q\": 0.01, \"r\": 1}",
        "if_trees", "300", "channels", "a, b", "sagemaker_program", "ignored"));
    assertThat(s.detector()).isEqualTo("isolation_forest");
    assertThat(s.seed()).isEqualTo(7);
    assertThat(s.config().windowMs()).isEqualTo(2000);
    assertThat(s.config().lowpass()).isFalse();
    assertThat(s.config().kalman().q()).isEqualTo(0.01);
    assertThat(s.detectorParams()).containsExactly(Map.entry("if_trees", "300"));
    assertThat(s.channels()).containsExactly("a", "b");
  }

  @Test
  void every_bad_key_is_named_in_the_error() {
    assertThat(fieldOf(Map.of("seed", "x"))).isEqualTo("config.seed");
    assertThat(fieldOf(Map.of("threshold_quantile", "1.5"))).isEqualTo("config.threshold_quantile");
    assertThat(fieldOf(Map.of("model_name", "a b"))).isEqualTo("config.model_name");
    assertThat(fieldOf(Map.of("window_ms", "333"))).isEqualTo("config.window_ms");
    assertThat(fieldOf(Map.of("detector", "svm"))).isEqualTo("config.detector");
    assertThat(fieldOf(Map.of("windw_ms", "1000"))).isEqualTo("config.windw_ms");
    assertThat(fieldOf(Map.of("channels", "a,a"))).isEqualTo("config.channels");
    assertThat(fieldOf(Map.of("kalman", "{q: 1}"))).isEqualTo("config.kalman");
  }

  @Test
  void another_detectors_key_is_rejected_naming_it() {
    assertThatThrownBy(() -> TrainingSettings.fromMap(Map.of("detector", "pca", "if_trees", "9")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("config.if_trees: unknown key for detector pca");
  }

  @Test
  void the_effective_map_reads_back_to_equal_settings() {
    TrainingSettings s = TrainingSettings.fromMap(Map.of("detector", "pca", "seed", "3",
        "kalman", "{\"q\": 0.5, \"r\": 2}", "pca_variance", "0.9", "model_version", "v7"));
    assertThat(TrainingSettings.fromMap(s.toMap())).isEqualTo(s);
  }
}
