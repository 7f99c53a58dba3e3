package io.psa.model.djl;

import ai.djl.ndarray.types.Shape;
import io.psa.model.DetectorTrainer;
import io.psa.model.nn.LstmDetector;
import java.util.Map;
import java.util.Set;

/**
 * Trains the {@code lstm} detector with DJL's PyTorch engine on CPU (Adam, squared error, seeded
 * initialization and batch order, one thread: same rows and seed give the same weights) and exports
 * it into the pure-Java {@link LstmDetector}. Settings: {@link LstmSettings}.
 */
public final class LstmTrainer implements DetectorTrainer {

  @Override
  public String kind() {
    return LstmDetector.KIND;
  }

  @Override
  public Set<String> hyperparameterKeys() {
    return LstmSettings.KEYS;
  }

  @Override
  public LstmDetector fit(double[][] rows, Map<String, String> hyperparameters, long seed) {
    return fit(rows, LstmSettings.fromMap(hyperparameters), seed);
  }

  /** Trains on scaled rows of consecutive windows in time order. */
  public LstmDetector fit(double[][] rows, LstmSettings settings, long seed) {
    int features = TrainingBudget.checkRows(rows, 2, "the lstm detector");
    int hidden = settings.hiddenFor(features);
    TrainingBudget.checkNarrower("lstm_hidden_size", hidden, features);
    DjlRuntime.prepare(seed);
    LstmNetwork network = new LstmNetwork(features, hidden, seed);
    SequenceBatches batches = new SequenceBatches(rows, settings.batchSize(), settings.sequenceLength());
    int epochs = TrainingBudget.epochs(settings.epochs(), batches.count());
    Shape shape = new Shape(settings.batchSize(), settings.sequenceLength(), features);
    return TrainingLoop.fit(network.block(), shape, epochs, settings.learningRate(), batches, seed,
        block -> network.toDetector(settings.sequenceLength()));
  }
}
