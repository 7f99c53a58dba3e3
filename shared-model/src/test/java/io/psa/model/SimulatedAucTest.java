package io.psa.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.dsp.sim.SensorSimulator;
import io.psa.model.scoring.ModelScorer;
import io.psa.model.testing.Auc;
import io.psa.model.testing.SimData;
import io.psa.model.training.ModelTrainer;
import io.psa.model.training.TrainingListener;
import io.psa.model.training.TrainingSettings;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 4's target on simulated data: each detector, trained on 10 minutes of normal data, then
 * scoring 5 minutes of another seed with 14 injected anomalies (every kind on every channel in
 * turn), separates the windows that overlap an anomaly from the others with ROC AUC >= 0.95.
 * Measured: isolation forest 0.982, PCA 0.981.
 */
class SimulatedAucTest {

  @ParameterizedTest
  @ValueSource(strings = {"isolation_forest", "pca"})
  void separates_injected_anomalies_from_normal_windows_with_auc_above_0_95(String kind)
      throws Exception {
    var trainer = new ModelTrainer(TrainingSettings.defaults(kind), TrainingListener.NONE, "test");
    var result = trainer.train(List.of(SimData.normal(10, 11)));
    SensorSimulator test = SimData.withAnomalies(5, 12);
    Prediction p = new ModelScorer(result.model()).score(test.generate(), null, "auc");

    double[] scores = new double[p.windows().size()];
    boolean[] anomalous = new boolean[scores.length];
    int positives = 0;
    for (int i = 0; i < scores.length; i++) {
      Prediction.Window w = p.windows().get(i);
      scores[i] = w.score();
      anomalous[i] = SimData.overlaps(test.labels(), w.startTsMs(), w.endTsMs());
      positives += anomalous[i] ? 1 : 0;
    }
    assertThat(scores).hasSize(1197);
    assertThat(positives).isBetween(250, 320);
    double auc = Auc.of(scores, anomalous);
    System.out.printf("%s: window ROC AUC %.4f (%d windows, %d anomalous)%n", kind, auc,
        scores.length, positives);
    assertThat(auc).isGreaterThanOrEqualTo(0.95);
  }
}
