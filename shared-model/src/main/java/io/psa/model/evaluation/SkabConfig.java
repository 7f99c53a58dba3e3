package io.psa.model.evaluation;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.psa.dsp.ValidationException;
import io.psa.model.Detectors;
import io.psa.model.training.TrainingSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a SKAB evaluation, the same for every file: a named, versioned JSON document
 * ({@code skab-v3}, the current one, ships as a resource beside this class; {@link #load} also
 * reads a file). Every detector setting is a training setting of the product ({@link
 * TrainingSettings}): the evaluation trains each file's model with the same trainer, and scores
 * it with the same scorer, that {@code psa train} and {@code /predict} use.
 *
 * @param name configuration name, e.g. {@code skab-v3}
 * @param version configuration version; a changed setting means a new version
 * @param trainRows leading rows of each file that train the model [400]
 * @param settings training settings shared by every detector (pipeline, features, slow channels,
 *     alarm rule, reference, seed), as strings
 * @param detectors the detectors to evaluate, in report order, each with its own settings over
 *     the shared ones
 * @param anomalyFreePieces pieces the anomaly-free recording is cut into [8]
 * @param plotChannel the channel drawn above the scores in the per-file pictures
 */
public record SkabConfig(
    String name,
    int version,
    int trainRows,
    Map<String, String> settings,
    List<DetectorSpec> detectors,
    int anomalyFreePieces,
    String plotChannel) {

  /** The configuration {@code psa evaluate} uses unless told otherwise. */
  public static final String DEFAULT = "skab-v3";

  /**
   * One detector and its own settings over the shared ones.
   *
   * @param exclusive fit on one file at a time [false]: two forests grown at once were seen to
   *     differ from run to run, Smile's seeding is not isolated per fit
   */
  public record DetectorSpec(String name, Map<String, String> settings, boolean exclusive) {
    public DetectorSpec {
      settings = Map.copyOf(settings);
    }
  }

  public SkabConfig {
    settings = Map.copyOf(settings);
    detectors = List.copyOf(detectors);
    if (trainRows < 2) {
      throw ValidationException.ofConfig("train_rows", "must be >= 2, got " + trainRows);
    }
    if (detectors.isEmpty()) {
      throw ValidationException.ofConfig("detectors", "must name at least one detector");
    }
    if (anomalyFreePieces < 0) {
      throw ValidationException.ofConfig("anomaly_free_pieces", "must be >= 0, got "
          + anomalyFreePieces);
    }
    for (DetectorSpec d : detectors) {
      // every setting is checked now, with a stand-in channel: a typo fails before any work (a
      // detector whose trainer is not on the classpath is refused when the evaluation starts)
      if (!Detectors.trainableKinds().contains(Detectors.resolve(d.name()))) {
        continue;
      }
      TrainingSettings s = merge(name, version, settings, d, List.of("channel"), "check");
      if (s.config().lowpass()) {
        throw ValidationException.ofConfig("lowpass_hz",
            "must be 0: the zero-phase low-pass looks ahead, which the protocol forbids");
      }
    }
  }

  /**
   * The training settings of one detector on one file: the shared settings, the detector's own,
   * its kind, the file's channels and a model name.
   */
  public TrainingSettings settingsFor(DetectorSpec spec, List<String> channels, String modelName) {
    return merge(name, version, settings, spec, channels, modelName);
  }

  private static TrainingSettings merge(String name, int version, Map<String, String> settings,
      DetectorSpec spec, List<String> channels, String modelName) {
    Map<String, String> map = new LinkedHashMap<>(settings);
    map.putAll(spec.settings());
    map.put("detector", spec.name());
    map.put("channels", String.join(",", channels));
    map.put("model_name", modelName);
    map.put("model_version", name + "." + version);
    return TrainingSettings.fromMap(map);
  }

  /**
   * The same configuration evaluating only one detector, named by kind or alias ({@code if}); its
   * listed settings are kept, an unlisted detector runs with the shared settings only.
   */
  public SkabConfig only(String detector) {
    String kind = Detectors.resolve(detector);
    DetectorSpec spec = detectors.stream()
        .filter(d -> Detectors.resolve(d.name()).equals(kind)).findFirst()
        .orElse(new DetectorSpec(detector, Map.of(), false));
    return new SkabConfig(name, version, trainRows, settings, List.of(spec), anomalyFreePieces,
        plotChannel);
  }

  /**
   * A built-in configuration by name ({@code skab-v3}) or a JSON file by path.
   *
   * @throws ValidationException for an unknown name, a missing file or an invalid setting
   */
  public static SkabConfig load(String nameOrPath) throws IOException {
    if (nameOrPath.matches("[a-z0-9-]+")) {
      try (InputStream in = SkabConfig.class.getResourceAsStream(nameOrPath + ".json")) {
        if (in != null) {
          return SkabConfigJson.fromMap(JsonMapper.builder().build().readValue(in, Map.class));
        }
      }
    }
    Path file = Path.of(nameOrPath);
    if (!Files.isRegularFile(file)) {
      // the field is the option itself (psa evaluate --config), not a key inside a config
      throw new ValidationException(ValidationException.Code.INVALID_CONFIG, "config", -1,
          "config: \"" + nameOrPath + "\" is neither a built-in SKAB configuration (" + DEFAULT
              + ") nor a readable file");
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
