package io.psa.dsp.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumpySumTest {

  @Test
  void adds_short_runs_in_order() {
    // in order: (1e16 + 1) + 1 loses both ones
    assertThat(NumpySum.pairwise(new double[] {1e16, 1, 1}, 0, 3)).isEqualTo(1e16);
  }

  @Test
  void adds_eight_interleaved_accumulators_like_numpy() {
    // numpy.sum([1e16, 1, 1, 1, 1, 1, 1, 1, 1]) == 1e16 + 8: r1..r7 keep their ones, the
    // leftover one is added last (sequential summation would return 1e16)
    double[] x = {1e16, 1, 1, 1, 1, 1, 1, 1, 1};
    assertThat(NumpySum.pairwise(x, 0, 9)).isEqualTo(1e16 + 8);
  }

  @Test
  void splits_long_runs_at_a_multiple_of_eight() {
    double[] x = new double[300];
    x[0] = 1e16;
    for (int i = 144; i < 300; i++) {
      x[i] = 1;
    }
    // halves [0, 144) and [144, 300): the second sums its 156 ones exactly before meeting 1e16
    assertThat(NumpySum.pairwise(x, 0, 300)).isEqualTo(1e16 + 156);
  }
}
