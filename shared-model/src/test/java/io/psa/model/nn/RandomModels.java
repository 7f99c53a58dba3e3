package io.psa.model.nn;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded random detectors and rows for the tests of this package. */
final class RandomModels {

  private RandomModels() {}

  static float[] floats(int n, double bound, SplittableRandom rng) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) rng.nextDouble(-bound, bound);
    }
    return v;
  }

  /** A {@code features -> 10 -> 4 -> 10 -> features} tanh autoencoder. */
  static DenseAutoencoderDetector autoencoder(int features, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] sizes = {10, 4, 10, features};
    DenseLayer[] layers = new DenseLayer[sizes.length];
    int in = features;
    for (int k = 0; k < sizes.length; k++) {
      Activation a = k == sizes.length - 1 ? Activation.IDENTITY : Activation.TANH;
      layers[k] = new DenseLayer(floats(sizes[k] * in, 0.6, rng), floats(sizes[k], 0.2, rng), in, a);
      in = sizes[k];
    }
    return new DenseAutoencoderDetector(List.of(layers));
  }

  static LstmDetector lstm(int features, int hidden, int sequenceLength, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    LstmLayer lstm = new LstmLayer(floats(4 * hidden * features, 0.5, rng),
        floats(4 * hidden * hidden, 0.5, rng), floats(4 * hidden, 0.3, rng),
        floats(4 * hidden, 0.3, rng), features);
    DenseLayer out = new DenseLayer(floats(features * hidden, 0.8, rng), floats(features, 0.1, rng),
        hidden, Activation.IDENTITY);
    return new LstmDetector(lstm, out, sequenceLength);
  }

  static double[][] rows(int n, int width, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] rows = new double[n][width];
    for (double[] row : rows) {
      for (int j = 0; j < width; j++) {
        row[j] = rng.nextGaussian();
      }
    }
    return rows;
  }
}
