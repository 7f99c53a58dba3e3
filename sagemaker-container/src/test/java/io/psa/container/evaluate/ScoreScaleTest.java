package io.psa.container.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoreScaleTest {

  @Test
  void scores_up_to_five_thresholds_are_scaled_to_fit_and_none_is_clipped() {
    double[] modest = {0.1, 0.4, 2.9, Double.NaN, 0.2};
    double[] higher = {0.1, 4.2, 0.3};

    assertThat(ScoreScale.fit(modest)).isEqualTo(new ScoreScale(0, 3));
    assertThat(ScoreScale.fit(higher)).isEqualTo(new ScoreScale(0, 5));
    assertThat(ScoreScale.fit(modest).clips(modest)).isEmpty();
    assertThat(ScoreScale.fit(higher).clips(higher)).isEmpty();
  }

  @Test
  void scores_below_the_training_median_lower_the_bottom_by_half_thresholds() {
    assertThat(ScoreScale.fit(new double[] {-0.2, 1}).bottom()).isEqualTo(-0.5);
    assertThat(ScoreScale.fit(new double[] {-0.83, 1}).bottom()).isEqualTo(-1);
  }

  @Test
  void higher_scores_are_clipped_in_stretches_each_with_its_peak() {
    double[] scores = {0.2, 7, 40, 12, 0.5, Double.NaN, 6, 0.1};

    ScoreScale scale = ScoreScale.fit(scores);

    assertThat(scale.top()).isEqualTo(5);
    assertThat(scale.clips(scores)).containsExactly(
        new ScoreScale.Clip(1, 4, 2, 40), new ScoreScale.Clip(6, 7, 6, 6));
    assertThat(scale.clips(scores).getFirst().label()).isEqualTo("40.0");
  }

  @Test
  void peaks_are_written_with_three_significant_digits_or_whole() {
    assertThat(ScoreScale.format(5.98)).isEqualTo("5.98");
    assertThat(ScoreScale.format(26.12)).isEqualTo("26.1");
    assertThat(ScoreScale.format(5000.96)).isEqualTo("5001");
  }
}
