package io.psa.dsp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pipeline's configuration (docs/pipeline.md "Settings"): immutable, validated on
 * construction, convertible to and from the snake_case map used in {@code /predict} bodies, model
 * manifests and SageMaker hyperparameters (where every value arrives as a string).
 *
 * @param inputPeriodMs nominal sampling period of the input, ms [10]
 * @param lowpassHz Butterworth cutoff, Hz, below the input Nyquist {@code 500 / inputPeriodMs}
 * [8.0];     0 turns the low-pass off (an extension of docs/pipeline.md for causal evaluation,
 * where the     zero-phase filter would look ahead)
 * @param order Butterworth order, 1 to 10 [4]
 * @param kalman the optional Kalman step, or null when off [off]
 * @param outputPeriodMs period after resampling, a whole multiple of the input period, ms [50]
 * @param windowMs window length, a whole multiple of the output period, ms [1000]
 * @param strideMs window hop, a whole multiple of the output period, ms [250]
 * @param maxGapMs largest tolerated gap between input timestamps, ms [10 x input period]
 * @param maxRecords most records accepted in one batch [1,000,000]
 */
public record PipelineConfig(
    int inputPeriodMs,
    double lowpassHz,
    int order,
    Kalman kalman,
    int outputPeriodMs,
    int windowMs,
    int strideMs,
    int maxGapMs,
    int maxRecords) {

  /** The keys {@link #fromMap} accepts, in documentation order. */
  public static final Set<String> KEYS =
      Set.of(
          "input_period_ms",
          "lowpass_hz",
          "order",
          "kalman",
          "output_period_ms",
          "window_ms",
          "stride_ms",
          "max_gap_ms",
          "max_records");

  public static final int DEFAULT_MAX_RECORDS = 1_000_000;
  public static final int MAX_ORDER = 10;

  /** The local-level Kalman step: process noise {@code q ≥ 0}, measurement noise {@code r > 0}. */
  public record Kalman(double q, double r) {
    public Kalman {
      if (!(Double.isFinite(q) && q >= 0)) {
        throw ValidationException.ofConfig("kalman.q", "must be a finite number >= 0, got " + q);
      }
      if (!(Double.isFinite(r) && r > 0)) {
        throw ValidationException.ofConfig("kalman.r", "must be a finite number > 0, got " + r);
      }
    }
  }

  public PipelineConfig {
    if (inputPeriodMs <= 0) {
      throw ValidationException.ofConfig("input_period_ms", "must be > 0, got " + inputPeriodMs);
    }
    double nyquist = 500.0 / inputPeriodMs;
    if (!(Double.isFinite(lowpassHz) && lowpassHz >= 0 && lowpassHz < nyquist)) {
      throw ValidationException.ofConfig(
          "lowpass_hz",
          "must be below the input Nyquist frequency " + nyquist + " Hz (0 or null: off), got "
              + lowpassHz);
    }
    if (order < 1 || order > MAX_ORDER) {
      throw ValidationException.ofConfig("order", "must be 1 to " + MAX_ORDER + ", got " + order);
    }
    if (outputPeriodMs <= 0 || outputPeriodMs % inputPeriodMs != 0) {
      throw ValidationException.ofConfig(
          "output_period_ms",
          "must be a positive whole multiple of input_period_ms (" + inputPeriodMs + "), got "
              + outputPeriodMs);
    }
    if (windowMs <= 0 || windowMs % outputPeriodMs != 0 || windowMs / outputPeriodMs < 2) {
      throw ValidationException.ofConfig(
          "window_ms",
          "must be a whole multiple of output_period_ms (" + outputPeriodMs
              + ") holding at least 2 samples, got " + windowMs);
    }
    if (strideMs <= 0 || strideMs % outputPeriodMs != 0) {
      throw ValidationException.ofConfig(
          "stride_ms",
          "must be a positive whole multiple of output_period_ms (" + outputPeriodMs + "), got "
              + strideMs);
    }
    if (maxGapMs < inputPeriodMs) {
      throw ValidationException.ofConfig(
          "max_gap_ms", "must be >= input_period_ms (" + inputPeriodMs + "), got " + maxGapMs);
    }
    if (maxRecords <= 0) {
      throw ValidationException.ofConfig("max_records", "must be > 0, got " + maxRecords);
    }
  }

  /** The spec's defaults: 10 ms in, 8 Hz order-4 low-pass, no Kalman, 50 ms out, 1 s / 250 ms windows. */
  public static PipelineConfig defaults() {
    return new PipelineConfig(10, 8.0, 4, null, 50, 1000, 250, 100, DEFAULT_MAX_RECORDS);
  }

  /** Whether step 2, the Butterworth low-pass, runs. */
  public boolean lowpass() {
    return lowpassHz > 0;
  }

  /** Resampling factor {@code m = outputPeriodMs / inputPeriodMs}. */
  public int decimation() {
    return outputPeriodMs / inputPeriodMs;
  }

  /** Samples per window {@code W} after resampling. */
  public int windowSamples() {
    return windowMs / outputPeriodMs;
  }

  /** Window hop {@code S} in resampled samples. */
  public int strideSamples() {
    return strideMs / outputPeriodMs;
  }

  /** Input sampling rate in Hz. */
  public double sampleRateHz() {
    return 1000.0 / inputPeriodMs;
  }

  /**
   * Reads a configuration from snake_case keys over the defaults. Values may be numbers or numeric
   * strings (SageMaker hyperparameters); {@code kalman} is a map with {@code q} and {@code r}, or
   * null / {@code "off"} / {@code false}; {@code lowpass_hz} null / {@code "off"} / 0 turns the
   * low-pass off. {@code max_gap_ms}, when absent, is 10 x the input
   * period. Unknown keys are rejected, naming the key.
   */
  public static PipelineConfig fromMap(Map<String, ?> map) {
    for (String key : map.keySet()) {
      if (!KEYS.contains(key)) {
        throw ValidationException.ofConfig(
            ValidationException.echo(key), "unknown key; known keys are " + KEYS);
      }
    }
    PipelineConfig d = defaults();
    int input = intValue(map, "input_period_ms", d.inputPeriodMs);
    return new PipelineConfig(
        input,
        map.containsKey("lowpass_hz") && isOff(map.get("lowpass_hz"))
            ? 0.0
            : doubleValue(map, "lowpass_hz", d.lowpassHz),
        intValue(map, "order", d.order),
        kalmanValue(map.get("kalman")),
        intValue(map, "output_period_ms", d.outputPeriodMs),
        intValue(map, "window_ms", d.windowMs),
        intValue(map, "stride_ms", d.strideMs),
        intValue(map, "max_gap_ms", 10 * input),
        intValue(map, "max_records", d.maxRecords));
  }

  /** The snake_case map that {@link #fromMap} reads back to an equal configuration. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input_period_ms", inputPeriodMs);
    m.put("lowpass_hz", lowpass() ? lowpassHz : null);
    m.put("order", order);
    m.put("kalman", kalman == null ? null : Map.of("q", kalman.q, "r", kalman.r));
    m.put("output_period_ms", outputPeriodMs);
    m.put("window_ms", windowMs);
    m.put("stride_ms", strideMs);
    m.put("max_gap_ms", maxGapMs);
    m.put("max_records", maxRecords);
    return m;
  }

  private static boolean isOff(Object v) {
    return v == null
        || Boolean.FALSE.equals(v)
        || (v instanceof String s
            && Set.of("off", "none", "false", "null", "").contains(s.trim().toLowerCase(Locale.ROOT)));
  }

  private static Kalman kalmanValue(Object v) {
    if (isOff(v)) {
      return null;
    }
    if (!(v instanceof Map<?, ?> km)) {
      throw ValidationException.ofConfig(
          "kalman", "must be an object {\"q\": ..., \"r\": ...} or null, got " + describe(v));
    }
    for (Object key : km.keySet()) {
      if (!"q".equals(key) && !"r".equals(key)) {
        throw ValidationException.ofConfig(
            "kalman." + ValidationException.echo(key), "unknown key; known keys are q and r");
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> typed = (Map<String, ?>) km;
    if (!typed.containsKey("q") || !typed.containsKey("r")) {
      throw ValidationException.ofConfig("kalman", "needs both q and r");
    }
    return new Kalman(number(typed.get("q"), "kalman.q"), number(typed.get("r"), "kalman.r"));
  }

  private static int intValue(Map<String, ?> map, String key, int fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    double d = number(v, key);
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw ValidationException.ofConfig(key, "must be a whole number, got " + describe(v));
    }
    return (int) d;
  }

  private static double doubleValue(Map<String, ?> map, String key, double fallback) {
    Object v = map.get(key);
    return v == null ? fallback : number(v, key);
  }

  private static double number(Object v, String key) {
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (!Double.isFinite(d)) {
        throw ValidationException.ofConfig(key, "must be a finite number, got " + describe(v));
      }
      return d;
    }
    if (v instanceof String s) {
      // SageMaker sends every hyperparameter as a string: a plain decimal, never 0x1p3 or 1d
      String t = s.trim();
      if (DecimalText.isDecimal(t)) {
        double d = Double.parseDouble(t);
        if (Double.isFinite(d)) {
          return d;
        }
      }
      throw ValidationException.ofConfig(key, "must be a plain decimal number, got " + describe(v));
    }
    throw ValidationException.ofConfig(key, "must be a number, got " + describe(v));
  }

  /** A rejected value as a message shows it: quoted when a string, at most 40 characters. */
  private static String describe(Object v) {
    String text = ValidationException.echo(v);
    return v instanceof String ? "\"" + text + "\"" : text;
  }
}
