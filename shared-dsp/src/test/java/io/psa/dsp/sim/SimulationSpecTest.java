package io.psa.dsp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Specs and anomalies reject what cannot be simulated, with a message saying what is wrong. */
class SimulationSpecTest {

  @Test
  void defaults_are_ten_ms_four_channels_seed_42() {
    SimulationSpec spec = SimulationSpec.of(10_000);

    assertThat(spec.periodMs()).isEqualTo(10);
    assertThat(spec.channels()).containsExactly("pressure", "force", "acceleration", "temperature");
    assertThat(spec.seed()).isEqualTo(42);
    assertThat(spec.recordCount()).isEqualTo(1_000);
  }

  @Test
  void rejects_an_anomaly_that_ends_after_the_signal() {
    var late = new Anomaly(AnomalyKind.SPIKE, "pressure", 9_000, 2_000);

    assertThatThrownBy(() -> SimulationSpec.of(10_000).withAnomalies(List.of(late)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("anomaly spike [9000, 11000) ms ends after the signal (10000 ms)");
  }

  @Test
  void rejects_an_anomaly_on_a_channel_the_signal_does_not_have() {
    var elsewhere = new Anomaly(AnomalyKind.STUCK, "flow", 0, 1_000);

    assertThatThrownBy(() -> SimulationSpec.of(10_000).withAnomalies(List.of(elsewhere)))
        .hasMessageContaining(
            "names channel 'flow', not one of [pressure, force, acceleration, temperature]");
  }

  @Test
  void rejects_repeated_and_reserved_channel_names() {
    assertThatThrownBy(() -> SimulationSpec.of(1_000).withChannels(List.of("force", "force")))
        .hasMessage("channel 'force' is listed twice");
    assertThatThrownBy(() -> SimulationSpec.of(1_000).withChannels(List.of("all")))
        .hasMessage("invalid channel name 'all'");
    assertThatThrownBy(() -> SimulationSpec.of(1_000).withChannels(List.of()))
        .hasMessage("at least one channel is needed");
  }

  @Test
  void rejects_a_duration_shorter_than_one_period() {
    assertThatThrownBy(() -> SimulationSpec.of(5))
        .hasMessageContaining("at least one period (10 ms), got 5 ms");
    assertThatThrownBy(() -> SimulationSpec.of(1_000).withPeriodMs(0))
        .hasMessage("period must be > 0 ms, got 0");
  }

  @Test
  void rejects_a_negative_start_and_an_empty_length() {
    assertThatThrownBy(() -> new Anomaly(AnomalyKind.DRIFT, "pressure", -1, 10))
        .hasMessage("anomaly start must be >= 0 ms, got -1");
    assertThatThrownBy(() -> new Anomaly(AnomalyKind.DRIFT, "pressure", 0, 0))
        .hasMessage("anomaly length must be > 0 ms, got 0");
  }

  @Test
  void anomaly_kinds_read_their_snake_case_ids_and_list_them_when_unknown() {
    assertThat(AnomalyKind.parse("noise_burst")).isEqualTo(AnomalyKind.NOISE_BURST);
    assertThat(AnomalyKind.parse(" Noise-Burst ")).isEqualTo(AnomalyKind.NOISE_BURST);
    assertThat(AnomalyKind.NOISE_BURST.id()).isEqualTo("noise_burst");
    assertThatThrownBy(() -> AnomalyKind.parse("glitch"))
        .hasMessage(
            "unknown anomaly kind 'glitch'; known kinds are spike, drift, noise_burst, stuck");
  }

  @Test
  void a_blank_channel_means_all_channels() {
    assertThat(new Anomaly(AnomalyKind.SPIKE, null, 0, 10).channel())
        .isEqualTo(Anomaly.ALL_CHANNELS);
    assertThat(new Anomaly(AnomalyKind.SPIKE, " ", 0, 10).affects("force")).isTrue();
    assertThat(new Anomaly(AnomalyKind.SPIKE, "pressure", 0, 10).affects("force")).isFalse();
  }
}
