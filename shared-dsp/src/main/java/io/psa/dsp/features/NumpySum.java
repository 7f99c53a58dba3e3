package io.psa.dsp.features;

/**
 * numpy's float64 summation ({@code pairwise_sum} in {@code loops_utils.h}): fewer than 8 values
 * are added in order; up to 128 with eight interleaved accumulators combined as {@code ((r0+r1) +
 * (r2+r3)) + ((r4+r5) + (r6+r7))} plus the leftovers; longer runs split in two halves (the first
 * a multiple of 8). Reproducing the order makes {@code numpy.mean} agree to the bit.
 */
public final class NumpySum {

  private static final int BLOCK = 128;

  private NumpySum() {}

  /** The sum of {@code x[from .. from + n)} as {@code numpy.sum} computes it. */
  public static double pairwise(double[] x, int from, int n) {
    // the short cases stay out of the recursion so the JIT inlines them into the feature loop
    return n <= BLOCK ? block(x, from, n) : split(x, from, n);
  }

  private static double split(double[] x, int from, int n) {
    int half = n / 2;
    half -= half % 8;
    return pairwise(x, from, half) + pairwise(x, from + half, n - half);
  }

  private static double block(double[] x, int from, int n) {
    if (n < 8) {
      double res = 0.0;
      for (int i = from; i < from + n; i++) {
        res += x[i];
      }
      return res;
    }
    double r0 = x[from], r1 = x[from + 1], r2 = x[from + 2], r3 = x[from + 3];
    double r4 = x[from + 4], r5 = x[from + 5], r6 = x[from + 6], r7 = x[from + 7];
    int i = 8;
    for (; i < n - (n % 8); i += 8) {
      int k = from + i;
      r0 += x[k];
      r1 += x[k + 1];
      r2 += x[k + 2];
      r3 += x[k + 3];
      r4 += x[k + 4];
      r5 += x[k + 5];
      r6 += x[k + 6];
      r7 += x[k + 7];
    }
    double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++) {
      res += x[from + i];
    }
    return res;
  }
}
