package io.psa.model.evaluation;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.psa.dsp.PipelineConfig;
import io.psa.dsp.ValidationException;
import io.psa.model.Detectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The settings of a SKAB evaluation, the same for every file: a named, versioned JSON document.
 * {@code skab-v2} (the current one) and {@code skab-v1} ship as resources beside this class;
 * {@link #load} also reads a file. The
 * keys are documented in the resource itself ({@code "_doc"} entries) and in the README.
 *
 * @param name configuration name, e.g. {@code skab-v2}
 * @param version configuration version; a changed setting means a new version
 * @param trainRows leading rows of each file that train scaler, detector and threshold [400]
 * @param pipeline the pipeline at SKAB's period; the low-pass must be off (it looks ahead)
 * @param features which window features to keep ({@code mean}, {@code ptp}, ...); empty = all
 * @param drift causal slow-drift removal, {@link DriftRemoval#OFF} when absent
 * @param alarm threshold, k-of-n rule and hold
 * @param seed seed of every detector's training, the same for every file
 * @param detectors the detectors to evaluate, in report order
 * @param plotChannel the channel drawn above the scores in the per-file pictures
 */
public record SkabConfig(
    String name,
    int version,
    int trainRows,
    PipelineConfig pipeline,
    List<String> features,
    DriftRemoval drift,
    AlarmRule alarm,
    long seed,
    List<DetectorSpec> detectors,
    String plotChannel) {

  /**
   * One detector and its hyperparameters (strings, as the trainers read them).
   *
   * @param exclusive fit on one file at a time [false]: two forests grown at once were seen to
   *     differ from run to run. The neural trainers need no flag (DJL's PyTorch engine keeps one
   *     gradient collector per process, and their training loop takes its own lock); set on them
   *     it only keeps the scaler fits in line too
   * @param alarm this detector's own threshold, k-of-n rule and hold, or null for the
   *     configuration's:
   *     score distributions differ in shape between detectors (a forest's path lengths are
   *     bounded, a squared error is heavy-tailed), so the same margin means different things
   */
  public record DetectorSpec(
      String name, Map<String, String> hyperparameters, boolean exclusive, AlarmRule alarm) {
    public DetectorSpec {
      hyperparameters = Map.copyOf(hyperparameters);
    }
  }

  /** The alarm rule that applies to a detector: its own, else the configuration's. */
  public AlarmRule alarmOf(DetectorSpec spec) {
    return spec.alarm() != null ? spec.alarm() : alarm;
  }

  public SkabConfig {
    features = List.copyOf(features);
    detectors = List.copyOf(detectors);
    if (trainRows < 2) {
      throw ValidationException.ofConfig("train_rows", "must be >= 2, got " + trainRows);
    }
    if (pipeline.lowpass()) {
      throw ValidationException.ofConfig("pipeline.lowpass_hz",
          "must be 0 or null: the zero-phase low-pass looks ahead, which the protocol forbids");
    }
    if (detectors.isEmpty()) {
      throw ValidationException.ofConfig("detectors", "must name at least one detector");
    }
  }

  /**
   * The same configuration evaluating only one detector, named by kind or alias ({@code if}); its
   * listed settings are kept, an unlisted detector runs with its defaults.
   */
  public SkabConfig only(String detector) {
    String kind = Detectors.resolve(detector);
    DetectorSpec spec = detectors.stream()
        .filter(d -> Detectors.resolve(d.name()).equals(kind)).findFirst()
        .orElse(new DetectorSpec(detector, Map.of(), false, null));
    return new SkabConfig(name, version, trainRows, pipeline, features, drift, alarm, seed,
        List.of(spec), plotChannel);
  }

  /**
   * A built-in configuration by name ({@code skab-v2}, {@code skab-v1}) or a JSON file by path.
   *
   * @throws ValidationException for an unknown name, a missing file or an invalid setting
   */
  public static SkabConfig load(String nameOrPath) throws IOException {
    String resource = nameOrPath + ".json";
    if (nameOrPath.matches("[a-z0-9-]+")) {
      try (InputStream in = SkabConfig.class.getResourceAsStream(resource)) {
        if (in != null) {
          return SkabConfigJson.fromMap(JsonMapper.builder().build().readValue(in, Map.class));
        }
      }
    }
    Path file = Path.of(nameOrPath);
    if (!Files.isRegularFile(file)) {
      throw ValidationException.ofConfig("config", "\"" + nameOrPath
          + "\" is neither a built-in SKAB configuration (skab-v2, skab-v1) nor a readable file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return SkabConfigJson.fromMap(JsonMapper.builder().build().readValue(in, Map.class));
    }
  }

  /** The configuration as the summary records it. */
  public Map<String, Object> toMap() {
    return SkabConfigJson.toMap(this);
  }
}
