package io.psa.dsp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.psa.dsp.SensorBatch;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each anomaly changes its channel in its interval and nowhere else, with the documented size, and
 * its label gives exactly that interval.
 */
class AnomalyInjectionTest {

  private static final long START_TS = 1_700_000_000_000L;
  private static final SimulationSpec BASE = SimulationSpec.of(20_000).withStartTsMs(START_TS);

  /** Pressure's normal variation, the unit of anomaly amplitudes (ChannelProfile). */
  private static final double PRESSURE_SCALE = 0.22;

  private static SensorBatch generate(SimulationSpec spec) {
    return new SensorSimulator(spec).generate();
  }

  @ParameterizedTest
  @EnumSource(AnomalyKind.class)
  void an_anomaly_changes_its_channel_inside_its_interval_only(AnomalyKind kind) {
    var anomaly = new Anomaly(kind, "pressure", 5_000, 3_000);
    SensorBatch normal = generate(BASE);
    SensorBatch changed = generate(BASE.withAnomalies(List.of(anomaly)));
    AnomalyLabel label =
        new SensorSimulator(BASE.withAnomalies(List.of(anomaly))).labels().getFirst();

    assertThat(label)
        .isEqualTo(new AnomalyLabel(kind, "pressure", START_TS + 5_000, START_TS + 8_000));
    int differing = 0;
    for (int i = 0; i < normal.size(); i++) {
      long ts = normal.tsMs()[i];
      boolean differs = normal.values()[0][i] != changed.values()[0][i];
      if (!label.covers(ts)) {
        assertThat(differs).as("pressure at %d, outside the label", ts).isFalse();
      }
      differing += differs ? 1 : 0;
      for (int c = 1; c < 4; c++) {
        assertThat(changed.values()[c][i])
            .as("channel %d at %d", c, ts)
            .isEqualTo(normal.values()[c][i]);
      }
    }
    int first = 500; // the record at 5,000 ms
    assertThat(changed.values()[0][first])
        .as("first record of the interval")
        .isNotEqualTo(normal.values()[0][first]);
    // at least 3 spikes of >= 5 records fit in 3 s; the other kinds change every record
    assertThat(differing).isBetween(kind == AnomalyKind.SPIKE ? 15 : 300, 300);
  }

  @Test
  void a_spike_is_five_to_ten_times_the_normal_variation() {
    double[] diff = difference(new Anomaly(AnomalyKind.SPIKE, "pressure", 5_000, 3_000));
    double peak = 0;
    for (double d : diff) {
      peak = Math.max(peak, Math.abs(d));
    }
    // the half-sine's crest is sampled at most half a period from its top
    assertThat(peak).isBetween(5 * PRESSURE_SCALE * 0.95, 10 * PRESSURE_SCALE);
  }

  @Test
  void a_drift_ramps_linearly_to_four_to_eight_times_the_normal_variation() {
    double[] diff = difference(new Anomaly(AnomalyKind.DRIFT, "pressure", 5_000, 3_000));
    double end = diff[799]; // last record of the interval

    assertThat(Math.abs(end)).isBetween(4 * PRESSURE_SCALE, 8 * PRESSURE_SCALE);
    assertThat(diff[649]).as("half way").isCloseTo(end / 2, offset(1e-9));
  }

  @Test
  void a_noise_burst_adds_noise_of_five_to_ten_times_the_normal_variation() {
    double[] diff = difference(new Anomaly(AnomalyKind.NOISE_BURST, "pressure", 5_000, 3_000));
    double sum = 0;
    for (int i = 500; i < 800; i++) {
      sum += diff[i] * diff[i];
    }
    double sigma = Math.sqrt(sum / 300);
    // 300 draws estimate a standard deviation within about 10 %
    assertThat(sigma).isBetween(5 * PRESSURE_SCALE * 0.8, 10 * PRESSURE_SCALE * 1.2);
  }

  @Test
  void a_stuck_sensor_repeats_its_last_reading_before_the_interval() {
    var stuck = new Anomaly(AnomalyKind.STUCK, "pressure", 5_000, 3_000);
    double[] p = generate(BASE.withAnomalies(List.of(stuck))).channel(0);

    for (int i = 500; i < 800; i++) {
      assertThat(p[i]).isEqualTo(p[499]);
    }
    assertThat(p[800]).isNotEqualTo(p[499]);
  }

  @Test
  void an_anomaly_on_all_channels_changes_every_channel_and_keeps_the_channel_all_in_its_label() {
    var all = Anomaly.onAll(AnomalyKind.NOISE_BURST, 1_000, 500);
    SensorBatch normal = generate(BASE);
    var simulator = new SensorSimulator(BASE.withAnomalies(List.of(all)));
    SensorBatch changed = simulator.generate();

    for (int c = 0; c < 4; c++) {
      assertThat(changed.values()[c][100]).isNotEqualTo(normal.values()[c][100]);
      assertThat(changed.values()[c][150]).isEqualTo(normal.values()[c][150]);
    }
    assertThat(simulator.labels())
        .containsExactly(
            new AnomalyLabel(AnomalyKind.NOISE_BURST, "all", START_TS + 1_000, START_TS + 1_500));
  }

  @Test
  void anomalies_are_as_deterministic_as_the_normal_signal() {
    var spec = BASE.withAnomalies(List.of(new Anomaly(AnomalyKind.SPIKE, "force", 2_000, 10_000)));

    assertThat(generate(spec).values()).isDeepEqualTo(generate(spec).values());
    assertThat(generate(spec).channel(1)).isNotEqualTo(generate(spec.withSeed(7)).channel(1));
  }

  /** The anomalous minus the normal pressure. */
  private static double[] difference(Anomaly anomaly) {
    double[] normal = generate(BASE).channel(0);
    double[] changed = generate(BASE.withAnomalies(List.of(anomaly))).channel(0);
    double[] diff = new double[normal.length];
    for (int i = 0; i < diff.length; i++) {
      diff[i] = changed[i] - normal[i];
    }
    return diff;
  }
}
