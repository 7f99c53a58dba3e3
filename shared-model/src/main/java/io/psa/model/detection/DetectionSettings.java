package io.psa.model.detection;

import io.psa.dsp.ValidationException;
import io.psa.dsp.features.WindowFeatures;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The training settings that shape {@link Detection}, read from strings like every training
 * setting (SageMaker hyperparameters). Every key is optional; a bad value is reported on
 * {@code config.<key>}.
 *
 * <ul>
 *   <li>{@code features} [all six]: comma-separated feature kinds the detector reads per channel
 *   <li>{@code slow_channel_min_samples} [{@value #DEFAULT_SLOW_MIN}]: a channel whose training
 *       samples are worth fewer independent samples than this loses its level features
 *       ({@link FeatureSelection}); 0 keeps every level
 *   <li>{@code threshold_quantile} [0.995] and {@code threshold_margin}
 *       [{@value #DEFAULT_MARGIN}]: the alarm threshold {@code Q + margin · (Q − median)} of the
 *       training windows' raw scores ({@link AlarmRule})
 *   <li>{@code alarm_k}, {@code alarm_n} [{@value #DEFAULT_K} of {@value #DEFAULT_N}]: windows
 *       above the threshold needed among the last n
 *   <li>{@code alarm_hold_s} [{@value #DEFAULT_HOLD_S}]: seconds the alarm stays on after the rule
 *       last fired
 *   <li>{@code reference_time_constant_s} [{@value #DEFAULT_TAU_S}] and {@code rebaseline_after_s}
 *       [{@value #DEFAULT_REBASELINE_S}]: the stream reference ({@link Reference})
 *   <li>{@code training_batch_s} [{@value #DEFAULT_TRAINING_BATCH_S}]: with a low-pass or Kalman
 *       step (whose batch edges differ from a long signal's middle), training cuts its signals
 *       into batches this long and learns their windows as {@code /predict} computes them; 0
 *       learns every signal as one stream
 * </ul>
 */
public record DetectionSettings(
    List<String> features,
    double slowMinSamples,
    double thresholdQuantile,
    double thresholdMargin,
    int alarmK,
    int alarmN,
    double alarmHoldS,
    double referenceTimeConstantS,
    double rebaselineAfterS,
    double trainingBatchS) {

  public static final double DEFAULT_SLOW_MIN = 100;
  public static final double DEFAULT_QUANTILE = 0.995;
  public static final double DEFAULT_MARGIN = 1.0;
  public static final int DEFAULT_K = 2;
  public static final int DEFAULT_N = 4;
  public static final double DEFAULT_HOLD_S = 0;
  public static final double DEFAULT_TAU_S = 0;
  public static final double DEFAULT_REBASELINE_S = 0;
  public static final double DEFAULT_TRAINING_BATCH_S = 10;

  /** The keys {@link #fromMap} reads. */
  public static final Set<String> KEYS = Set.of("features", "slow_channel_min_samples",
      "threshold_quantile", "threshold_margin", "alarm_k", "alarm_n", "alarm_hold_s",
      "reference_time_constant_s", "rebaseline_after_s", "training_batch_s");

  public DetectionSettings {
    features = FeatureSelection.orderedKinds(features);
    // the records below validate their own ranges; these are checked here to name the keys early
    new AlarmRule(thresholdQuantile, thresholdMargin, alarmK, alarmN, 0);
    new Reference(referenceTimeConstantS, rebaselineAfterS);
    if (!(slowMinSamples >= 0 && Double.isFinite(slowMinSamples))) {
      throw ValidationException.ofConfig("slow_channel_min_samples",
          "must be a finite number >= 0, got " + slowMinSamples);
    }
    if (!(trainingBatchS >= 0 && Double.isFinite(trainingBatchS))) {
      throw ValidationException.ofConfig("training_batch_s", "must be a finite number >= 0, got "
          + trainingBatchS);
    }
    if (!(alarmHoldS >= 0 && Double.isFinite(alarmHoldS))) {
      throw ValidationException.ofConfig("alarm_hold_s", "must be a finite number >= 0, got "
          + alarmHoldS);
    }
  }

  /** Reads the keys of {@link #KEYS}; other keys are ignored. */
  public static DetectionSettings fromMap(Map<String, String> map) {
    String features = map.get("features");
    return new DetectionSettings(
        features == null ? WindowFeatures.NAMES
            : Arrays.stream(features.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
        number(map, "slow_channel_min_samples", DEFAULT_SLOW_MIN),
        number(map, "threshold_quantile", DEFAULT_QUANTILE),
        number(map, "threshold_margin", DEFAULT_MARGIN),
        whole(map, "alarm_k", DEFAULT_K),
        whole(map, "alarm_n", DEFAULT_N),
        number(map, "alarm_hold_s", DEFAULT_HOLD_S),
        number(map, "reference_time_constant_s", DEFAULT_TAU_S),
        number(map, "rebaseline_after_s", DEFAULT_REBASELINE_S),
        number(map, "training_batch_s", DEFAULT_TRAINING_BATCH_S));
  }

  /** The settings as strings, defaults filled in. */
  public Map<String, String> toMap() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("features", String.join(",", features));
    out.put("slow_channel_min_samples", plain(slowMinSamples));
    out.put("threshold_quantile", plain(thresholdQuantile));
    out.put("threshold_margin", plain(thresholdMargin));
    out.put("alarm_k", Integer.toString(alarmK));
    out.put("alarm_n", Integer.toString(alarmN));
    out.put("alarm_hold_s", plain(alarmHoldS));
    out.put("reference_time_constant_s", plain(referenceTimeConstantS));
    out.put("rebaseline_after_s", plain(rebaselineAfterS));
    out.put("training_batch_s", plain(trainingBatchS));
    return out;
  }

  /** The alarm rule for windows {@code strideMs} apart: the hold rounded up to whole windows. */
  public AlarmRule alarmRule(long strideMs) {
    int hold = (int) Math.ceil(alarmHoldS * 1000 / strideMs - 1e-9);
    return new AlarmRule(thresholdQuantile, thresholdMargin, alarmK, alarmN, hold);
  }

  public Reference reference() {
    return new Reference(referenceTimeConstantS, rebaselineAfterS);
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static double number(Map<String, String> map, String key, double fallback) {
    String s = map.get(key);
    if (s == null) {
      return fallback;
    }
    try {
      double v = Double.parseDouble(s.trim());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ValidationException.ofConfig(key, "must be a number, got \"" + s + "\"");
  }

  private static int whole(Map<String, String> map, String key, int fallback) {
    String s = map.get(key);
    if (s == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw ValidationException.ofConfig(key, "must be a whole number, got \"" + s + "\"");
    }
  }
}
