package io.psa.model.djl;

import io.psa.dsp.ValidationException;
import io.psa.model.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Hyperparameters of the LSTM detector, as SageMaker-style strings.
 *
 * @param sequenceLength {@code lstm_sequence_length} [8]: windows the LSTM reads per score, the
 *     current one included
 * @param hiddenSize {@code lstm_hidden_size} [0 = auto: two thirds of the features, 1 to 16]: LSTM
 *     state size; must stay below the number of features, or the network could learn to copy its
 *     input
 * @param epochs {@code lstm_epochs} [0 = auto]: passes over the training windows; auto runs about
 *     500 minibatch steps, 3 to 150 epochs
 * @param batchSize {@code lstm_batch_size} [64]: sequences per minibatch
 * @param validationFraction {@code lstm_validation_fraction} [0.2]: share of the training rows, the
 *     most recent ones, held out to stop early and keep the best epoch's weights; 0 trains every
 *     epoch on all rows. Stopping when held-out data stops improving keeps the network from
 *     memorizing a short training stretch (SKAB's 400 rows) and changes nothing on long stationary
 *     data, where the held-out loss keeps falling
 * @param patience {@code lstm_patience} [5]: epochs without a better held-out loss before stopping
 * @param learningRate {@code lstm_learning_rate} [0.005]: Adam's step size
 */
public record LstmSettings(
    int sequenceLength, int hiddenSize, int epochs, int batchSize, double validationFraction,
    int patience, double learningRate) {

  /** The keys {@link #fromMap} reads. */
  public static final Set<String> KEYS = Set.of(
      "lstm_sequence_length", "lstm_hidden_size", "lstm_epochs", "lstm_batch_size",
      "lstm_validation_fraction", "lstm_patience", "lstm_learning_rate");

  public LstmSettings {
    if (sequenceLength < 1 || hiddenSize < 0 || epochs < 0 || batchSize < 1 || !(learningRate > 0)
        || !(validationFraction >= 0 && validationFraction < 1) || patience < 1) {
      throw new IllegalArgumentException("lstm settings out of range: sequence, batch, "
          + "patience >= 1, hidden, epochs >= 0, learning rate > 0, validation fraction in [0, 1)");
    }
  }

  /** The defaults listed above. */
  public static LstmSettings defaults() {
    return fromMap(Map.of());
  }

  /**
   * Reads the settings, defaults for absent keys, ignoring other keys.
   *
   * @throws ValidationException naming the key ({@code config.lstm_epochs}) of an invalid value
   */
  public static LstmSettings fromMap(Map<String, String> map) {
    return new LstmSettings(
        Hyperparameters.intValue(map, "lstm_sequence_length", 8, 1, 1024),
        Hyperparameters.intValue(map, "lstm_hidden_size", 0, 0, 4096),
        Hyperparameters.intValue(map, "lstm_epochs", 0, 0, 100_000),
        Hyperparameters.intValue(map, "lstm_batch_size", 64, 1, 1_000_000),
        Hyperparameters.doubleValue(map, "lstm_validation_fraction", 0.2, 0, 0.5),
        Hyperparameters.intValue(map, "lstm_patience", 5, 1, 100_000),
        Hyperparameters.doubleValue(map, "lstm_learning_rate", 0.005, 1e-7, 1.0));
  }

  /**
   * The LSTM state size for rows of {@code features} values: the setting, or auto, two thirds
   * rounded down, 1 to 16, which is below the width for every width of 2 or more (the trainer
   * refuses a single feature).
   */
  public int hiddenFor(int features) {
    return hiddenSize > 0 ? hiddenSize : Math.clamp(features * 2 / 3, 1, 16);
  }

  /** The settings as the strings {@link #fromMap} reads back to an equal record. */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("lstm_sequence_length", Integer.toString(sequenceLength));
    map.put("lstm_hidden_size", Integer.toString(hiddenSize));
    map.put("lstm_epochs", Integer.toString(epochs));
    map.put("lstm_batch_size", Integer.toString(batchSize));
    map.put("lstm_validation_fraction", Double.toString(validationFraction));
    map.put("lstm_patience", Integer.toString(patience));
    map.put("lstm_learning_rate", Double.toString(learningRate));
    return map;
  }
}
