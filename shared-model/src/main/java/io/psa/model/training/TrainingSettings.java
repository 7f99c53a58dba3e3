package io.psa.model.training;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.psa.dsp.PipelineConfig;
import io.psa.dsp.ValidationException;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.DetectorTrainer;
import io.psa.model.Detectors;
import io.psa.model.detection.DetectionSettings;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a training run is told, read from a string map (SageMaker hyperparameters arrive as
 * strings; the command line builds the same map). Every key is checked and a bad one is reported
 * as a {@link ValidationException} on {@code config.<key>}.
 *
 * <p>Keys: {@code detector} [isolation_forest] (a kind or alias, see {@link Detectors});
 * {@code seed} [42]; the detection keys of {@link DetectionSettings} (features, slow channels,
 * alarm threshold and rule, stream reference); {@code model_name} [default];
 * {@code model_version} [the training time, {@code yyyyMMdd'T'HHmmss'Z'}]; {@code channels}
 * [pressure,force,acceleration,temperature], comma-separated; the pipeline keys of {@link
 * PipelineConfig#KEYS} ({@code kalman} as {@code off} or JSON <code>{"q":…,"r":…}</code>); and the
 * chosen trainer's {@link DetectorTrainer#hyperparameterKeys()}. Keys starting with
 * {@code sagemaker_} or {@code _} are SageMaker's own and are ignored.
 *
 * @param detector the detector kind (aliases resolved)
 * @param seed every random choice of training derives from it
 * @param detection what shapes the model's feature selection, alarm rule and reference
 * @param modelName the model's name
 * @param modelVersion the model's version, or null for the training time
 * @param channels the model's channels, in order
 * @param config the pipeline configuration the model fixes
 * @param detectorParams the trainer's own keys, as given
 */
public record TrainingSettings(
    String detector,
    long seed,
    DetectionSettings detection,
    String modelName,
    String modelVersion,
    List<String> channels,
    PipelineConfig config,
    Map<String, String> detectorParams) {

  private static final Set<String> OWN_KEYS =
      Set.of("detector", "seed", "model_name", "model_version", "channels");

  public TrainingSettings {
    channels = List.copyOf(channels);
    detectorParams = Map.copyOf(detectorParams);
    if (modelName == null || !modelName.matches("[A-Za-z0-9._-]{1,64}")) {
      throw ValidationException.ofConfig("model_name",
          "must be 1 to 64 letters, digits, '.', '_' or '-', got \"" + modelName + "\"");
    }
    if (channels.isEmpty() || Set.copyOf(channels).size() != channels.size()) {
      throw ValidationException.ofConfig("channels", "must name distinct channels, got " + channels);
    }
  }

  /** The defaults with one detector. */
  public static TrainingSettings defaults(String detector) {
    return fromMap(Map.of("detector", detector));
  }

  /** Reads settings from strings, checking every key. */
  public static TrainingSettings fromMap(Map<String, String> map) {
    String detector = Detectors.resolve(map.getOrDefault("detector", "isolation_forest"));
    DetectorTrainer trainer = Detectors.trainer(detector);
    Map<String, Object> pipeline = new HashMap<>();
    Map<String, String> params = new TreeMap<>();
    for (var e : map.entrySet()) {
      String key = e.getKey();
      if (OWN_KEYS.contains(key) || DetectionSettings.KEYS.contains(key)
          || key.startsWith("sagemaker_") || key.startsWith("_")) {
        continue;
      }
      if (PipelineConfig.KEYS.contains(key)) {
        pipeline.put(key, key.equals("kalman") ? kalman(e.getValue()) : e.getValue());
      } else if (trainer.hyperparameterKeys().contains(key)) {
        params.put(key, e.getValue());
      } else {
        throw ValidationException.ofConfig(key, "unknown key for detector " + detector
            + "; known: " + knownKeys(trainer));
      }
    }
    return new TrainingSettings(
        detector,
        longValue(map, "seed", SimulationSpec.DEFAULT_SEED),
        DetectionSettings.fromMap(map),
        map.getOrDefault("model_name", "default"),
        map.get("model_version"),
        map.containsKey("channels")
            ? Arrays.stream(map.get("channels").split(",")).map(String::trim).toList()
            : SimulationSpec.DEFAULT_CHANNELS,
        PipelineConfig.fromMap(pipeline),
        params);
  }

  /** The effective settings as strings, for the manifest (defaults filled in). */
  public Map<String, String> toMap() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("detector", detector);
    out.put("seed", Long.toString(seed));
    out.putAll(detection.toMap());
    out.put("model_name", modelName);
    if (modelVersion != null) {
      out.put("model_version", modelVersion);
    }
    out.put("channels", String.join(",", channels));
    config.toMap().forEach((k, v) -> out.put(k, String.valueOf(v)));
    if (config.kalman() != null) {
      out.put("kalman", "{\"q\": " + config.kalman().q() + ", \"r\": " + config.kalman().r() + "}");
    }
    out.putAll(detectorParams);
    return out;
  }

  private static Set<String> knownKeys(DetectorTrainer trainer) {
    Set<String> keys = new TreeSet<>(OWN_KEYS);
    keys.addAll(DetectionSettings.KEYS);
    keys.addAll(PipelineConfig.KEYS);
    keys.addAll(trainer.hyperparameterKeys());
    return keys;
  }

  private static Object kalman(String value) {
    String v = value.trim();
    if (!v.startsWith("{")) {
      return v;
    }
    try {
      return JsonMapper.builder().build().readValue(v, Map.class);
    } catch (IOException e) {
      throw ValidationException.ofConfig("kalman", "must be off or {\"q\": ..., \"r\": ...}, got " + v);
    }
  }

  private static long longValue(Map<String, String> map, String key, long fallback) {
    String s = map.get(key);
    if (s == null) {
      return fallback;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw ValidationException.ofConfig(key, "must be a whole number, got \"" + s + "\"");
    }
  }
}
