package io.psa.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.dsp.ValidationException;
import io.psa.model.training.TrainingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkabConfigTest {

  @TempDir Path dir;

  @Test
  void loads_the_built_in_skab_v3_by_name_as_training_settings_of_the_product() throws IOException {
    SkabConfig c = SkabConfig.load("skab-v3");

    assertThat(c.name()).isEqualTo("skab-v3");
    assertThat(c.version()).isEqualTo(3);
    assertThat(c.trainRows()).isEqualTo(400);
    assertThat(c.anomalyFreePieces()).isEqualTo(8);
    assertThat(c.detectors()).extracting(SkabConfig.DetectorSpec::name)
        .containsExactly("pca", "isolation_forest", "autoencoder", "lstm");
    TrainingSettings pca = c.settingsFor(c.detectors().getFirst(), List.of("a", "b"), "m");
    assertThat(pca.config().lowpass()).isFalse();
    assertThat(pca.config().inputPeriodMs()).isEqualTo(1000);
    assertThat(pca.config().windowMs()).isEqualTo(10_000);
    assertThat(pca.detection().features()).containsExactly("mean", "ptp");
    assertThat(pca.detection().slowMinSamples()).isEqualTo(100);
    assertThat(pca.channels()).containsExactly("a", "b");
    assertThat(pca.detectorParams()).containsEntry("pca_variance", "0.95");
  }

  @Test
  void reads_a_file_and_writes_back_the_same_settings() throws IOException {
    SkabConfig c = SkabConfig.load(SkabConfig.DEFAULT);
    Path file = dir.resolve("c.json");
    new com.fasterxml.jackson.databind.ObjectMapper().writeValue(file.toFile(), c.toMap());

    assertThat(SkabConfig.load(file.toString()).toMap()).isEqualTo(c.toMap());
  }

  @Test
  void refuses_the_zero_phase_low_pass_because_it_looks_ahead() throws IOException {
    Path file = dir.resolve("c.json");
    Files.writeString(file, """
        {"name": "x", "settings": {"lowpass_hz": 0.2, "input_period_ms": 1000,
          "output_period_ms": 1000, "window_ms": 10000, "stride_ms": 1000},
         "detectors": [{"name": "pca"}]}""");

    assertThatThrownBy(() -> SkabConfig.load(file.toString()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("looks ahead")
        .extracting(e -> ((ValidationException) e).field()).isEqualTo("config.lowpass_hz");
  }

  @Test
  void refuses_a_misspelt_setting_naming_it_before_any_work() throws IOException {
    Path file = dir.resolve("c.json");
    Files.writeString(file, """
        {"name": "x", "settings": {"alarm_hodl_s": 20, "lowpass_hz": 0},
         "detectors": [{"name": "pca"}]}""");

    assertThatThrownBy(() -> SkabConfig.load(file.toString()))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field()).isEqualTo("config.alarm_hodl_s");
  }

  @Test
  void an_unknown_name_is_an_input_error_naming_the_built_in_one() {
    assertThatThrownBy(() -> SkabConfig.load("skab-v9"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("config: \"skab-v9\" is neither a built-in SKAB configuration (skab-v3) nor a"
            + " readable file")
        .extracting(e -> ((ValidationException) e).field()).isEqualTo("config");
  }

  @Test
  void a_detector_setting_overrides_the_shared_one() throws IOException {
    Path file = dir.resolve("c.json");
    Files.writeString(file, """
        {"name": "x", "settings": {"threshold_margin": "1", "lowpass_hz": 0},
         "detectors": [{"name": "pca"},
                       {"name": "if", "settings": {"threshold_margin": 0.25}}]}""");
    SkabConfig c = SkabConfig.load(file.toString());

    assertThat(c.settingsFor(c.detectors().get(0), List.of("a"), "m").detection()
        .thresholdMargin()).isEqualTo(1);
    assertThat(c.settingsFor(c.detectors().get(1), List.of("a"), "m").detection()
        .thresholdMargin()).isEqualTo(0.25);
  }

  @Test
  void only_finds_a_listed_detector_by_its_alias_and_keeps_its_settings() throws IOException {
    SkabConfig only = SkabConfig.load(SkabConfig.DEFAULT).only("if");

    assertThat(only.detectors()).extracting(SkabConfig.DetectorSpec::name)
        .containsExactly("isolation_forest");
    assertThat(only.detectors().getFirst().settings()).containsEntry("if_trees", "200");
    assertThat(only.detectors().getFirst().exclusive()).isTrue();
  }
}
