package io.psa.model.detection;

import io.psa.model.calibration.CalibrationFitter;
import io.psa.model.calibration.ScoreCalibration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch's {@code anomaly_score}: its percentile among normal batches of the same length. The
 * statistic is the largest alarm statistic of the batch's windows ({@link AlarmRule.Tracker}), so
 * the batch raises an alarm exactly when the statistic reaches the window threshold.
 *
 * <p>The distribution is estimated at training for batches of {@code k}, {@code 2k}, {@code 4k},
 * ... windows ({@code k} of the alarm rule: a shorter batch cannot alarm and scores 0), one
 * empirical CDF ({@link ScoreCalibration}) per length, a rung, from every batch of that length cut
 * from the training windows. Between two rungs the percentile is interpolated linearly in
 * the logarithm of the length; beyond the longest rung, a batch of {@code m} times its length is
 * treated as {@code m} independent batches: {@code F(s)^m}.
 *
 * @param rungs ascending by length
 */
public record BatchCalibration(List<Rung> rungs) {

  /** The CDF of the statistic over normal batches of {@code windows} windows. */
  public record Rung(int windows, ScoreCalibration cdf) {}

  /** The longest rung has at least this many batches to learn from. */
  public static final int MIN_BATCHES = 8;

  public BatchCalibration {
    rungs = List.copyOf(rungs);
    if (rungs.isEmpty()) {
      throw new IllegalArgumentException("a batch calibration needs at least one rung");
    }
    for (int i = 1; i < rungs.size(); i++) {
      if (rungs.get(i).windows() <= rungs.get(i - 1).windows()) {
        throw new IllegalArgumentException("rungs must be ascending by length");
      }
    }
  }

  /**
   * Fits the rungs on the statistics of training batches.
   *
   * @param statistics for a batch length, the statistic of every training batch of that length
   * @param shortest the shortest batch that can alarm (the alarm rule's k)
   * @param longest the longest batch the training data holds at least {@link #MIN_BATCHES} times
   */
  public static BatchCalibration fit(java.util.function.IntFunction<double[]> statistics,
      int shortest, int longest) {
    List<Rung> rungs = new ArrayList<>();
    for (int w = shortest; w <= Math.max(shortest, longest); w *= 2) {
      double[] s = java.util.Arrays.stream(statistics.apply(w)).filter(Double::isFinite).toArray();
      if (s.length < 2) {
        break;
      }
      rungs.add(new Rung(w, CalibrationFitter.fit(s, 1.0)));
    }
    return new BatchCalibration(rungs);
  }

  /** The percentile of a statistic among normal batches of {@code windows} windows, in [0, 1]. */
  public double apply(double statistic, int windows) {
    Rung first = rungs.get(0);
    if (windows <= first.windows()) {
      return first.cdf().apply(statistic);
    }
    for (int i = 1; i < rungs.size(); i++) {
      Rung hi = rungs.get(i);
      if (windows <= hi.windows()) {
        Rung lo = rungs.get(i - 1);
        double t = Math.log((double) windows / lo.windows()) / Math.log((double) hi.windows() / lo.windows());
        return lo.cdf().apply(statistic) * (1 - t) + hi.cdf().apply(statistic) * t;
      }
    }
    Rung last = rungs.get(rungs.size() - 1);
    return Math.pow(last.cdf().apply(statistic), (double) windows / last.windows());
  }

  public Map<String, Object> toMap() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Rung r : rungs) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("windows", r.windows());
      m.put("cdf", r.cdf().toMap());
      out.add(m);
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("statistic", "largest_alarm_statistic");
    map.put("rungs", out);
    return map;
  }

  @SuppressWarnings("unchecked")
  public static BatchCalibration fromMap(Map<String, ?> map) {
    List<Rung> rungs = new ArrayList<>();
    for (Map<String, Object> m : (List<Map<String, Object>>) map.get("rungs")) {
      rungs.add(new Rung(((Number) m.get("windows")).intValue(),
          ScoreCalibration.fromMap((Map<String, ?>) m.get("cdf"))));
    }
    return new BatchCalibration(rungs);
  }
}
