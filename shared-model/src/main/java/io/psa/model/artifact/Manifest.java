package io.psa.model.artifact;

import io.psa.model.ModelInfo;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}, written with snake_case names from these records (never by Java
 * serialization).
 *
 * @param format always {@link #FORMAT}: tells our manifests from anyone else's
 * @param formatVersion the layout version, {@link ArtifactReader#FORMAT_VERSION} when written
 * @param model name, version and detector kind
 * @param pipeline {@code PipelineConfig.toMap()}
 * @param channels the model's channels, in order
 * @param featureNames {@code <channel>.<feature>}, the detector's input columns, in order
 * @param scaler {@code StandardScaler.toMap()}
 * @param calibration {@code ScoreCalibration.toMap()}, with threshold and direction
 * @param detector the detector kind and what {@code Detector.save} returned
 * @param detection {@code Detection.toMap()} (format 2 on): feature selection, reference, alarm
 *     rule, batch calibration, training warnings; null in format 1
 * @param training provenance of the training run
 * @param runtime what trained it
 * @param files SHA-256 (hex) of every other file, by relative path
 */
public record Manifest(
    String format,
    int formatVersion,
    ModelInfo model,
    Map<String, Object> pipeline,
    List<String> channels,
    List<String> featureNames,
    Map<String, Object> scaler,
    Map<String, Object> calibration,
    DetectorSection detector,
    Map<String, Object> detection,
    TrainingInfo training,
    RuntimeInfo runtime,
    Map<String, String> files) {

  /** The value of {@code format} in every manifest we write. */
  public static final String FORMAT = "psa-model";

  /** The detector's kind and its own parameters. */
  public record DetectorSection(String kind, Map<String, Object> params) {}
}
