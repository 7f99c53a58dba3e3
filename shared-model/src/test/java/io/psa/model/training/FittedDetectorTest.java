package io.psa.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.psa.dsp.ValidationException;
import io.psa.model.Detectors;
import io.psa.model.scaling.StandardScaler;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FittedDetectorTest {

  private static double[][] rows(int n, double offset, long seed) {
    Random random = new Random(seed);
    double[][] out = new double[n][3];
    for (double[] row : out) {
      row[0] = offset + random.nextGaussian();
      row[1] = 10 * random.nextGaussian();
      row[2] = row[0] + 0.1 * random.nextGaussian();
    }
    return out;
  }

  @Test
  void the_scaler_sees_only_the_training_rows() {
    double[][] train = rows(200, 5.0, 1);
    FittedDetector fitted = FittedDetector.fit(train, "pca", Map.of(), 7);
    double sum = 0;
    for (double[] row : train) {
      sum += row[0];
    }
    assertThat(fitted.scaler().mean()[0]).isCloseTo(sum / train.length, within(1e-12));
  }

  @Test
  void scores_equal_the_scaler_then_the_detector_done_by_hand() {
    double[][] train = rows(200, 0, 1);
    double[][] probe = rows(50, 3.0, 2);
    FittedDetector fitted =
        FittedDetector.fit(train, "isolation_forest", Map.of("if_trees", "20"), 7);
    StandardScaler scaler = StandardScaler.fit(train);
    double[] byHand = Detectors.trainer("isolation_forest")
        .fit(scaler.transform(train), Map.of("if_trees", "20"), 7)
        .score(scaler.transform(probe));
    assertThat(fitted.score(probe)).containsExactly(byHand);
  }

  @Test
  void shifted_rows_score_higher_than_the_training_rows() {
    FittedDetector fitted = FittedDetector.fit(rows(200, 0, 1), "pca", Map.of(), 7);
    double[] normal = fitted.score(rows(100, 0, 3));
    double[] shifted = fitted.score(rows(100, 6.0, 3));
    assertThat(mean(shifted)).isGreaterThan(2 * mean(normal));
  }

  @Test
  void an_unknown_detector_is_refused_naming_the_key() {
    assertThatThrownBy(() -> FittedDetector.fit(rows(20, 0, 1), "svm", Map.of(), 7))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("config.detector"));
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
