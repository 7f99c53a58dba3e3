package io.psa.model.djl;

import ai.djl.ndarray.types.Shape;
import io.psa.model.DetectorTrainer;
import io.psa.model.nn.DenseAutoencoderDetector;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Trains the {@code autoencoder} detector with DJL's PyTorch engine on CPU (Adam, squared error,
 * seeded initialization and batch order, one thread: same rows and seed give the same weights) and
 * exports it into the pure-Java {@link DenseAutoencoderDetector}. Settings: {@link
 * AutoencoderSettings}.
 */
public final class AutoencoderTrainer implements DetectorTrainer {

  @Override
  public String kind() {
    return DenseAutoencoderDetector.KIND;
  }

  @Override
  public Set<String> hyperparameterKeys() {
    return AutoencoderSettings.KEYS;
  }

  @Override
  public DenseAutoencoderDetector fit(
      double[][] rows, Map<String, String> hyperparameters, long seed) {
    return fit(rows, AutoencoderSettings.fromMap(hyperparameters), seed);
  }

  /**
   * Trains on scaled rows, windows in time order: the most recent ones are held out to stop early
   * (see {@link AutoencoderSettings#validationFraction()}).
   */
  public DenseAutoencoderDetector fit(double[][] rows, AutoencoderSettings settings, long seed) {
    int features = TrainingBudget.checkRows(rows, 2, "the autoencoder");
    TrainingBudget.checkNarrower("ae_bottleneck_size", settings.bottleneckFor(features), features);
    // before any DJL class: offline, one thread; the seed is set under the training lock
    DjlRuntime.configure();
    AutoencoderNetwork network = new AutoencoderNetwork(features, settings, seed);
    int split = TrainingBudget.validationStart(rows.length, settings.validationFraction());
    RowBatches training = new RowBatches(Arrays.copyOfRange(rows, 0, split), settings.batchSize());
    RowBatches validation = split == rows.length ? null
        : new RowBatches(Arrays.copyOfRange(rows, split, rows.length), rows.length - split);
    var plan = new TrainingLoop.Plan(TrainingBudget.epochs(settings.epochs(), training.count()),
        settings.learningRate(), settings.patience(), seed);
    return TrainingLoop.fit(network.block(), new Shape(settings.batchSize(), features), training,
        validation, plan, block -> network.toDetector());
  }
}
