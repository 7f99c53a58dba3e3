package io.psa.model.djl;

import io.psa.dsp.ValidationException;
import io.psa.model.Hyperparameters;
import io.psa.model.nn.Activation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Hyperparameters of the dense autoencoder, as SageMaker-style strings.
 *
 * @param hiddenSize {@code ae_hidden_size} [32]: units of the layer before and after the bottleneck
 * @param bottleneckSize {@code ae_bottleneck_size} [0 = auto: a third of the features, 1 to 8]:
 *     units of the code layer; must stay below the number of features, or the network could learn
 *     to copy its input
 * @param activation {@code ae_activation} [tanh]: of every layer but the linear output
 * @param epochs {@code ae_epochs} [0 = auto]: passes over the training rows; auto runs about
 *     500 minibatch steps, 3 to 150 epochs
 * @param batchSize {@code ae_batch_size} [64]: rows per minibatch
 * @param validationFraction {@code ae_validation_fraction} [0.2]: share of the training rows, the
 *     most recent ones, held out to stop early and keep the best epoch's weights; 0 trains every
 *     epoch on all rows. Stopping when held-out data stops improving keeps the network from
 *     memorizing a short training stretch (SKAB's 400 rows) and changes nothing on long stationary
 *     data, where the held-out loss keeps falling
 * @param patience {@code ae_patience} [5]: epochs without a better held-out loss before stopping
 * @param learningRate {@code ae_learning_rate} [0.002]: Adam's step size
 */
public record AutoencoderSettings(
    int hiddenSize, int bottleneckSize, Activation activation, int epochs, int batchSize,
    double validationFraction, int patience, double learningRate) {

  /** The keys {@link #fromMap} reads. */
  public static final Set<String> KEYS = Set.of(
      "ae_hidden_size", "ae_bottleneck_size", "ae_activation", "ae_epochs", "ae_batch_size",
      "ae_validation_fraction", "ae_patience", "ae_learning_rate");

  public AutoencoderSettings {
    if (hiddenSize < 1 || bottleneckSize < 0 || epochs < 0 || batchSize < 1 || !(learningRate > 0)
        || !(validationFraction >= 0 && validationFraction < 1) || patience < 1) {
      throw new IllegalArgumentException("autoencoder settings out of range: hidden, batch, "
          + "patience >= 1, bottleneck, epochs >= 0, learning rate > 0, "
          + "validation fraction in [0, 1)");
    }
  }

  /** The defaults listed above. */
  public static AutoencoderSettings defaults() {
    return fromMap(Map.of());
  }

  /**
   * Reads the settings, defaults for absent keys, ignoring other keys.
   *
   * @throws ValidationException naming the key ({@code config.ae_epochs}) of an invalid value
   */
  public static AutoencoderSettings fromMap(Map<String, String> map) {
    String activation = map.getOrDefault("ae_activation", "tanh").trim();
    Activation parsed;
    try {
      parsed = Activation.of(activation);
    } catch (IllegalArgumentException e) {
      throw ValidationException.ofConfig("ae_activation", e.getMessage());
    }
    return new AutoencoderSettings(
        Hyperparameters.intValue(map, "ae_hidden_size", 32, 1, 4096),
        Hyperparameters.intValue(map, "ae_bottleneck_size", 0, 0, 4096),
        parsed,
        Hyperparameters.intValue(map, "ae_epochs", 0, 0, 100_000),
        Hyperparameters.intValue(map, "ae_batch_size", 64, 1, 1_000_000),
        Hyperparameters.doubleValue(map, "ae_validation_fraction", 0.2, 0, 0.5),
        Hyperparameters.intValue(map, "ae_patience", 5, 1, 100_000),
        Hyperparameters.doubleValue(map, "ae_learning_rate", 0.002, 1e-7, 1.0));
  }

  /** The code layer's width for rows of {@code features} values: the setting, or auto. */
  public int bottleneckFor(int features) {
    return bottleneckSize > 0 ? bottleneckSize : Math.clamp(features / 3, 1, 8);
  }

  /** The settings as the strings {@link #fromMap} reads back to an equal record. */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("ae_hidden_size", Integer.toString(hiddenSize));
    map.put("ae_bottleneck_size", Integer.toString(bottleneckSize));
    map.put("ae_activation", activation.id());
    map.put("ae_epochs", Integer.toString(epochs));
    map.put("ae_batch_size", Integer.toString(batchSize));
    map.put("ae_validation_fraction", Double.toString(validationFraction));
    map.put("ae_patience", Integer.toString(patience));
    map.put("ae_learning_rate", Double.toString(learningRate));
    return map;
  }
}
