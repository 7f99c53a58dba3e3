package io.psa.container.server;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.BatchScorer;
import io.psa.model.ModelInfo;
import io.psa.model.Prediction;
import io.psa.dsp.PipelineConfig;
import io.psa.model.scoring.ModelScorer;
import io.psa.model.training.ModelTrainer;
import io.psa.model.training.SignalSource;
import io.psa.model.training.TrainingListener;
import io.psa.model.training.TrainingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** A real model for HTTP tests, trained once per JVM on 3 minutes of simulated normal data. */
public final class TestModels {
  private static ModelScorer scorer;

  private TestModels() {}

  public static synchronized ModelScorer scorer() {
    if (scorer == null) {
      SimulationSpec spec = SimulationSpec.of(180_000).withSeed(7);
      SignalSource normal = SignalSource.of("test normal", new SensorSimulator(spec).generate());
      TrainingSettings s = TrainingSettings.fromMap(Map.of("detector", "isolation_forest",
          "model_name", "test", "model_version", "t1", "seed", "7"));
      try {
        scorer = new ModelScorer(new ModelTrainer(s, TrainingListener.NONE, "test")
            .train(List.of(normal)).model());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return scorer;
  }

  /** The simulator's default 10 s signal (1,000 records), seed 42. */
  public static SensorBatch tenSeconds() {
    return new SensorSimulator(SimulationSpec.of(10_000)).generate();
  }

  /** A scorer that takes {@code millis} before answering like {@code inner}. */
  static BatchScorer slow(BatchScorer inner, long millis) {
    return new BatchScorer() {
      @Override
      public List<String> channels() {
        return inner.channels();
      }

      @Override
      public PipelineConfig config() {
        return inner.config();
      }

      @Override
      public ModelInfo model() {
        return inner.model();
      }

      @Override
      public Prediction score(SensorBatch batch, String assetId, String requestId) {
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return inner.score(batch, assetId, requestId);
      }
    };
  }
}
