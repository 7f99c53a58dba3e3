package io.psa.dsp;

/**
 * Per-thread scratch arrays of {@link Pipeline}, grown on demand and reused across batches so the
 * steady state allocates only the outputs. Batches longer than {@link #RETAIN_LIMIT} grid samples
 * (about 45 minutes at 10 ms) use arrays of their own, which the garbage collector takes back.
 */
final class Workspace {

  private static final ThreadLocal<Workspace> CURRENT = ThreadLocal.withInitial(Workspace::new);

  double[][] grid = new double[0][];
  double[][] work = new double[0][];
  double[][] states = new double[0][];
  double[][] resampled = new double[0][];
  int[] columns = new int[0];
  int[] segment = new int[0];
  double[] offset = new double[0];

  /** Grid samples above which a batch gets arrays of its own, so a thread does not keep them. */
  static final int RETAIN_LIMIT = 1 << 18;

  static Workspace get(int channels, int gridSize, int workSize, int stateSize, int resampled) {
    Workspace w = gridSize > RETAIN_LIMIT ? new Workspace() : CURRENT.get();
    w.ensure(channels, gridSize, workSize, stateSize, resampled);
    return w;
  }

  private void ensure(int channels, int gridSize, int workSize, int stateSize, int resampledSize) {
    grid = grow(grid, channels, gridSize);
    work = grow(work, channels, workSize);
    states = grow(states, channels, stateSize);
    resampled = grow(resampled, channels, resampledSize);
    if (columns.length < channels) {
      columns = new int[channels];
    }
    if (segment.length < gridSize) {
      segment = new int[gridSize + (gridSize >> 3)];
      offset = new double[segment.length];
    }
  }

  private static double[][] grow(double[][] arrays, int count, int length) {
    double[][] out = arrays.length >= count ? arrays : java.util.Arrays.copyOf(arrays, count);
    for (int c = 0; c < count; c++) {
      if (out[c] == null || out[c].length < length) {
        // some headroom so slowly growing batches do not reallocate every time
        out[c] = new double[length + (length >> 3)];
      }
    }
    return out;
  }
}
