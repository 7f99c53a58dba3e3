package io.psa.model.training;

import io.psa.model.ModelInfo;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a training run did, for the command line's closing lines and SageMaker's log.
 *
 * @param model name, version, detector
 * @param directory where the artifact was written, or null for an in-memory model
 * @param signals training signals read
 * @param rows input records over all signals
 * @param windows training windows
 * @param rawQuantiles training raw scores at p50, p90, p99, p99.9 and the maximum, by label
 * @param threshold the calibrated threshold, in [0, 1]
 * @param thresholdQuantile its training quantile
 * @param flaggedFraction share of training windows at or above the threshold
 * @param featureSeconds time spent reading and featurising, s
 * @param fitSeconds time spent fitting the scaler, detector and calibration, s
 * @param totalSeconds wall-clock time of the whole run, s
 */
public record TrainingSummary(
    ModelInfo model,
    Path directory,
    int signals,
    long rows,
    long windows,
    Map<String, Double> rawQuantiles,
    double threshold,
    double thresholdQuantile,
    double flaggedFraction,
    double featureSeconds,
    double fitSeconds,
    double totalSeconds) {

  /** A few human lines. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(java.util.Locale.ROOT,
        "model %s %s (%s)%s%n", model.name(), model.version(), model.detector(),
        directory == null ? "" : " -> " + directory));
    sb.append(String.format(java.util.Locale.ROOT,
        "data: %d signal(s), %d rows, %d windows%n", signals, rows, windows));
    sb.append("training raw scores:");
    rawQuantiles.forEach((k, v) -> sb.append(String.format(java.util.Locale.ROOT, " %s %.6g", k, v)));
    sb.append(String.format(java.util.Locale.ROOT,
        "%nthreshold: %.4f (training quantile %s; %.2f %% of training windows at or above)%n",
        threshold, thresholdQuantile, 100 * flaggedFraction));
    sb.append(String.format(java.util.Locale.ROOT,
        "time: %.1f s (features %.1f s, fit %.1f s)%n", totalSeconds, featureSeconds, fitSeconds));
    return sb.toString();
  }
}
