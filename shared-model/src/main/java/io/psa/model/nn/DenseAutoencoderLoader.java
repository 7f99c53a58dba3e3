package io.psa.model.nn;

import io.psa.model.Detector;
import io.psa.model.DetectorLoader;
import io.psa.model.nn.TensorFile.TensorSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rebuilds a {@link DenseAutoencoderDetector} from its parameters and {@code weights.bin}. */
public final class DenseAutoencoderLoader implements DetectorLoader {

  @Override
  public String kind() {
    return DenseAutoencoderDetector.KIND;
  }

  @Override
  public Detector load(Path dir, Map<String, Object> params) throws IOException {
    ParamReader p = new ParamReader(kind(), params);
    p.requireFormat();
    int inputs = p.positiveInt(NnFormat.KEY_INPUTS);
    List<Integer> sizes = p.positiveInts(DenseAutoencoderDetector.KEY_LAYER_SIZES);
    List<String> activationIds = p.strings(DenseAutoencoderDetector.KEY_ACTIVATIONS);
    if (activationIds.size() != sizes.size()) {
      throw p.error(DenseAutoencoderDetector.KEY_ACTIVATIONS, "must name one activation per layer");
    }
    List<NamedTensor> tensors = WeightReader.read(dir, p, expected(inputs, sizes));
    List<DenseLayer> layers = new ArrayList<>();
    int in = inputs;
    for (int k = 0; k < sizes.size(); k++) {
      Activation activation;
      try {
        activation = Activation.of(activationIds.get(k));
      } catch (IllegalArgumentException e) {
        throw p.error(DenseAutoencoderDetector.KEY_ACTIVATIONS, e.getMessage());
      }
      float[] weight = tensors.get(2 * k).data();
      layers.add(new DenseLayer(weight, tensors.get(2 * k + 1).data(), in, activation));
      in = sizes.get(k);
    }
    try {
      return new DenseAutoencoderDetector(layers);
    } catch (IllegalArgumentException e) {
      throw p.error(DenseAutoencoderDetector.KEY_LAYER_SIZES, e.getMessage());
    }
  }

  private static List<TensorSpec> expected(int inputs, List<Integer> sizes) {
    List<TensorSpec> specs = new ArrayList<>();
    int in = inputs;
    for (int k = 0; k < sizes.size(); k++) {
      specs.add(new TensorSpec("dense" + k + ".weight", new int[] {sizes.get(k), in}));
      specs.add(new TensorSpec("dense" + k + ".bias", new int[] {sizes.get(k)}));
      in = sizes.get(k);
    }
    return specs;
  }
}
