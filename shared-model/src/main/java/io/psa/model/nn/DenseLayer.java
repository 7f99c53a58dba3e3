package io.psa.model.nn;

import java.util.Arrays;

/**
 * A fully connected layer {@code y = f(W x + b)} with float32 parameters, evaluated in double.
 *
 * <p>The weight matrix is stored row-major with shape {@code [outputs, inputs]}, the layout of
 * PyTorch's {@code nn.Linear} and DJL's {@code Linear}, so trained weights copy over unchanged.
 *
 * @param weight {@code outputs * inputs} values, row-major {@code [outputs][inputs]}
 * @param bias {@code outputs} values
 * @param inputs width of the input vector
 * @param activation applied to every output
 */
public record DenseLayer(float[] weight, float[] bias, int inputs, Activation activation) {

  public DenseLayer {
    if (inputs <= 0 || bias.length == 0 || weight.length != bias.length * inputs) {
      throw new IllegalArgumentException(
          "dense layer: weight has " + weight.length + " values, expected " + bias.length + " x "
              + inputs);
    }
    weight = weight.clone();
    bias = bias.clone();
  }

  /** Width of the output vector. */
  public int outputs() {
    return bias.length;
  }

  /** Computes the layer's output for one input vector of length {@link #inputs()}. */
  public double[] forward(double[] x) {
    if (x.length != inputs) {
      throw new IllegalArgumentException(
          "dense layer expects " + inputs + " inputs, got " + x.length);
    }
    double[] y = new double[bias.length];
    for (int o = 0; o < y.length; o++) {
      double sum = bias[o];
      int base = o * inputs;
      for (int i = 0; i < inputs; i++) {
        sum += weight[base + i] * x[i];
      }
      y[o] = activation.apply(sum);
    }
    return y;
  }

  /** The weights as stored ({@code [outputs][inputs]}, row-major); a copy. */
  @Override
  public float[] weight() {
    return weight.clone();
  }

  /** The biases; a copy. */
  @Override
  public float[] bias() {
    return bias.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DenseLayer d
        && inputs == d.inputs
        && activation == d.activation
        && Arrays.equals(weight, d.weight)
        && Arrays.equals(bias, d.bias);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(weight) + Arrays.hashCode(bias);
  }

  @Override
  public String toString() {
    return "DenseLayer[" + inputs + " -> " + outputs() + ", " + activation.id() + "]";
  }
}
