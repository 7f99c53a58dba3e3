package io.psa.dsp.filter;

/**
 * Step 3 of docs/pipeline.md, the local-level Kalman filter, forward only: {@code x₀ = z₀}, {@code
 * P₀ = r}; for each sample (the first included) {@code P ← P + q}, {@code K = P / (P + r)}, {@code
 * x ← x + K · (z − x)}, {@code P ← (1 − K) · P}; the output is {@code x} after each update.
 *
 * <p>An instance holds the state of one channel so a long signal can be fed in pieces; the gain
 * sequence depends only on {@code q} and {@code r}, not on the data.
 */
public final class LocalLevelKalman {

  private final double q;
  private final double r;
  private double x;
  private double p;
  private boolean started;

  /**
   * @param q process noise variance, {@code >= 0}
   * @param r measurement noise variance, {@code > 0}
   */
  public LocalLevelKalman(double q, double r) {
    this.q = q;
    this.r = r;
  }

  /** Replaces {@code z[from..to)} by the filtered level, continuing from the previous call. */
  public void filter(double[] z, int from, int to) {
    if (from >= to) {
      return;
    }
    if (!started) {
      x = z[from];
      p = r;
      started = true;
    }
    double xi = x;
    double pi = p;
    for (int k = from; k < to; k++) {
      pi = pi + q;
      double gain = pi / (pi + r);
      xi = xi + gain * (z[k] - xi);
      pi = (1 - gain) * pi;
      z[k] = xi;
    }
    x = xi;
    p = pi;
  }

  /** Filters {@code z[0..n)} in place from a fresh state. */
  public static void filterOnce(double q, double r, double[] z, int n) {
    new LocalLevelKalman(q, r).filter(z, 0, n);
  }
}
