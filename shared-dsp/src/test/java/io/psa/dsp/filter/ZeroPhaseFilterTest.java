package io.psa.dsp.filter;

import static io.psa.dsp.testing.Tolerance.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.psa.dsp.testing.Golden;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZeroPhaseFilterTest {

  @Test
  void matches_the_golden_sosfiltfilt_outputs() {
    assertFilters(Golden.load("sosfiltfilt.json"), 3);
  }

  @Test
  void matches_scipy_on_odd_lengths_down_to_padlen_plus_one_for_odd_and_even_orders() {
    assertFilters(Golden.load("ref-sosfiltfilt.json"), 35);
  }

  @Test
  void filters_four_channels_at_once_exactly_as_one_at_a_time() {
    ZeroPhaseFilter filter = new ZeroPhaseFilter(Butterworth.lowpass(4, 8, 100));
    SplittableRandom random = new SplittableRandom(7);
    int n = 333;
    double[][] xs = new double[5][n];
    for (double[] x : xs) {
      for (int i = 0; i < n; i++) {
        x[i] = random.nextGaussian();
      }
    }
    double[][] one = new double[5][];
    for (int c = 0; c < 5; c++) {
      one[c] = xs[c].clone();
      filter.filter(one[c], n);
    }
    double[][] work = new double[5][filter.workLength(n)];
    filter.filter(xs, 5, n, work, new double[5][4]);
    for (int c = 0; c < 5; c++) {
      assertThat(xs[c]).as("channel %d", c).containsExactly(one[c]);
    }
  }

  @Test
  void rejects_a_signal_of_padlen_samples() {
    ZeroPhaseFilter filter = new ZeroPhaseFilter(Butterworth.lowpass(4, 8, 100));
    assertThatThrownBy(() -> filter.filter(new double[15], 15))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 15");
  }

  @Test
  void odd_extension_mirrors_the_signal_through_its_end_points() {
    double[] ext = new double[4 + 2 * 2];
    ZeroPhaseFilter.oddExtend(new double[] {1, 2, 4, 8}, 4, 2, ext);
    assertThat(ext).containsExactly(-2, 0, 1, 2, 4, 8, 12, 14);
  }

  private static void assertFilters(JsonNode cases, int expectedCount) {
    assertThat(cases.size()).isEqualTo(expectedCount);
    for (JsonNode c : cases) {
      Sos sos = Butterworth.lowpass(
          c.get("order").intValue(), c.get("cutoff_hz").doubleValue(), c.get("fs_hz").doubleValue());
      if (c.has("padlen")) {
        assertThat(sos.padlen()).isEqualTo(c.get("padlen").intValue());
      }
      double[] x = Golden.doubles(c.get("x"));
      new ZeroPhaseFilter(sos).filter(x, x.length);
      assertClose(Golden.doubles(c.get("y")), x,
          "sosfiltfilt order " + c.get("order") + " n=" + x.length);
    }
  }
}
