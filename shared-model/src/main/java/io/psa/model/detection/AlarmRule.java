package io.psa.model.detection;

import io.psa.dsp.ValidationException;
import io.psa.model.calibration.CalibrationFitter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When windows raise an alarm: a window's raw score reaches a threshold fitted on the training
 * windows' raw scores, in {@code k} of the last {@code n} windows (itself included), and the alarm
 * then stays on for {@code hold} more windows.
 *
 * <p>The threshold is {@code Q + margin · (Q − median)}, {@code Q} the training quantile at
 * {@code quantile}. The margin exists because the detector was fitted on the very windows the
 * threshold is read from, so their scores are optimistic: it widens the normal band by a multiple
 * of its own spread, which does not depend on the detector's score scale or offset.
 *
 * <p>The k-of-n rule delays an alarm until a change is confirmed, so a stream (a {@code /predict}
 * batch) can alarm from its {@code k}-th window on: a single odd window, such as a batch's first
 * one where the zero-phase filter's padding leaves its mark, never alarms alone. The hold is
 * an off-delay as in alarm management (ISA-18.2): a fault's alarm does not drop out while the score
 * dips below the threshold for a moment. Both look only backwards, so decisions never depend on
 * later windows.
 *
 * @param quantile training quantile, in (0, 1] [0.995]
 * @param margin multiples of {@code Q − median} added to {@code Q}, >= 0
 * @param k windows above the threshold needed among the last n, 1 to n
 * @param n windows looked at, >= 1
 * @param hold windows an alarm stays on after the k-of-n rule last fired, >= 0
 */
public record AlarmRule(double quantile, double margin, int k, int n, int hold) {

  /** A rule without hold. */
  public AlarmRule(double quantile, double margin, int k, int n) {
    this(quantile, margin, k, n, 0);
  }

  public AlarmRule {
    if (!(quantile > 0 && quantile <= 1)) {
      throw ValidationException.ofConfig("threshold_quantile", "must be in (0, 1], got " + quantile);
    }
    if (!(margin >= 0 && Double.isFinite(margin))) {
      throw ValidationException.ofConfig("threshold_margin",
          "must be a finite number >= 0, got " + margin);
    }
    if (n < 1 || k < 1 || k > n) {
      throw ValidationException.ofConfig("alarm_k", "needs 1 <= alarm_k <= alarm_n, got k=" + k
          + ", n=" + n);
    }
    if (hold < 0) {
      throw ValidationException.ofConfig("alarm_hold_s", "must be >= 0, got " + hold + " windows");
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

  /** Per window of one stream, whether the alarm is on (see {@link Tracker}). */
  public boolean[] decide(double[] raw, double threshold) {
    Tracker t = tracker(threshold);
    boolean[] out = new boolean[raw.length];
    for (int i = 0; i < raw.length; i++) {
      out[i] = t.next(raw[i]);
    }
    return out;
  }

  /** A fresh state for one stream. */
  public Tracker tracker(double threshold) {
    return new Tracker(threshold);
  }

  /**
   * The rule's state along one stream of windows. Also tracks the statistic the decision rests
   * on: the {@code k}-th largest raw score among the last {@code min(n, seen)} windows (minus
   * infinity before {@code k} windows were seen), which reaches the threshold exactly when the
   * rule fires; its largest value over a batch is what batch scores are calibrated on. Not
   * thread-safe.
   */
  public final class Tracker {
    private final double threshold;
    private final double[] last = new double[n];
    private final double[] sorted = new double[n];
    private long seen;
    private long sinceFired = Long.MAX_VALUE / 2;
    private double statistic = Double.NEGATIVE_INFINITY;

    private Tracker(double threshold) {
      this.threshold = threshold;
    }

    /**
     * The next window's raw score; returns whether the alarm is on at it. A NaN score (a broken
     * window) counts as above every threshold.
     */
    public boolean next(double raw) {
      last[(int) (seen % n)] = Double.isNaN(raw) ? Double.POSITIVE_INFINITY : raw;
      seen++;
      statistic = kthLargest();
      sinceFired = statistic >= threshold ? 0 : sinceFired + 1;
      return sinceFired <= hold;
    }

    /** Whether the k-of-n rule itself fired at the last window (the hold aside). */
    public boolean fired() {
      return sinceFired == 0;
    }

    /**
     * How many windows before the last one stands the earliest window at or above the threshold
     * among those the rule looks at (the last {@code n} since the start or a reset); -1 when none.
     */
    public int firstAboveAgo() {
      long looked = Math.min(n, seen);
      for (long i = seen - looked; i < seen; i++) {
        if (last[(int) (i % n)] >= threshold) {
          return (int) (seen - 1 - i);
        }
      }
      return -1;
    }

    /** The decision statistic at the last window, or -infinity before {@code k} windows. */
    public double statistic() {
      return statistic;
    }

    private double kthLargest() {
      int available = (int) Math.min(n, seen);
      if (available < k) {
        return Double.NEGATIVE_INFINITY;
      }
      System.arraycopy(last, 0, sorted, 0, available);
      Arrays.sort(sorted, 0, available);
      return sorted[available - k];
    }

    /** Forgets every window: the next one starts the stream afresh (after a re-baseline). */
    public void reset() {
      seen = 0;
      sinceFired = Long.MAX_VALUE / 2;
      statistic = Double.NEGATIVE_INFINITY;
    }
  }

  /** The manifest's {@code alarm} object (without the fitted threshold). */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("quantile", quantile);
    map.put("margin", margin);
    map.put("k", k);
    map.put("n", n);
    map.put("hold_windows", hold);
    return map;
  }

  /** Reads what {@link #toMap} wrote. */
  public static AlarmRule fromMap(Map<String, ?> map) {
    return new AlarmRule(((Number) map.get("quantile")).doubleValue(),
        ((Number) map.get("margin")).doubleValue(), ((Number) map.get("k")).intValue(),
        ((Number) map.get("n")).intValue(), ((Number) map.get("hold_windows")).intValue());
  }
}
