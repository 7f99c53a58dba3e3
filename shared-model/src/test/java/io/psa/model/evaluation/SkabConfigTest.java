package io.psa.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.dsp.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkabConfigTest {

  @TempDir Path dir;

  @Test
  void loads_the_built_in_skab_v1_by_name_with_a_causal_pipeline() throws IOException {
    SkabConfig c = SkabConfig.load("skab-v1");

    assertThat(c.name()).isEqualTo("skab-v1");
    assertThat(c.trainRows()).isEqualTo(400);
    assertThat(c.pipeline().lowpass()).isFalse();
    assertThat(c.pipeline().inputPeriodMs()).isEqualTo(1000);
    assertThat(c.pipeline().outputPeriodMs()).isEqualTo(1000);
    assertThat(c.drift().channels()).containsExactly("Temperature", "Thermocouple");
    assertThat(c.detectors()).extracting(SkabConfig.DetectorSpec::name)
        .contains("pca", "isolation_forest");
  }

  @Test
  void skab_v2_differs_from_v1_only_by_the_hold_of_the_neural_detectors() throws IOException {
    SkabConfig v1 = SkabConfig.load("skab-v1");
    SkabConfig v2 = SkabConfig.load("skab-v2");

    assertThat(v2.name()).isEqualTo("skab-v2");
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.pipeline()).isEqualTo(v1.pipeline());
    assertThat(v2.features()).isEqualTo(v1.features());
    for (int i = 0; i < v1.detectors().size(); i++) {
      SkabConfig.DetectorSpec d1 = v1.detectors().get(i);
      SkabConfig.DetectorSpec d2 = v2.detectors().get(i);
      assertThat(d2.name()).isEqualTo(d1.name());
      assertThat(d2.hyperparameters()).isEqualTo(d1.hyperparameters());
      AlarmRule a1 = v1.alarmOf(d1);
      AlarmRule a2 = v2.alarmOf(d2);
      assertThat(a1.hold()).isZero();
      assertThat(new AlarmRule(a2.quantile(), a2.margin(), a2.k(), a2.n())).isEqualTo(a1);
      boolean neural = d2.name().equals("lstm") || d2.name().equals("autoencoder");
      assertThat(a2.hold()).as(d2.name()).isEqualTo(neural ? 20 : 0);
    }
  }

  @Test
  void reads_a_file_and_writes_back_the_same_settings() throws IOException {
    SkabConfig c = SkabConfig.load("skab-v2");
    Path file = dir.resolve("copy.json");
    Files.writeString(file, new com.fasterxml.jackson.databind.ObjectMapper()
        .writeValueAsString(c.toMap()));

    assertThat(SkabConfig.load(file.toString()).toMap()).isEqualTo(c.toMap());
  }

  @Test
  void refuses_the_zero_phase_low_pass_because_it_looks_ahead() throws IOException {
    Path file = dir.resolve("lookahead.json");
    Files.writeString(file, """
        {"name": "x", "pipeline": {"input_period_ms": 1000, "output_period_ms": 1000,
          "lowpass_hz": 0.2, "window_ms": 5000, "stride_ms": 1000},
         "detectors": [{"name": "pca"}]}""");

    assertThatThrownBy(() -> SkabConfig.load(file.toString()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("looks ahead")
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("config.pipeline.lowpass_hz");
  }

  @Test
  void an_unknown_name_is_an_input_error_naming_the_built_in_ones() {
    assertThatThrownBy(() -> SkabConfig.load("skab-v9"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("skab-v1");
  }

  @Test
  void a_detector_may_carry_its_own_threshold() throws IOException {
    Path file = dir.resolve("own.json");
    Files.writeString(file, """
        {"name": "x", "threshold": {"quantile": 0.99, "margin": 1},
         "pipeline": {"input_period_ms": 1000, "output_period_ms": 1000, "lowpass_hz": 0,
          "window_ms": 5000, "stride_ms": 1000},
         "detectors": [{"name": "pca"}, {"name": "isolation_forest", "threshold": {"margin": 0.25}}]}""");

    SkabConfig c = SkabConfig.load(file.toString());

    assertThat(c.alarmOf(c.detectors().get(0))).isEqualTo(new AlarmRule(0.99, 1, 1, 1));
    assertThat(c.alarmOf(c.detectors().get(1))).isEqualTo(new AlarmRule(0.99, 0.25, 1, 1));
  }

  @Test
  void only_finds_a_listed_detector_by_its_alias_and_keeps_its_settings() throws IOException {
    SkabConfig c = SkabConfig.load("skab-v1");

    SkabConfig only = c.only("if");

    assertThat(only.detectors()).extracting(SkabConfig.DetectorSpec::name)
        .containsExactly("isolation_forest");
    assertThat(only.alarmOf(only.detectors().getFirst()))
        .isEqualTo(c.alarmOf(c.detectors().get(1)));
  }
}
