package io.psa.model.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreCalibrationTest {

  /** 0, 1, ..., 999: every quantile is known in closed form. */
  private static double[] ramp() {
    double[] raw = new double[1000];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = i;
    }
    return raw;
  }

  @Test
  void threshold_is_the_calibrated_value_of_the_training_quantile() {
    ScoreCalibration c = CalibrationFitter.fit(ramp(), 0.995);
    // quantile 0.995 of 0..999 is 994.005, a knot at level 0.995, plotted at 0.995 * 1000 / 1001
    assertThat(c.threshold()).isCloseTo(0.995 * 1000 / 1001, within(1e-12));
    assertThat(c.apply(994.005)).isCloseTo(c.threshold(), within(1e-12));
  }

  @Test
  void about_the_quantile_share_of_training_scores_reaches_the_threshold() {
    double[] raw = ramp();
    ScoreCalibration c = CalibrationFitter.fit(raw, 0.99);
    long flagged = java.util.Arrays.stream(raw).filter(r -> c.apply(r) >= c.threshold()).count();
    assertThat(flagged).isEqualTo(10);
  }

  @Test
  void maps_below_the_training_minimum_to_zero_and_saturates_above_the_maximum() {
    ScoreCalibration c = CalibrationFitter.fit(ramp(), 0.995);
    assertThat(c.apply(-5)).isEqualTo(0.0);
    assertThat(c.apply(999)).isCloseTo(1000 / 1001.0, within(1e-15));
    // tau = max - median = 999 - 499.5; one tau above the maximum closes half the gap to 1
    assertThat(c.apply(999 + 499.5)).isCloseTo(1000 / 1001.0 + 0.5 / 1001.0, within(1e-15));
    // a thousand and a million tails above still differ
    assertThat(c.apply(999 + 499.5e6)).isGreaterThan(c.apply(999 + 499.5e3));
    assertThat(c.apply(1e300)).isEqualTo(1.0);
  }

  @Test
  void interpolates_linearly_between_percentile_knots() {
    ScoreCalibration c = CalibrationFitter.fit(ramp(), 0.995);
    // raw 504.495 is the 0.505 quantile, halfway between the knots at 0.50 and 0.51
    assertThat(c.apply(504.495)).isCloseTo(0.505 * 1000 / 1001, within(1e-12));
  }

  @Test
  void a_nan_raw_score_is_treated_as_maximally_anomalous() {
    assertThat(CalibrationFitter.fit(ramp(), 0.995).apply(Double.NaN)).isEqualTo(1.0);
  }

  @Test
  void constant_training_scores_still_give_a_valid_calibration() {
    ScoreCalibration c = CalibrationFitter.fit(new double[] {0.4, 0.4, 0.4}, 0.995);
    assertThat(c.threshold()).isEqualTo(0.75);
    assertThat(c.apply(0.4)).isEqualTo(0.75);
    assertThat(c.apply(0.41)).isGreaterThan(0.75).isLessThanOrEqualTo(1.0);
  }

  @Test
  void round_trips_through_the_manifest_json_with_its_direction() throws Exception {
    ScoreCalibration c = CalibrationFitter.fit(new double[] {0.31, 0.77, 0.1, 1 / 3.0, 0.52}, 0.9);
    ObjectMapper mapper = new ObjectMapper();
    @SuppressWarnings("unchecked")
    Map<String, Object> back = mapper.readValue(mapper.writeValueAsString(c.toMap()), Map.class);
    assertThat(back).containsEntry("direction", "higher_raw_is_more_anomalous");
    assertThat(ScoreCalibration.fromMap(back)).isEqualTo(c);
  }
}
