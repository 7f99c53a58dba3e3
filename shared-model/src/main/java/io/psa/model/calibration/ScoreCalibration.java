package io.psa.model.calibration;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw score to {@code [0, 1]}: the empirical CDF of the training windows' raw scores, made
 * piecewise linear between quantile knots, with a saturating tail above the training
 * maximum so that larger raw scores keep ranking higher instead of all becoming 1.
 *
 * <p>Knot {@code j} maps raw value {@code raw[j]} (the training quantile at level {@code
 * level[j]}) to {@code level[j] · n / (n + 1)} for {@code n} training scores (Weibull plotting
 * position): the training maximum maps below 1, leaving room for the tail
 * {@code top + (1 − top) · d / (1 + d)} with {@code d = (x − max) / tau}, {@code tau} the spread
 * between the training median and maximum. Below the training minimum the score is 0. The map is monotone
 * non-decreasing everywhere and strictly increasing from the minimum of the training scores up,
 * except across raw values where many training scores tie.
 *
 * <p>The detector contract makes a higher raw score more anomalous; {@link #DIRECTION} records
 * that in the manifest so that a reader never has to guess.
 *
 * @param raw knot raw values, non-decreasing
 * @param calibrated knot calibrated values, non-decreasing, in [0, 1)
 * @param tailScale {@code tau} of the tail above {@code raw[last]}, > 0
 * @param thresholdQuantile level of the training scores the threshold sits at [0.995]
 * @param threshold calibrated value of the training raw-score quantile at {@code thresholdQuantile}
 */
public record ScoreCalibration(
    double[] raw, double[] calibrated, double tailScale, double thresholdQuantile, double threshold) {

  /** Which raw-score direction is anomalous, as the manifest records it. */
  public static final String DIRECTION = "higher_raw_is_more_anomalous";

  public ScoreCalibration {
    if (raw.length < 2 || raw.length != calibrated.length) {
      throw new IllegalArgumentException("need at least 2 knots of raw and calibrated values");
    }
    for (int j = 1; j < raw.length; j++) {
      if (!(raw[j] >= raw[j - 1]) || !(calibrated[j] >= calibrated[j - 1])) {
        throw new IllegalArgumentException("knots must be non-decreasing at " + j);
      }
    }
    if (!(calibrated[0] >= 0 && calibrated[calibrated.length - 1] < 1)) {
      throw new IllegalArgumentException("knot values must lie in [0, 1)");
    }
    if (!(tailScale > 0 && Double.isFinite(tailScale))) {
      throw new IllegalArgumentException("tail scale must be finite and > 0, got " + tailScale);
    }
    if (!(thresholdQuantile > 0 && thresholdQuantile <= 1)) {
      throw new IllegalArgumentException("threshold quantile must be in (0, 1], got " + thresholdQuantile);
    }
    raw = raw.clone();
    calibrated = calibrated.clone();
  }

  /** The calibrated score of one raw score, in [0, 1]; NaN maps to 1 (never hide a broken window). */
  public double apply(double x) {
    if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
      return 1.0;
    }
    int last = raw.length - 1;
    if (x > raw[last]) {
      // rational, not exponential: it stays below 1 in double precision until x - max is about
      // 1e16 tails, so even huge anomalies keep their order
      double d = (x - raw[last]) / tailScale;
      double tail = d / (1 + d);
      return calibrated[last] + (1 - calibrated[last]) * tail;
    }
    if (x < raw[0]) {
      return 0.0;
    }
    // the last knot with raw <= x: at a tie the highest level wins (a right-continuous CDF)
    int hi = upperBound(x);
    int lo = hi - 1;
    if (hi > last || raw[hi] == raw[lo]) {
      return calibrated[lo];
    }
    double t = (x - raw[lo]) / (raw[hi] - raw[lo]);
    return calibrated[lo] + t * (calibrated[hi] - calibrated[lo]);
  }

  /**
   * The smallest raw score whose calibrated score reaches {@code p} (the inverse of {@link
   * #apply} where it is increasing): for {@code p} at or below the first knot its raw value, in
   * the tail the raw score the tail maps to {@code p}, and infinity for {@code p >= 1}.
   */
  public double rawAt(double p) {
    int last = raw.length - 1;
    if (p >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    if (p > calibrated[last]) {
      double tail = (p - calibrated[last]) / (1 - calibrated[last]);
      return raw[last] + tailScale * tail / (1 - tail);
    }
    for (int j = 0; j <= last; j++) {
      if (calibrated[j] >= p) {
        if (j == 0 || calibrated[j] == calibrated[j - 1]) {
          return raw[j];
        }
        double t = (p - calibrated[j - 1]) / (calibrated[j] - calibrated[j - 1]);
        return raw[j - 1] + t * (raw[j] - raw[j - 1]);
      }
    }
    return raw[last];
  }

  /** Calibrated scores of raw scores. */
  public double[] apply(double[] xs) {
    double[] out = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = apply(xs[i]);
    }
    return out;
  }

  private int upperBound(double x) {
    int lo = 0;
    int hi = raw.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (raw[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The manifest's {@code calibration} object. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("type", "empirical_cdf");
    map.put("direction", DIRECTION);
    map.put("threshold", threshold);
    map.put("threshold_quantile", thresholdQuantile);
    map.put("tail_scale", tailScale);
    map.put("raw", Arrays.stream(raw).boxed().toList());
    map.put("calibrated", Arrays.stream(calibrated).boxed().toList());
    return map;
  }

  /** Reads what {@link #toMap} wrote. */
  public static ScoreCalibration fromMap(Map<String, ?> map) {
    if (!"empirical_cdf".equals(map.get("type")) || !DIRECTION.equals(map.get("direction"))) {
      throw new IllegalArgumentException(
          "unsupported calibration " + map.get("type") + " / " + map.get("direction"));
    }
    return new ScoreCalibration(
        doubles(map.get("raw")),
        doubles(map.get("calibrated")),
        number(map.get("tail_scale")),
        number(map.get("threshold_quantile")),
        number(map.get("threshold")));
  }

  private static double number(Object o) {
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("expected a number, got " + o);
  }

  private static double[] doubles(Object o) {
    if (!(o instanceof List<?> list)) {
      throw new IllegalArgumentException("expected a list of numbers, got " + o);
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(list.get(i));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoreCalibration c
        && Arrays.equals(raw, c.raw)
        && Arrays.equals(calibrated, c.calibrated)
        && Double.compare(tailScale, c.tailScale) == 0
        && Double.compare(thresholdQuantile, c.thresholdQuantile) == 0
        && Double.compare(threshold, c.threshold) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw) ^ Arrays.hashCode(calibrated) ^ Double.hashCode(threshold);
  }

  @Override
  public String toString() {
    return "ScoreCalibration[knots=" + raw.length + ", threshold=" + threshold
        + " at quantile " + thresholdQuantile + "]";
  }
}
