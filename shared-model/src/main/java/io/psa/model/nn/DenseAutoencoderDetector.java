package io.psa.model.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dense autoencoder over single scaled window feature vectors (Hinton and Salakhutdinov,
 * "Reducing the Dimensionality of Data with Neural Networks", Science 313, 2006): the layers
 * squeeze a window through a bottleneck and back, and windows unlike the training data come out
 * reconstructed worse. Raw score: mean squared reconstruction error; contributions: each feature's
 * share of the squared error. Immutable and thread-safe; trained by {@code model-training}.
 */
public final class DenseAutoencoderDetector extends ReconstructionDetector {

  /** The detector kind written to the manifest. */
  public static final String KIND = "autoencoder";

  static final String KEY_LAYER_SIZES = "layer_sizes";
  static final String KEY_ACTIVATIONS = "activations";

  private final List<DenseLayer> layers;

  /**
   * @param layers encoder then decoder layers; each takes the previous one's output and the last
   *     gives back as many values as the first takes
   */
  public DenseAutoencoderDetector(List<DenseLayer> layers) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("an autoencoder needs at least one layer");
    }
    for (int k = 1; k < layers.size(); k++) {
      if (layers.get(k).inputs() != layers.get(k - 1).outputs()) {
        throw new IllegalArgumentException(
            "layer " + k + " does not take layer " + (k - 1) + "'s output");
      }
    }
    if (layers.getLast().outputs() != layers.getFirst().inputs()) {
      throw new IllegalArgumentException(
          "the last layer must output as many values as the first takes");
    }
    this.layers = List.copyOf(layers);
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** The layers, encoder first. */
  public List<DenseLayer> layers() {
    return layers;
  }

  @Override
  int inputs() {
    return layers.getFirst().inputs();
  }

  /** The autoencoder's output for one scaled feature vector. */
  public double[] reconstruct(double[] row) {
    double[] x = row;
    for (DenseLayer layer : layers) {
      x = layer.forward(x);
    }
    return x;
  }

  @Override
  double[][] reconstructAll(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int t = 0; t < rows.length; t++) {
      out[t] = reconstruct(rows[t]);
    }
    return out;
  }

  /** Writes {@code weights.bin}; the parameters describe the layers and the tensors' order. */
  @Override
  public Map<String, Object> save(Path dir) throws IOException {
    List<NamedTensor> tensors = tensors(layers);
    TensorFile.write(dir.resolve(TensorFile.NAME), tensors);
    Map<String, Object> params = NnFormat.baseParams(inputs(), tensors);
    params.put(KEY_LAYER_SIZES, layers.stream().map(DenseLayer::outputs).toList());
    params.put(KEY_ACTIVATIONS, layers.stream().map(l -> l.activation().id()).toList());
    return params;
  }

  /** The layers' tensors in file order: {@code dense<k>.weight [out, in]}, {@code .bias}. */
  static List<NamedTensor> tensors(List<DenseLayer> layers) {
    List<NamedTensor> tensors = new ArrayList<>();
    for (int k = 0; k < layers.size(); k++) {
      DenseLayer l = layers.get(k);
      tensors.add(new NamedTensor(
          "dense" + k + ".weight", new int[] {l.outputs(), l.inputs()}, l.weight()));
      tensors.add(new NamedTensor("dense" + k + ".bias", new int[] {l.outputs()}, l.bias()));
    }
    return tensors;
  }
}
