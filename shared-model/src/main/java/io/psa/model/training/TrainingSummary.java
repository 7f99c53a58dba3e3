package io.psa.model.training;

import io.psa.model.ModelInfo;
import io.psa.model.detection.TrainingWarning;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
 * @param windowThreshold the alarm threshold in the window score's space, in [0, 1]
 * @param flaggedFraction share of training windows the alarm rule has on
 * @param slowChannels channels whose level is not modelled (too few independent samples)
 * @param warnings regime changes and faults found in the training data
 * @param featureSeconds time spent reading and featurising, s
 * @param fitSeconds time spent fitting and calibrating, s
 * @param totalSeconds wall-clock time of the whole run, s
 */
public record TrainingSummary(
    ModelInfo model,
    Path directory,
    int signals,
    long rows,
    long windows,
    Map<String, Double> rawQuantiles,
    double windowThreshold,
    double flaggedFraction,
    List<String> slowChannels,
    List<TrainingWarning> warnings,
    double featureSeconds,
    double fitSeconds,
    double totalSeconds) {

  public TrainingSummary {
    slowChannels = List.copyOf(slowChannels);
    warnings = List.copyOf(warnings);
  }

  /** The same summary for a model saved to {@code dir}, with the total time including the save. */
  public TrainingSummary savedTo(Path dir, double totalSeconds) {
    return new TrainingSummary(model, dir, signals, rows, windows, rawQuantiles, windowThreshold,
        flaggedFraction, slowChannels, warnings, featureSeconds, fitSeconds, totalSeconds);
  }

  /** A few human lines. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "model %s %s (%s)%s%n", model.name(), model.version(),
        model.detector(), directory == null ? "" : " -> " + directory));
    sb.append(String.format(Locale.ROOT, "data: %d signal(s), %d rows, %d windows%n", signals,
        rows, windows));
    sb.append("slow channels (level not modelled): ")
        .append(slowChannels.isEmpty() ? "none" : String.join(", ", slowChannels)).append('\n');
    sb.append("training raw scores:");
    rawQuantiles.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s %.6g", k, v)));
    sb.append(String.format(Locale.ROOT,
        "%nwindow threshold: %.4f (the alarm rule has %.2f %% of training windows on)%n",
        windowThreshold, 100 * flaggedFraction));
    for (TrainingWarning w : warnings) {
      sb.append("WARNING ").append(w).append('\n');
    }
    sb.append(String.format(Locale.ROOT, "time: %.1f s (features %.1f s, fit %.1f s)%n",
        totalSeconds, featureSeconds, fitSeconds));
    return sb.toString();
  }
}
