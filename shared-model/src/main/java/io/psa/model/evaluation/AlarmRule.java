package io.psa.model.evaluation;

import io.psa.dsp.ValidationException;
import io.psa.model.calibration.CalibrationFitter;
import java.util.Arrays;

/**
 * When a window raises an alarm: its raw score reaches a threshold fitted on the training windows'
 * raw scores, in {@code k} of the last {@code n} windows (itself included).
 *
 * <p>The threshold is {@code Q + margin · (Q − median)}, {@code Q} the training quantile at
 * {@code quantile}. The margin exists because the detector was fitted on the very windows the
 * threshold is read from, so their scores are optimistic: the margin widens the normal band by a
 * multiple of its own spread, which is invariant to the detector's score scale and offset. With
 * margin 0 it is the product's threshold ({@code threshold_quantile}). The k-of-n rule looks only
 * at the window itself and earlier ones, so it stays causal.
 *
 * <p>The hold is an off-delay, as alarm management uses it (ISA-18.2): once the k-of-n rule has
 * alarmed, the alarm stays on for {@code hold} more windows. The k-of-n rule delays the start of an
 * alarm; the hold keeps a fault's alarm from dropping out while the process is still recovering
 * and the score dips below the threshold for a moment. It also looks only backwards.
 *
 * @param quantile training quantile, in (0, 1] [0.99]
 * @param margin multiples of {@code Q − median} added to {@code Q}, >= 0 [1.0]
 * @param k alarms needed among the last n windows, 1 to n [1]
 * @param n windows looked at, >= 1 [1]
 * @param hold windows an alarm stays on after the k-of-n rule last fired, >= 0 [0]
 */
public record AlarmRule(double quantile, double margin, int k, int n, int hold) {

  /** A rule without hold. */
  public AlarmRule(double quantile, double margin, int k, int n) {
    this(quantile, margin, k, n, 0);
  }

  public AlarmRule {
    if (!(quantile > 0 && quantile <= 1)) {
      throw ValidationException.ofConfig("threshold.quantile", "must be in (0, 1], got " + quantile);
    }
    if (!(margin >= 0 && Double.isFinite(margin))) {
      throw ValidationException.ofConfig("threshold.margin", "must be a finite number >= 0, got " + margin);
    }
    if (n < 1 || k < 1 || k > n) {
      throw ValidationException.ofConfig("alarm", "needs 1 <= k <= n, got k=" + k + ", n=" + n);
    }
    if (hold < 0) {
      throw ValidationException.ofConfig("alarm.hold", "must be >= 0 windows, got " + hold);
    }
  }

  /** The raw-score threshold from the training windows' raw scores. */
  public double threshold(double[] trainingRaw) {
    double[] sorted = trainingRaw.clone();
    Arrays.sort(sorted);
    double q = CalibrationFitter.quantile(sorted, quantile);
    double median = CalibrationFitter.quantile(sorted, 0.5);
    return q + margin * (q - median);
  }

  /**
   * Per window, whether it alarms: {@code raw >= threshold} in k of the last n windows, or that
   * was so at most {@code hold} windows ago.
   */
  public boolean[] decide(double[] raw, double threshold) {
    boolean[] out = new boolean[raw.length];
    int inWindow = 0;
    int lastFired = Integer.MIN_VALUE / 2;
    for (int i = 0; i < raw.length; i++) {
      // a NaN score (a broken window) counts as above the threshold, as in the calibration
      inWindow += above(raw[i], threshold) ? 1 : 0;
      if (i >= n) {
        inWindow -= above(raw[i - n], threshold) ? 1 : 0;
      }
      if (inWindow >= k) {
        lastFired = i;
      }
      out[i] = i - lastFired <= hold;
    }
    return out;
  }

  private static boolean above(double raw, double threshold) {
    return Double.isNaN(raw) || raw >= threshold;
  }
}
