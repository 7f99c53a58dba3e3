package io.psa.model.evaluation;

import io.psa.dsp.PipelineConfig;
import java.util.List;
import java.util.Map;

/** Small configurations for the synthetic folders: 60 training rows, 5 s windows at 1 s. */
final class TestConfigs {

  private TestConfigs() {}

  static SkabConfig small(List<SkabConfig.DetectorSpec> detectors, AlarmRule alarm) {
    PipelineConfig pipeline = PipelineConfig.fromMap(Map.of("input_period_ms", 1000,
        "lowpass_hz", 0, "output_period_ms", 1000, "window_ms", 5000, "stride_ms", 1000,
        "max_gap_ms", 10000));
    return new SkabConfig("test", 1, 60, pipeline, List.of("mean"), DriftRemoval.OFF, alarm, 7,
        detectors, "a");
  }

  /** A detector with its defaults, except that the forest subsamples fewer rows than the ~56 windows. */
  static SkabConfig.DetectorSpec detector(String name) {
    Map<String, String> hyper =
        name.equals("isolation_forest") ? Map.of("if_sample_size", "32") : Map.of();
    return new SkabConfig.DetectorSpec(name, hyper, false, null);
  }
}
