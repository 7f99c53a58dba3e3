package io.psa.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountsTest {

  @Test
  void counts_each_row_once_against_its_label() {
    Counts c = Counts.of(new int[] {1, 1, 1, 0, 0, 0, 0}, new int[] {1, 0, 1, 1, 0, 0, 0});

    assertThat(c).isEqualTo(new Counts(2, 1, 1, 3));
    assertThat(c.rows()).isEqualTo(7);
  }

  @Test
  void computes_the_skab_f1_far_and_mar() {
    Counts c = new Counts(30, 10, 20, 40);

    assertThat(c.f1()).isEqualTo(30 / (30 + (20 + 10) / 2.0));
    assertThat(c.far()).isEqualTo(10 / 50.0);
    assertThat(c.mar()).isEqualTo(20 / 50.0);
  }

  @Test
  void pools_files_by_adding_counts_not_averaging_figures() {
    Counts pooled = new Counts(1, 0, 0, 9).plus(new Counts(0, 5, 10, 5));

    assertThat(pooled).isEqualTo(new Counts(1, 5, 10, 14));
    assertThat(pooled.f1()).isEqualTo(1 / (1 + 15 / 2.0));
  }

  @Test
  void an_empty_set_of_rows_has_zero_figures_not_nan() {
    assertThat(Counts.ZERO.f1()).isZero();
    assertThat(Counts.ZERO.far()).isZero();
    assertThat(Counts.ZERO.mar()).isZero();
  }
}
