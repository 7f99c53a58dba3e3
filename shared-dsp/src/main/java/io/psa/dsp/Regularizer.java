package io.psa.dsp;

/**
 * Step 1 of docs/pipeline.md: linear interpolation of every channel onto the grid {@code t_k = t_0
 * + k · period}, {@code t_k ≤ t_last}, with {@code numpy.interp}'s arithmetic: a grid point that
 * falls on an input timestamp takes that sample as is, any other {@code slope · (t − t_j) + y_j}
 * with {@code slope = (y_{j+1} − y_j) / (t_{j+1} − t_j)}.
 */
final class Regularizer {

  private Regularizer() {}

  /** Number of grid points for timestamps {@code first..last}. */
  static int gridSize(long firstMs, long lastMs, int periodMs) {
    return (int) ((lastMs - firstMs) / periodMs) + 1;
  }

  /**
   * Fills {@code out[c][0..gridSize)} for {@code c < channels}: channel {@code c} is the batch
   * column {@code columns[c]}. Timestamps must be strictly increasing. {@code segment} and {@code
   * offset} are work arrays of at least {@code gridSize}.
   */
  static void interpolate(long[] ts, int n, double[][] values, int[] columns, int channels,
      int periodMs, double[][] out, int gridSize, int[] segment, double[] offset) {
    if (onGrid(ts, n, periodMs) && n == gridSize) {
      // the usual case: every record on its grid point, so the grid is the input itself
      for (int c = 0; c < channels; c++) {
        System.arraycopy(values[columns[c]], 0, out[c], 0, n);
      }
      return;
    }
    locate(ts, n, periodMs, gridSize, segment, offset);
    for (int c = 0; c < channels; c++) {
      double[] y = values[columns[c]];
      double[] o = out[c];
      for (int k = 0; k < gridSize; k++) {
        int j = segment[k];
        double dt = offset[k];
        if (dt == 0) {
          o[k] = y[j];
        } else {
          // numpy works on float64 timestamps; integer milliseconds below 2^53 convert exactly
          double slope = (y[j + 1] - y[j]) / ((double) ts[j + 1] - (double) ts[j]);
          o[k] = slope * dt + y[j];
        }
      }
    }
  }

  /** For each grid point: the record at or before it, and how far after that record it lies. */
  private static void locate(
      long[] ts, int n, int periodMs, int gridSize, int[] segment, double[] offset) {
    long t0 = ts[0];
    int j = 0;
    for (int k = 0; k < gridSize; k++) {
      long t = t0 + (long) k * periodMs;
      while (j + 1 < n && ts[j + 1] <= t) {
        j++;
      }
      segment[k] = j;
      offset[k] = (double) t - (double) ts[j];
    }
  }

  private static boolean onGrid(long[] ts, int n, int periodMs) {
    long t0 = ts[0];
    for (int i = 1; i < n; i++) {
      if (ts[i] != t0 + (long) i * periodMs) {
        return false;
      }
    }
    return true;
  }
}
