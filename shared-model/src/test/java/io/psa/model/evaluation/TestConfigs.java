package io.psa.model.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small configurations for the synthetic folders: 60 training rows, 5 s windows at 1 s, the level
 * of every channel kept, a static reference and no batch extras, so counts follow from the data.
 */
final class TestConfigs {

  private TestConfigs() {}

  /**
   * @param alarm threshold_quantile, threshold_margin, alarm_k, alarm_n as strings, e.g.
   *     {@code Map.of("threshold_quantile", "1", "threshold_margin", "1", "alarm_k", "1",
   *     "alarm_n", "1")}
   */
  static SkabConfig small(List<SkabConfig.DetectorSpec> detectors, Map<String, String> alarm) {
    Map<String, String> settings = new LinkedHashMap<>(Map.of("input_period_ms", "1000",
        "lowpass_hz", "0", "output_period_ms", "1000", "window_ms", "5000", "stride_ms", "1000",
        "max_gap_ms", "10000", "features", "mean", "slow_channel_min_samples", "0", "seed", "7"));
    settings.putAll(alarm);
    return new SkabConfig("test", 1, 60, settings, detectors, 8, "a");
  }

  /** The k-of-n rule with quantile and margin, no hold. */
  static Map<String, String> alarm(double quantile, double margin, int k, int n) {
    return Map.of("threshold_quantile", Double.toString(quantile), "threshold_margin",
        Double.toString(margin), "alarm_k", Integer.toString(k), "alarm_n", Integer.toString(n),
        "alarm_hold_s", "0");
  }

  /** A detector with its defaults, except that the forest subsamples fewer rows than the ~56 windows. */
  static SkabConfig.DetectorSpec detector(String name) {
    Map<String, String> settings =
        name.equals("isolation_forest") ? Map.of("if_sample_size", "32") : Map.of();
    return new SkabConfig.DetectorSpec(name, settings, false);
  }
}
