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

  /**
   * Trains on scaled rows of consecutive windows in time order: the most recent ones are held out
   * to stop early (see {@link LstmSettings#validationFraction()}).
   */
  public LstmDetector fit(double[][] rows, LstmSettings settings, long seed) {
    int features = TrainingBudget.checkRows(rows, 2, "the lstm detector");
    int hidden = settings.hiddenFor(features);
    TrainingBudget.checkNarrower("lstm_hidden_size", hidden, features);
    // before any DJL class: offline, one thread; the seed is set under the training lock
    DjlRuntime.configure();
    LstmNetwork network = new LstmNetwork(features, hidden, seed);
    int length = settings.sequenceLength();
    int split = TrainingBudget.validationStart(rows.length, settings.validationFraction());
    var training = new SequenceBatches(rows, 0, split, settings.batchSize(), length);
    var validation = split == rows.length ? null
        : new SequenceBatches(rows, split, rows.length, rows.length - split, length);
    var plan = new TrainingLoop.Plan(TrainingBudget.epochs(settings.epochs(), training.count()),
        settings.learningRate(), settings.patience(), seed);
    return TrainingLoop.fit(network.block(), new Shape(settings.batchSize(), length, features),
        training, validation, plan, block -> network.toDetector(length));
  }
}
