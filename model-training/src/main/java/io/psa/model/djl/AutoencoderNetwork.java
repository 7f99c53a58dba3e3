package io.psa.model.djl;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.psa.model.nn.Activation;
import io.psa.model.nn.DenseAutoencoderDetector;
import io.psa.model.nn.DenseLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The dense autoencoder as a DJL block, {@code features -> hidden -> bottleneck -> hidden ->
 * features}, with the chosen activation after every layer but the linear output, and its export
 * into the pure-Java {@link DenseAutoencoderDetector}.
 */
final class AutoencoderNetwork {

  private final SequentialBlock block = new SequentialBlock();
  private final List<Linear> linears = new ArrayList<>();
  private final List<Activation> activations = new ArrayList<>();
  private final int features;

  AutoencoderNetwork(int features, AutoencoderSettings s, long seed) {
    this.features = features;
    int[] sizes = {s.hiddenSize(), s.bottleneckFor(features), s.hiddenSize(), features};
    SplittableRandom seeds = new SplittableRandom(seed);
    int in = features;
    for (int k = 0; k < sizes.length; k++) {
      Linear linear = Linear.builder().setUnits(sizes[k]).build();
      Initializers.uniform(linear, 1 / Math.sqrt(in), seeds);
      block.add(linear);
      linears.add(linear);
      Activation activation = k == sizes.length - 1 ? Activation.IDENTITY : s.activation();
      activations.add(activation);
      if (activation != Activation.IDENTITY) {
        block.add(djl(activation));
      }
      in = sizes[k];
    }
  }

  Block block() {
    return block;
  }

  /** The trained (or initialized) weights as the scoring-side detector. */
  DenseAutoencoderDetector toDetector() {
    List<DenseLayer> layers = new ArrayList<>();
    int in = features;
    for (int k = 0; k < linears.size(); k++) {
      var params = linears.get(k).getParameters();
      float[] weight = params.get("weight").getArray().toFloatArray();
      float[] bias = params.get("bias").getArray().toFloatArray();
      layers.add(new DenseLayer(weight, bias, in, activations.get(k)));
      in = bias.length;
    }
    return new DenseAutoencoderDetector(layers);
  }

  private static Function<NDList, NDList> djl(Activation a) {
    return switch (a) {
      case RELU -> ai.djl.nn.Activation::relu;
      case TANH -> ai.djl.nn.Activation::tanh;
      case SIGMOID -> ai.djl.nn.Activation::sigmoid;
      case IDENTITY -> list -> list;
    };
  }
}
