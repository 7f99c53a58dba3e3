package io.psa.model.calibration;

import java.util.Arrays;

/**
 * Fits a {@link ScoreCalibration} on the raw scores of the training windows.
 *
 * <p>Knots sit at quantile levels 0, 0.01, …, 0.99 plus a denser tail (0.991 … 0.999, 0.9995,
 * 0.9999, 1), where the threshold usually lies, so the map stays within one percentile of the
 * empirical CDF where it matters and the manifest stays small (112 knots).
 */
public final class CalibrationFitter {

  private static final double[] LEVELS = levels();

  private CalibrationFitter() {}

  /**
   * @param trainingRaw raw scores of the training windows, finite, at least 2
   * @param thresholdQuantile where the threshold sits among the training scores, in (0, 1]
   */
  public static ScoreCalibration fit(double[] trainingRaw, double thresholdQuantile) {
    if (trainingRaw.length < 2) {
      throw new IllegalArgumentException("need at least 2 training scores, got " + trainingRaw.length);
    }
    double[] sorted = trainingRaw.clone();
    Arrays.sort(sorted);
    if (!Double.isFinite(sorted[0]) || !Double.isFinite(sorted[sorted.length - 1])) {
      throw new IllegalArgumentException("training scores must be finite");
    }
    int n = sorted.length;
    double top = n / (n + 1.0);
    double[] raw = new double[LEVELS.length];
    double[] calibrated = new double[LEVELS.length];
    for (int j = 0; j < LEVELS.length; j++) {
      raw[j] = quantile(sorted, LEVELS[j]);
      calibrated[j] = LEVELS[j] * top;
    }
    double max = sorted[n - 1];
    double spread = max - quantile(sorted, 0.5);
    // a degenerate (constant) training score still needs a positive tail scale
    double tau = spread > 0 ? spread : Math.max(Math.abs(max) * 1e-6, 1e-12);
    ScoreCalibration partial = new ScoreCalibration(raw, calibrated, tau, thresholdQuantile, 0);
    double threshold = partial.apply(quantile(sorted, thresholdQuantile));
    return new ScoreCalibration(raw, calibrated, tau, thresholdQuantile, threshold);
  }

  /** Linear-interpolated quantile of sorted values (numpy's default "linear" method). */
  public static double quantile(double[] sorted, double level) {
    double pos = level * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    double frac = pos - lo;
    return frac == 0 ? sorted[lo] : sorted[lo] + frac * (sorted[hi] - sorted[lo]);
  }

  private static double[] levels() {
    double[] levels = new double[100 + 9 + 3];
    int k = 0;
    for (int i = 0; i < 100; i++) {
      levels[k++] = i / 100.0;
    }
    for (int i = 1; i <= 9; i++) {
      levels[k++] = 0.99 + i / 1000.0;
    }
    levels[k++] = 0.9995;
    levels[k++] = 0.9999;
    levels[k] = 1.0;
    return levels;
  }
}
