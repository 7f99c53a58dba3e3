package io.psa.dsp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.psa.dsp.SensorBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The normal signal: determinism, chunking, and the physics the other modules rely on. */
class SensorSimulatorTest {

  private static final SimulationSpec MINUTE = SimulationSpec.of(60_000);

  @Test
  void same_seed_gives_bit_identical_records() {
    SensorBatch a = new SensorSimulator(MINUTE).generate();
    SensorBatch b = new SensorSimulator(MINUTE).generate();

    assertThat(a.tsMs()).isEqualTo(b.tsMs());
    assertThat(a.values()).isDeepEqualTo(b.values());
  }

  @Test
  void another_seed_changes_every_channel() {
    SensorBatch a = new SensorSimulator(MINUTE).generate();
    SensorBatch b = new SensorSimulator(MINUTE.withSeed(43)).generate();

    for (int c = 0; c < 4; c++) {
      assertThat(Arrays.equals(a.channel(c), b.channel(c))).as("channel %d", c).isFalse();
    }
  }

  @Test
  void chunk_size_does_not_change_the_signal() {
    SensorBatch whole = new SensorSimulator(MINUTE).generate();
    List<SensorBatch> chunks = new ArrayList<>();
    new SensorSimulator(MINUTE).chunks(777).forEachRemaining(chunks::add);

    assertThat(chunks).hasSize(8); // 6,000 records: 7 full chunks and one of 561
    assertThat(chunks.getLast().size()).isEqualTo(561);
    int at = 0;
    for (SensorBatch chunk : chunks) {
      for (int i = 0; i < chunk.size(); i++, at++) {
        assertThat(chunk.tsMs()[i]).isEqualTo(whole.tsMs()[at]);
        for (int c = 0; c < 4; c++) {
          assertThat(chunk.values()[c][i]).isEqualTo(whole.values()[c][at]);
        }
      }
    }
    assertThat(at).isEqualTo(6_000);
  }

  @Test
  void a_channel_does_not_depend_on_which_others_are_simulated() {
    SensorBatch all = new SensorSimulator(MINUTE).generate();
    SensorBatch force = new SensorSimulator(MINUTE.withChannels(List.of("force"))).generate();

    assertThat(force.channel(0)).isEqualTo(all.channel(1));
  }

  @Test
  void timestamps_start_at_the_given_time_and_step_by_the_period() {
    var spec = SimulationSpec.of(10_000).withPeriodMs(20).withStartTsMs(1_700_000_000_000L);
    SensorBatch b = new SensorSimulator(spec).generate();

    assertThat(b.size()).isEqualTo(500);
    assertThat(b.tsMs()[0]).isEqualTo(1_700_000_000_000L);
    assertThat(b.tsMs()[499]).isEqualTo(1_700_000_009_980L);
  }

  @Test
  void levels_are_those_of_a_press_line() {
    SensorBatch b = new SensorSimulator(MINUTE).generate();

    assertThat(mean(b.channel(0))).isCloseTo(6.0, offset(0.05)); // bar
    assertThat(mean(b.channel(1))).isCloseTo(12.0, offset(0.1)); // kN
    assertThat(mean(b.channel(2))).isCloseTo(0.0, offset(0.01)); // g
    assertThat(mean(b.channel(3))).isBetween(43.9, 44.2); // C, first minute of the warm-up
    assertThat(correlation(b.channel(0), b.channel(1))).isGreaterThan(0.9);
  }

  @Test
  void pressure_repeats_with_the_one_second_press_cycle() {
    double[] p = new SensorSimulator(MINUTE).generate().channel(0);

    assertThat(autocorrelation(p, 100)).as("one stroke later").isGreaterThan(0.8);
    assertThat(autocorrelation(p, 50)).as("half a stroke later").isLessThan(-0.3);
  }

  @Test
  void temperature_warms_up_over_an_hour_streamed_in_chunks() {
    var spec = SimulationSpec.of(3_600_000).withChannels(List.of("temperature"));
    Iterator<SensorBatch> chunks = new SensorSimulator(spec).chunks(6_000); // one minute each
    double first = mean(chunks.next().channel(0));
    double last = first;
    int count = 1;
    while (chunks.hasNext()) {
      last = mean(chunks.next().channel(0));
      count++;
    }

    assertThat(count).isEqualTo(60);
    // 2 C * (1 - exp(-60 min / 30 min)) = 1.73 C between the first and the last minute
    assertThat(last - first).isCloseTo(1.73, offset(0.1));
  }

  static double mean(double[] x) {
    return Arrays.stream(x).average().orElseThrow();
  }

  private static double correlation(double[] x, double[] y) {
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static double autocorrelation(double[] x, int lag) {
    return correlation(
        Arrays.copyOfRange(x, 0, x.length - lag), Arrays.copyOfRange(x, lag, x.length));
  }
}
