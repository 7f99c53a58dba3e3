package io.psa.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * Draws a parameter's initial values uniformly from {@code [-bound, bound]} with a Java generator
 * of its own seed, so the starting weights depend only on the seed and never on the engine's
 * generator state. PyTorch's defaults for {@code nn.Linear} and {@code nn.LSTM} use the same
 * distribution with bound {@code 1 / sqrt(fan_in)} and {@code 1 / sqrt(hidden)}.
 */
final class SeededUniform implements Initializer {

  private final double bound;
  private final long seed;

  SeededUniform(double bound, long seed) {
    this.bound = bound;
    this.seed = seed;
  }

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) rng.nextDouble(-bound, bound);
    }
    return manager.create(values, shape).toType(dataType, false);
  }
}
