package io.psa.model.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Looks for what a model should not learn as normal: a change of regime inside the training data
 * (a feature that sits at one level in one part and at another in the rest) and a stretch of
 * windows that score far above the rest (a fault recorded while the machine was thought healthy).
 * Either silently widens "normal" and hides the same change later, so training reports it.
 *
 * <p>Regime change: for each of the detector's features, the split of the signal (each side at
 * least a tenth of it) that maximises the difference of the two sides' means in units of their
 * pooled standard deviation; a difference of {@link #SHIFT} or more is reported with the features
 * that show it. Fault: a run of at least {@code k} consecutive windows whose raw score exceeds the
 * upper quartile by {@link #OUTLIER_IQR} interquartile ranges.
 */
public final class RegimeScan {

  /** Means this many pooled standard deviations apart make a regime change. */
  static final double SHIFT = 4.0;

  /** Raw scores this many interquartile ranges above the upper quartile are far from the rest. */
  static final double OUTLIER_IQR = 10.0;

  /** Signals with fewer windows are not scanned: there is no "rest" to compare with. */
  static final int MIN_WINDOWS = 40;

  private RegimeScan() {}

  /** Where the signal's windows and records are, to name rows in a warning. */
  public record SignalView(String name, long[] recordTsMs, long[][] windowSpans) {
    long row(long tsMs) {
      int i = Arrays.binarySearch(recordTsMs, tsMs);
      return i >= 0 ? i : Math.max(0, -i - 2);
    }
  }

  /**
   * @param signal the signal's records and windows
   * @param features the detector's (unscaled) features, windows in time order
   * @param names the features' names
   * @param raw the windows' raw scores
   * @param minRun windows in a row that make a fault (the alarm rule's k)
   */
  public static List<TrainingWarning> scan(SignalView signal, double[][] features,
      List<String> names, double[] raw, int minRun) {
    List<TrainingWarning> out = new ArrayList<>();
    int n = features.length;
    if (n < MIN_WINDOWS) {
      return out;
    }
    regimeChange(signal, features, names).ifPresent(out::add);
    out.addAll(outlierRuns(signal, raw, minRun));
    return out;
  }

  private static java.util.Optional<TrainingWarning> regimeChange(SignalView signal,
      double[][] x, List<String> names) {
    int n = x.length;
    int min = Math.max(10, n / 10);
    int bestSplit = -1;
    double best = 0;
    double[][] shifts = new double[names.size()][];
    for (int j = 0; j < names.size(); j++) {
      shifts[j] = splitShifts(x, j, min);
      for (int t = min; t <= n - min; t++) {
        if (shifts[j][t] > best) {
          best = shifts[j][t];
          bestSplit = t;
        }
      }
    }
    if (best < SHIFT) {
      return java.util.Optional.empty();
    }
    List<String> moved = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      if (shifts[j][bestSplit] >= SHIFT) {
        moved.add(String.format(Locale.ROOT, "%s (%.1f sd)", names.get(j), shifts[j][bestSplit]));
      }
    }
    long from = signal.windowSpans()[bestSplit][0];
    long to = signal.windowSpans()[n - 1][1];
    String message = String.format(Locale.ROOT,
        "a change of regime: from here to the end, %s differ from the training data before it"
            + " (means apart by that many pooled standard deviations); the model takes both as"
            + " normal, so the same change would not alarm later. Train on one regime.",
        String.join(", ", moved.subList(0, Math.min(5, moved.size()))));
    return java.util.Optional.of(new TrainingWarning(signal.name(), signal.row(from),
        signal.recordTsMs().length - 1L, from, to, message));
  }

  /** For each split t, |mean(after) − mean(before)| / pooled sd of feature j. */
  private static double[] splitShifts(double[][] x, int j, int min) {
    int n = x.length;
    double[] prefix = new double[n + 1];
    double[] prefix2 = new double[n + 1];
    double shift = x[0][j];
    for (int i = 0; i < n; i++) {
      double v = x[i][j] - shift;
      prefix[i + 1] = prefix[i] + v;
      prefix2[i + 1] = prefix2[i] + v * v;
    }
    double[] out = new double[n + 1];
    for (int t = min; t <= n - min; t++) {
      double m1 = prefix[t] / t;
      double m2 = (prefix[n] - prefix[t]) / (n - t);
      double ss1 = prefix2[t] - t * m1 * m1;
      double ss2 = (prefix2[n] - prefix2[t]) - (n - t) * m2 * m2;
      double pooled = Math.sqrt(Math.max(0, ss1 + ss2) / n);
      double d = Math.abs(m2 - m1);
      out[t] = pooled > 1e-12 * (Math.abs(m1) + Math.abs(m2) + 1e-300) ? d / pooled : 0;
    }
    return out;
  }

  private static List<TrainingWarning> outlierRuns(SignalView signal, double[] raw, int minRun) {
    double[] sorted = raw.clone();
    Arrays.sort(sorted);
    double q1 = io.psa.model.calibration.CalibrationFitter.quantile(sorted, 0.25);
    double q3 = io.psa.model.calibration.CalibrationFitter.quantile(sorted, 0.75);
    double limit = q3 + OUTLIER_IQR * Math.max(q3 - q1, 1e-12 * Math.abs(q3));
    List<TrainingWarning> out = new ArrayList<>();
    int run = 0;
    for (int i = 0; i <= raw.length; i++) {
      if (i < raw.length && (Double.isNaN(raw[i]) || raw[i] > limit)) {
        run++;
        continue;
      }
      if (run >= Math.max(1, minRun)) {
        long from = signal.windowSpans()[i - run][0];
        long to = signal.windowSpans()[i - 1][1];
        out.add(new TrainingWarning(signal.name(), signal.row(from), signal.row(to), from, to,
            String.format(Locale.ROOT, "%d windows in a row score far above the rest of the"
                + " training data (over %.0f interquartile ranges above its upper quartile): a"
                + " fault or an unusual state recorded as normal? The model learns it as normal.",
                run, OUTLIER_IQR)));
      }
      run = 0;
    }
    return out;
  }
}
