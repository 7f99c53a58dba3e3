package io.psa.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.psa.dsp.FeatureMatrix;
import io.psa.dsp.Pipeline;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.sim.Anomaly;
import io.psa.dsp.sim.AnomalyKind;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.Detector;
import io.psa.model.Prediction;
import io.psa.model.artifact.TrainedModel;
import io.psa.model.training.ModelTrainer;
import io.psa.model.training.SignalSource;
import io.psa.model.training.TrainingListener;
import io.psa.model.training.TrainingSettings;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The LSTM's diagnostics explain the window that was scored, read with the windows before it as
 * the score was: the shares equal those of the last row of its context, not of the window alone.
 */
class LstmDiagnosticsTest {

  @Test
  void the_top_window_is_explained_with_the_context_it_was_scored_with() throws Exception {
    TrainedModel model = new ModelTrainer(TrainingSettings.fromMap(Map.of("detector", "lstm",
        "lstm_epochs", "5", "lstm_hidden_size", "4", "seed", "3")), TrainingListener.NONE, "test")
        .train(List.of(SignalSource.of("train",
            new SensorSimulator(SimulationSpec.of(120_000).withSeed(3)).generate()))).model();
    SensorBatch batch = new SensorSimulator(SimulationSpec.of(10_000).withSeed(8).withAnomalies(
        List.of(new Anomaly(AnomalyKind.NOISE_BURST, "force", 5_000, 2_000)))).generate();

    Prediction p = new ModelScorer(model).score(batch, null, null);

    // the scaled rows the detector read, and the top window with its 7 predecessors
    FeatureMatrix fm = new Pipeline(model.config(), model.channels()).process(batch);
    int[] columns = model.detection().selection().columns(fm.featureNames());
    double[][] scaled = new double[fm.windowCount()][];
    for (int i = 0; i < scaled.length; i++) {
      double[] x = new double[columns.length];
      for (int j = 0; j < columns.length; j++) {
        x[j] = fm.rows()[i][columns[j]];
      }
      scaled[i] = model.scaler().transform(x);
    }
    int top = 0;
    for (int i = 1; i < p.windows().size(); i++) {
      top = p.windows().get(i).score() > p.windows().get(top).score() ? i : top;
    }
    assertThat(top).isGreaterThanOrEqualTo(7);
    Detector lstm = model.detector();
    double[] withContext = lstm.contributionsLast(Arrays.copyOfRange(scaled, top - 7, top + 1));
    double[] alone = lstm.contributionsLast(new double[][] {scaled[top]});

    Map<String, Double> reported = new HashMap<>();
    p.diagnostics().forEach(c -> reported.put(c.feature(), c.share()));
    double differs = 0;
    for (int j = 0; j < columns.length; j++) {
      String name = model.featureNames().get(j);
      assertThat(reported.get(name)).as(name).isCloseTo(withContext[j], within(1e-12));
      differs = Math.max(differs, Math.abs(withContext[j] - alone[j]));
    }
    // not vacuous: the window read alone is explained differently, far beyond the 1e-12 above
    assertThat(differs).isGreaterThan(1e-6);
    assertThat(p.diagnostics().stream().max(Comparator.comparingDouble(Prediction.Contribution::share))
        .orElseThrow().channel()).isEqualTo("force");
  }
}
