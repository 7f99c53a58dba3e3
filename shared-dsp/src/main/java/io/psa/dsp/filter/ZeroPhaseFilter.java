package io.psa.dsp.filter;

/**
 * Zero-phase filtering exactly as {@code scipy.signal.sosfiltfilt(sos, x)} with its defaults: odd
 * extension by {@link Sos#padlen()} samples at each end, a forward pass from {@code sosfilt_zi ·
 * ext[0]}, a backward pass from {@code sosfilt_zi · y[-1]}, and the extension cut off again.
 *
 * <p>Stateless and thread-safe; callers pass their own work arrays so repeated calls allocate
 * nothing.
 */
public final class ZeroPhaseFilter {

  private final Sos sos;

  /** Runs {@code sos} forwards and backwards, as {@code scipy.signal.sosfiltfilt(sos, x)}. */
  public ZeroPhaseFilter(Sos sos) {
    this.sos = sos;
  }

  /** The filter's second-order sections. */
  public Sos sos() {
    return sos;
  }

  /** Samples of odd extension at each end; a signal needs more samples than this. */
  public int padlen() {
    return sos.padlen();
  }

  /** Length of the work array {@link #filter} needs for {@code n} samples. */
  public int workLength(int n) {
    return n + 2 * sos.padlen();
  }

  /**
   * Filters {@code xs[c][0..n)} in place for every {@code c < channels}.
   *
   * @param work one array per channel of at least {@link #workLength}{@code (n)}
   * @param states one array per channel of at least {@code 2 · sections}
   * @throws IllegalArgumentException if {@code n <= padlen}
   */
  public void filter(double[][] xs, int channels, int n, double[][] work, double[][] states) {
    int pad = sos.padlen();
    if (n <= pad) {
      throw new IllegalArgumentException("need more than " + pad + " samples, got " + n);
    }
    int len = n + 2 * pad;
    for (int c = 0; c < channels; c++) {
      oddExtend(xs[c], n, pad, work[c]);
    }
    for (int c = 0; c < channels; c++) {
      SosKernel.steadyState(sos, work[c][0], states[c]);
    }
    SosKernel.runChannels(sos, states, work, channels, 0, len, 1);
    for (int c = 0; c < channels; c++) {
      SosKernel.steadyState(sos, work[c][len - 1], states[c]);
    }
    SosKernel.runChannels(sos, states, work, channels, len - 1, len, -1);
    for (int c = 0; c < channels; c++) {
      System.arraycopy(work[c], pad, xs[c], 0, n);
    }
  }

  /** Filters {@code x[0..n)} of one channel in place. */
  public void filter(double[] x, int n) {
    filter(new double[][] {x}, 1, n, new double[][] {new double[workLength(n)]},
        new double[][] {new double[2 * sos.sections()]});
  }

  /**
   * {@code scipy.signal._arraytools.odd_ext}: {@code ext = [2·x0 − x[pad..1], x, 2·x[n−1] −
   * x[n−2..n−1−pad]]}.
   */
  public static void oddExtend(double[] x, int n, int pad, double[] ext) {
    double left = 2 * x[0];
    for (int i = 0; i < pad; i++) {
      ext[i] = left - x[pad - i];
    }
    System.arraycopy(x, 0, ext, pad, n);
    double right = 2 * x[n - 1];
    for (int i = 0; i < pad; i++) {
      ext[pad + n + i] = right - x[n - 2 - i];
    }
  }
}
