package io.psa.model.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.dsp.ValidationException;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlarmRuleTest {

  /** 0, 1, ..., 100: the quantile at 0.9 is 90, the median 50. */
  private static final double[] TRAINING = IntStream.rangeClosed(0, 100).asDoubleStream().toArray();

  @Test
  void threshold_is_the_quantile_plus_margin_times_its_distance_to_the_median() {
    assertThat(new AlarmRule(0.9, 0, 1, 1).threshold(TRAINING)).isEqualTo(90.0);
    assertThat(new AlarmRule(0.9, 1.5, 1, 1).threshold(TRAINING)).isEqualTo(90 + 1.5 * 40);
  }

  @Test
  void threshold_follows_a_shift_and_scale_of_the_scores() {
    double[] moved = Arrays.stream(TRAINING).map(x -> 3 * x - 7).toArray();

    assertThat(new AlarmRule(0.9, 1.5, 1, 1).threshold(moved)).isEqualTo(3 * 150.0 - 7);
  }

  @Test
  void k_of_n_alarms_once_k_of_the_last_n_windows_reach_the_threshold() {
    double[] raw = {0, 5, 0, 5, 5, 0, 0, 0, 5, 5, 5};

    assertThat(new AlarmRule(0.5, 0, 2, 3).decide(raw, 5))
        .containsExactly(false, false, false, true, true, true, false, false, false, true, true);
    // the first window alone never alarms under 2 of 3, however high it scores
    assertThat(new AlarmRule(0.5, 0, 2, 3).decide(new double[] {99, 0, 0}, 5))
        .containsExactly(false, false, false);
    assertThat(new AlarmRule(0.5, 0, 1, 1).decide(raw, 5))
        .containsExactly(false, true, false, true, true, false, false, false, true, true, true);
  }

  @Test
  void a_stream_that_starts_in_a_fault_alarms_at_its_kth_window() {
    assertThat(new AlarmRule(0.5, 0, 3, 5).decide(new double[] {5, 5, 5, 5, 0, 0, 0}, 5))
        .containsExactly(false, false, true, true, true, true, false);
  }

  @Test
  void hold_keeps_an_alarm_on_for_that_many_windows_after_the_rule_last_fired() {
    double[] raw = {0, 5, 5, 0, 0, 0, 0, 5, 0, 5, 0};

    // 2 of 3 fires at windows 2, 3 and 9; a hold of 2 extends each firing by two windows
    assertThat(new AlarmRule(0.5, 0, 2, 3, 0).decide(raw, 5))
        .containsExactly(false, false, true, true, false, false, false, false, false, true, false);
    assertThat(new AlarmRule(0.5, 0, 2, 3, 2).decide(raw, 5))
        .containsExactly(false, false, true, true, true, true, false, false, false, true, true);
  }

  @Test
  void decisions_look_only_backwards_so_a_cut_series_keeps_them() {
    double[] raw = {0, 5, 0, 0, 0, 5, 5, 0, 0, 0, 0, 0};
    AlarmRule rule = new AlarmRule(0.5, 0, 1, 2, 3);
    boolean[] whole = rule.decide(raw, 5);

    for (int k = 1; k <= raw.length; k++) {
      assertThat(rule.decide(Arrays.copyOf(raw, k), 5)).containsExactly(Arrays.copyOf(whole, k));
    }
  }

  @Test
  void the_statistic_reaches_the_threshold_exactly_when_the_rule_fires() {
    AlarmRule rule = new AlarmRule(0.5, 0, 2, 4);
    AlarmRule.Tracker t = rule.tracker(5);
    double[] raw = {1, 7, 2, 6, 3, 3, 3, 9};
    double[] expected = {Double.NEGATIVE_INFINITY, 1, 2, 6, 6, 3, 3, 3};

    for (int i = 0; i < raw.length; i++) {
      t.next(raw[i]);
      assertThat(t.statistic()).as("window %d", i).isEqualTo(expected[i]);
      assertThat(t.fired()).as("window %d", i).isEqualTo(expected[i] >= 5);
    }
  }

  @Test
  void the_earliest_window_above_the_threshold_is_found_among_the_last_n_since_a_reset() {
    AlarmRule.Tracker t = new AlarmRule(0.5, 0, 2, 3).tracker(5);
    double[] raw = {1, 6, 2, 7, 1, 1, Double.NaN};
    int[] expected = {-1, 0, 1, 2, 1, 2, 0};

    for (int i = 0; i < raw.length; i++) {
      t.next(raw[i]);
      assertThat(t.firstAboveAgo()).as("window %d", i).isEqualTo(expected[i]);
    }
    t.reset();
    assertThat(t.firstAboveAgo()).isEqualTo(-1);
    t.next(9);
    assertThat(t.firstAboveAgo()).isZero();
  }

  @Test
  void a_nan_score_counts_as_above_the_threshold() {
    assertThat(new AlarmRule(0.5, 0, 1, 1).decide(new double[] {Double.NaN, 0}, 1))
        .containsExactly(true, false);
  }

  @Test
  void round_trips_through_its_manifest_map() {
    AlarmRule rule = new AlarmRule(0.99, 1.5, 3, 7, 4);

    assertThat(AlarmRule.fromMap(rule.toMap())).isEqualTo(rule);
  }

  @Test
  void rejects_a_negative_hold_naming_its_key() {
    assertThatThrownBy(() -> new AlarmRule(0.99, 0, 1, 1, -1))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field()).isEqualTo("config.alarm_hold_s");
  }

  @Test
  void rejects_k_above_n_naming_the_alarm_key() {
    assertThatThrownBy(() -> new AlarmRule(0.99, 0, 4, 3))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field()).isEqualTo("config.alarm_k");
  }
}
