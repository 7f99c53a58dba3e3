package io.psa.model.djl;

import ai.djl.nn.Block;
import ai.djl.util.Pair;
import ai.djl.nn.Parameter;
import java.util.SplittableRandom;

/** Gives every parameter of a block its own {@link SeededUniform} initializer. */
final class Initializers {

  private Initializers() {}

  /**
   * @param bound half-width of the uniform distribution
   * @param seeds one seed is drawn per parameter, in the block's fixed parameter order
   */
  static void uniform(Block block, double bound, SplittableRandom seeds) {
    for (Pair<String, Parameter> p : block.getParameters()) {
      p.getValue().setInitializer(new SeededUniform(bound, seeds.nextLong()));
    }
  }
}
