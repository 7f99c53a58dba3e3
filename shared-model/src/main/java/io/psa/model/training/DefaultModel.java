package io.psa.model.training;

import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.scoring.ModelScorer;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The model every edge falls back on when it is given none ({@code psa serve} without {@code
 * --model}, the Lambda without {@code PSA_MODEL_S3_URI}), so that a fresh install answers at once:
 * trained on {@value #TRAINING_MINUTES} minutes of the simulator's normal signal (seed 42, no
 * anomalies, the machine warming up from cold) with the product's default settings. Deterministic:
 * the same code gives the same model.
 */
public final class DefaultModel {

  /** Minutes of simulated normal operation it is trained on. */
  public static final int TRAINING_MINUTES = 60;

  /** Its settings, as {@code psa train -P} would take them. */
  public static final Map<String, String> SETTINGS = Map.of(
      "detector", "pca",
      "model_name", "default",
      "model_version", "default-1");

  private DefaultModel() {}

  /** The training signal: the simulator's normal signal from a cold start. */
  public static SignalSource signal() {
    SimulationSpec spec = SimulationSpec.of(TRAINING_MINUTES * 60_000L);
    return SignalSource.of("simulated normal signal, " + TRAINING_MINUTES + " min, seed "
        + spec.seed(), new SensorSimulator(spec).chunks(10_000), spec.recordCount());
  }

  /** Trains it in memory (a few seconds). */
  public static ModelTrainer.Result train(String codeVersion) throws IOException {
    return new ModelTrainer(TrainingSettings.fromMap(SETTINGS), TrainingListener.NONE, codeVersion)
        .train(List.of(signal()));
  }

  /** Trains it and wraps it for scoring. */
  public static ModelScorer scorer(String codeVersion) throws IOException {
    return new ModelScorer(train(codeVersion).model());
  }
}
