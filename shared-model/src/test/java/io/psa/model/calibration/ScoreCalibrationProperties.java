package io.psa.model.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class ScoreCalibrationProperties {

  @Property(tries = 300)
  void calibrated_scores_lie_in_the_unit_interval(
      @ForAll @Size(min = 2, max = 300) double[] training,
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double x,
      @ForAll @DoubleRange(min = 0.5, max = 1) double quantile) {
    ScoreCalibration c = CalibrationFitter.fit(finite(training), quantile);
    assertThat(c.apply(x)).isBetween(0.0, 1.0);
    assertThat(c.threshold()).isBetween(0.0, 1.0);
  }

  @Property(tries = 300)
  void calibration_is_monotone_non_decreasing(
      @ForAll @Size(min = 2, max = 300) double[] training,
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double a,
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double b) {
    ScoreCalibration c = CalibrationFitter.fit(finite(training), 0.995);
    double lo = Math.min(a, b);
    double hi = Math.max(a, b);
    assertThat(c.apply(lo)).isLessThanOrEqualTo(c.apply(hi));
  }

  @Property(tries = 300)
  void larger_raw_scores_above_the_training_maximum_still_rank_higher(
      @ForAll @Size(min = 2, max = 300) double[] training,
      @ForAll @DoubleRange(min = 0, max = 1e6) double d1,
      @ForAll @DoubleRange(min = 0, max = 1e6) double d2) {
    double[] t = finite(training);
    ScoreCalibration c = CalibrationFitter.fit(t, 0.995);
    double max = java.util.Arrays.stream(t).max().orElseThrow();
    double xlo = max + Math.min(d1, d2) * c.tailScale();
    double xhi = max + Math.max(d1, d2) * c.tailScale();
    // the distances as represented after rounding x (tiny tail scales lose digits)
    double lo = (xlo - max) / c.tailScale();
    double hi = (xhi - max) / c.tailScale();
    if (hi - lo > 1e-3 * (1 + hi)) {
      // d in units of the tail scale: strictly increasing for a million scales past the maximum
      assertThat(c.apply(xhi)).isGreaterThan(c.apply(xlo));
    }
  }

  /** jqwik's doubles include NaN and infinities; training scores are finite by contract. */
  private static double[] finite(double[] xs) {
    double[] out = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = Double.isFinite(xs[i]) ? Math.max(-1e6, Math.min(1e6, xs[i])) : i;
    }
    return out;
  }
}
