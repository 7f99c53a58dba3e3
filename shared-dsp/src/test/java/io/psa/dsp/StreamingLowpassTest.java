package io.psa.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.dsp.filter.Butterworth;
import io.psa.dsp.filter.Sos;
import io.psa.dsp.filter.SosKernel;
import io.psa.dsp.filter.ZeroPhaseFilter;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamingLowpassTest {

  @ParameterizedTest
  @CsvSource({"4, 8, 100", "1, 8, 100", "6, 20, 200", "10, 0.5, 100", "9, 45, 100"})
  void after_the_overlap_a_wrong_start_state_has_died_out_below_1e_minus_13(
      int order, double cutoff, double fs) {
    Sos sos = Butterworth.lowpass(order, cutoff, fs);
    int overlap = new StreamingLowpass(new ZeroPhaseFilter(sos), 1, null).overlap();
    SplittableRandom random = new SplittableRandom(order);
    double[] x = new double[overlap + 1];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
    }
    double[] exact = x.clone();
    double[] perturbed = x.clone();
    double[] state = new double[2 * sos.sections()];
    double[] wrong = new double[state.length];
    for (int j = 0; j < wrong.length; j++) {
      // a start state off by the signal's own scale in every component
      wrong[j] = state[j] + random.nextGaussian();
    }
    SosKernel.run(sos, state, exact, x.length - 1, x.length, -1);
    SosKernel.run(sos, wrong, perturbed, x.length - 1, x.length, -1);
    assertThat(Math.abs(exact[0] - perturbed[0])).isLessThan(1e-13);
    assertThat(Math.abs(exact[x.length - 1] - perturbed[x.length - 1])).isGreaterThan(1e-6);
  }

  @ParameterizedTest
  @CsvSource({"0.83, 2, 250, 320", "0.995, 5, 15000, 30000"})
  void picks_an_overlap_that_grows_with_the_pole_radius_and_section_count(
      double rho, int sections, int atLeast, int atMost) {
    int l = StreamingLowpass.overlap(rho, sections);
    assertThat(l).isBetween(atLeast, atMost);
    double bound = sections * Math.log(l) + l * Math.log(rho);
    assertThat(bound).isLessThanOrEqualTo(Math.log(1e-16) + sections * Math.log1p(-rho));
  }
}
