package io.psa.container.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GapsTest {

  @Test
  void a_skipped_row_is_joined_and_a_pause_of_76_s_is_not() {
    double[] t = {0, 1, 2, 4, 5, 6, 82, 83, 84};

    Gaps gaps = Gaps.of(t);

    assertThat(gaps.periodS()).isEqualTo(1);
    assertThat(gaps.joinLimitS()).isEqualTo(3);
    assertThat(gaps.spans()).hasSize(1);
    assertThat(gaps.spans().getFirst()).containsExactly(6, 82);
  }

  @Test
  void a_line_breaks_at_a_pause_and_at_a_missing_value_and_keeps_a_lone_point() {
    double[] x = {0, 1, 2, 10, 11, 12, 13, 20};
    double[] y = {1, 1, 1, 1, Double.NaN, 1, 1, 1};

    assertThat(Panel.runs(x, y, 3))
        .containsExactly(new int[] {0, 3}, new int[] {3, 4}, new int[] {5, 7}, new int[] {7, 8});
  }
}
