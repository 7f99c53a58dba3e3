package io.psa.model.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AucTest {

  @Test
  void perfect_separation_gives_one_and_reversed_gives_zero() {
    boolean[] labels = {false, false, true, true};
    assertThat(Auc.of(new double[] {0.1, 0.2, 0.8, 0.9}, labels)).isEqualTo(1.0);
    assertThat(Auc.of(new double[] {0.9, 0.8, 0.2, 0.1}, labels)).isEqualTo(0.0);
  }

  @Test
  void matches_sklearn_roc_auc_score_with_ties() {
    // sklearn.metrics.roc_auc_score([0,1,0,1,1,0], [0.3,0.3,0.1,0.7,0.2,0.5]) == 0.6111111111111112
    double auc = Auc.of(new double[] {0.3, 0.3, 0.1, 0.7, 0.2, 0.5},
        new boolean[] {false, true, false, true, true, false});
    assertThat(auc).isCloseTo(5.5 / 9, within(1e-12));
  }
}
