package io.psa.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.dsp.ValidationException;
import org.junit.jupiter.api.Test;

class AlarmRuleTest {

  /** 0, 1, ..., 100: the quantile at 0.9 is 90, the median 50. */
  private static final double[] TRAINING = java.util.stream.IntStream.rangeClosed(0, 100)
      .asDoubleStream().toArray();

  @Test
  void threshold_is_the_quantile_plus_margin_times_its_distance_to_the_median() {
    assertThat(new AlarmRule(0.9, 0, 1, 1).threshold(TRAINING)).isEqualTo(90.0);
    assertThat(new AlarmRule(0.9, 1.5, 1, 1).threshold(TRAINING)).isEqualTo(90 + 1.5 * 40);
  }

  @Test
  void threshold_follows_a_shift_and_scale_of_the_scores() {
    double[] moved = java.util.Arrays.stream(TRAINING).map(x -> 3 * x - 7).toArray();

    assertThat(new AlarmRule(0.9, 1.5, 1, 1).threshold(moved)).isEqualTo(3 * 150.0 - 7);
  }

  @Test
  void k_of_n_alarms_only_once_k_of_the_last_n_windows_reach_the_threshold() {
    double[] raw = {5, 0, 5, 5, 0, 0, 0, 5, 5, 5};

    assertThat(new AlarmRule(0.5, 0, 2, 3).decide(raw, 5))
        .containsExactly(false, false, true, true, true, false, false, false, true, true);
    assertThat(new AlarmRule(0.5, 0, 1, 1).decide(raw, 5))
        .containsExactly(true, false, true, true, false, false, false, true, true, true);
  }

  @Test
  void hold_keeps_an_alarm_on_for_that_many_windows_after_the_rule_last_fired() {
    double[] raw = {5, 5, 0, 0, 0, 0, 5, 0, 5, 0};

    // 2 of 3 fires at windows 1, 2 and 8; a hold of 2 extends each firing by two windows
    assertThat(new AlarmRule(0.5, 0, 2, 3, 0).decide(raw, 5))
        .containsExactly(false, true, true, false, false, false, false, false, true, false);
    assertThat(new AlarmRule(0.5, 0, 2, 3, 2).decide(raw, 5))
        .containsExactly(false, true, true, true, true, false, false, false, true, true);
  }

  @Test
  void hold_looks_only_backwards_so_a_cut_series_keeps_its_decisions() {
    double[] raw = {0, 5, 0, 0, 0, 5, 5, 0, 0, 0, 0, 0};
    AlarmRule rule = new AlarmRule(0.5, 0, 1, 2, 3);
    boolean[] whole = rule.decide(raw, 5);

    for (int k = 1; k <= raw.length; k++) {
      boolean[] cut = rule.decide(java.util.Arrays.copyOf(raw, k), 5);
      assertThat(cut).containsExactly(java.util.Arrays.copyOf(whole, k));
    }
  }

  @Test
  void rejects_a_negative_hold_naming_its_key() {
    assertThatThrownBy(() -> new AlarmRule(0.99, 0, 1, 1, -1))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field()).isEqualTo("config.alarm.hold");
  }

  @Test
  void a_nan_score_counts_as_above_the_threshold() {
    assertThat(new AlarmRule(0.5, 0, 1, 1).decide(new double[] {Double.NaN, 0}, 1))
        .containsExactly(true, false);
  }

  @Test
  void rejects_k_above_n_naming_the_alarm_key() {
    assertThatThrownBy(() -> new AlarmRule(0.99, 0, 4, 3))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field()).isEqualTo("config.alarm");
  }
}
