package io.psa.model.artifact;

import io.psa.dsp.PipelineConfig;
import io.psa.model.Detector;
import io.psa.model.ModelInfo;
import io.psa.model.calibration.ScoreCalibration;
import io.psa.model.detection.Detection;
import io.psa.model.scaling.StandardScaler;
import java.util.List;

/**
 * Everything scoring needs, in memory: what an artifact holds, fresh from training or loaded.
 *
 * @param info name, version, detector kind
 * @param config the pipeline configuration the model fixes
 * @param channels the channels, in order
 * @param featureNames the detector's input columns, in order: the pipeline's features that the
 *     detection's selection keeps
 * @param scaler fitted on the training windows
 * @param calibration a window's raw score to its percentile among the training windows
 * @param detector the trained detector
 * @param detection feature selection, reference, alarm rule, batch calibration, warnings
 */
public record TrainedModel(
    ModelInfo info,
    PipelineConfig config,
    List<String> channels,
    List<String> featureNames,
    StandardScaler scaler,
    ScoreCalibration calibration,
    Detector detector,
    Detection detection) {

  public TrainedModel {
    channels = List.copyOf(channels);
    featureNames = List.copyOf(featureNames);
    if (scaler.dimension() != featureNames.size()) {
      throw new IllegalArgumentException("the scaler has " + scaler.dimension()
          + " features, the model " + featureNames.size());
    }
    java.util.Objects.requireNonNull(detection, "detection");
    if (!info.detector().equals(detector.kind())) {
      throw new IllegalArgumentException(
          "model info says " + info.detector() + ", the detector is " + detector.kind());
    }
  }
}
