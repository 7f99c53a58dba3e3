package io.psa.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CausalLabelsTest {

  @Test
  void a_row_takes_the_last_window_ending_at_or_before_it_and_none_before_the_first() {
    long[] windowEnds = {4000, 5000, 9000};
    long[] rows = {0, 3000, 4000, 4500, 5000, 8000, 9000, 12000};

    int[] of = CausalLabels.windowOfRow(windowEnds, rows, 1);

    assertThat(of).containsExactly(-1, 0, 0, 1, 1, 2, 2);
    assertThat(CausalLabels.labels(of, new boolean[] {true, false, true}))
        .containsExactly(0, 1, 1, 0, 0, 1, 1);
  }
}
