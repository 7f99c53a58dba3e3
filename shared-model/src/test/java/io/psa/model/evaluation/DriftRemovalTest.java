package io.psa.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftRemovalTest {

  private static final long[] TS = {0, 1000, 2000, 4000};

  @Test
  void replaces_a_slow_channel_by_its_deviation_from_the_ewma_using_the_real_time_steps() {
    SensorBatch batch = SensorBatch.of(List.of("temp", "flow"), TS,
        new double[][] {{10, 20, 20, 20}, {1, 2, 3, 4}});

    SensorBatch out = new DriftRemoval(List.of("temp"), 2).apply(batch);

    double a1 = 1 - Math.exp(-0.5);
    double b1 = 10 + a1 * 10;
    double b2 = b1 + a1 * (20 - b1);
    double b3 = b2 + (1 - Math.exp(-1)) * (20 - b2); // a 2 s step weighs more
    assertThat(out.channel(0)).containsExactly(new double[] {0, 20 - b1, 20 - b2, 20 - b3},
        within(1e-12));
    assertThat(out.channel(1)).containsExactly(1, 2, 3, 4);
  }

  @Test
  void a_ramp_much_slower_than_the_time_constant_leaves_only_a_small_constant_lag() {
    int n = 5000;
    long[] ts = new long[n];
    double[] ramp = new double[n];
    for (int i = 0; i < n; i++) {
      ts[i] = 1000L * i;
      ramp[i] = 0.001 * i; // 3.6 degrees an hour
    }
    SensorBatch out = new DriftRemoval(List.of("t"), 300)
        .apply(SensorBatch.of(List.of("t"), ts, new double[][] {ramp}));

    // the EWMA lags a ramp of slope s by about s * tau: here 0.3, nearly constant, not growing
    assertThat(out.channel(0)[n - 1]).isCloseTo(0.3, within(0.01));
    assertThat(out.channel(0)[n - 1] - out.channel(0)[n - 1000]).isCloseTo(0, within(1e-3));
  }

  @Test
  void rejects_a_slow_channel_the_data_does_not_have() {
    SensorBatch batch = SensorBatch.of(List.of("flow"), TS, new double[][] {{1, 2, 3, 4}});

    assertThatThrownBy(() -> new DriftRemoval(List.of("Temperature"), 300).apply(batch))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Temperature")
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("config.slow_drift.channels");
  }
}
