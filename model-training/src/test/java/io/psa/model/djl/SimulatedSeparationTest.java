package io.psa.model.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.model.Detector;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each neural detector, trained on 20 minutes of the simulator's normal signal (seed 42), ranks
 * the windows of another 10 minutes (seed 7) that overlap an injected spike, drift, noise burst or
 * stuck sensor above the normal ones: ROC AUC at least 0.95 (issue 4's target).
 */
class SimulatedSeparationTest {

  static SimulatedWindows data;
  static Detector lstm;

  @BeforeAll
  static void simulate() {
    data = SimulatedWindows.of(1_200_000, 600_000);
    lstm = new LstmTrainer().fit(data.train(), Map.of(), 42);
  }

  @Test
  void autoencoder_separates_injected_anomalies_with_auc_above_0_95() {
    assertSeparates(new AutoencoderTrainer().fit(data.train(), Map.of(), 42));
  }

  @Test
  void lstm_separates_injected_anomalies_with_auc_above_0_95() {
    assertSeparates(lstm);
  }

  @Test
  void lstm_scored_in_10_s_batches_still_separates_them() {
    // as the Lambda sees it: 37 windows per request, the first ones with a short context
    double[] scores = new double[data.test().length];
    int at = 0;
    for (double[][] batch : SimulatedWindows.batches(data.test(), 37)) {
      System.arraycopy(lstm.score(batch), 0, scores, at, batch.length);
      at += batch.length;
    }
    double auc = Auc.of(scores, data.anomalous());
    System.out.printf("lstm in 37-window batches: ROC AUC %.4f%n", auc);
    assertThat(auc).isGreaterThanOrEqualTo(0.95);
  }

  private static void assertSeparates(Detector detector) {
    int anomalous = 0;
    for (boolean b : data.anomalous()) {
      anomalous += b ? 1 : 0;
    }
    assertThat(anomalous).isBetween(100, data.test().length / 2);
    double auc = Auc.of(detector.score(data.test()), data.anomalous());
    System.out.printf("%s: ROC AUC %.4f on %d windows (%d anomalous)%n",
        detector.kind(), auc, data.test().length, anomalous);
    assertThat(auc).isGreaterThanOrEqualTo(0.95);
  }
}
