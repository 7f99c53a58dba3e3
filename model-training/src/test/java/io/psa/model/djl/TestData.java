package io.psa.model.djl;

import java.util.SplittableRandom;

/** Seeded random inputs of the tests. */
final class TestData {

  private TestData() {}

  /** {@code n x width} values from a normal distribution of the given standard deviation. */
  static float[][] gaussian(int n, int width, double sd, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[][] out = new float[n][width];
    for (float[] row : out) {
      for (int j = 0; j < width; j++) {
        row[j] = (float) (sd * rng.nextGaussian());
      }
    }
    return out;
  }

  static double[][] toDouble(float[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = toDouble(rows[i]);
    }
    return out;
  }

  static double[] toDouble(float[] row) {
    double[] out = new double[row.length];
    for (int j = 0; j < row.length; j++) {
      out[j] = row[j];
    }
    return out;
  }
}
