package io.psa.container.cli;

import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.scoring.ModelScorer;
import io.psa.model.training.ModelTrainer;
import io.psa.model.training.SignalSource;
import io.psa.model.training.TrainingListener;
import io.psa.model.training.TrainingSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The model {@code psa serve} trains when it is given none, so that the first command of the
 * README gives a working service on a fresh machine: an Isolation Forest (defaults) on 10 minutes
 * of the simulator's normal signal (seed 42, no anomalies), about 2,400 windows, in seconds.
 */
public final class DefaultModel {
  /** Ten minutes of normal operation. */
  static final long TRAINING_MS = 10 * 60_000L;

  private DefaultModel() {}

  static ModelScorer train() throws IOException {
    return new ModelScorer(trainer().train(List.of(normalSignal())).model());
  }

  /**
   * Writes the default model as an artifact directory: lambda-predict's build packages it into its
   * jar this way ({@code java -cp ... io.psa.container.cli.DefaultModel DIR}).
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: DefaultModel DIR");
      System.exit(2);
    }
    trainer().trainTo(List.of(normalSignal()), Path.of(args[0]));
  }

  private static ModelTrainer trainer() {
    TrainingSettings settings = TrainingSettings.fromMap(
        Map.of("detector", "isolation_forest", "model_name", "default"));
    return new ModelTrainer(settings, TrainingListener.NONE, VersionProvider.version());
  }

  private static SignalSource normalSignal() {
    SimulationSpec spec = SimulationSpec.of(TRAINING_MS);
    SensorSimulator sim = new SensorSimulator(spec);
    return SignalSource.of(
        "simulated normal signal, 10 min, seed " + spec.seed(), sim.chunks(10_000), spec.recordCount());
  }
}
