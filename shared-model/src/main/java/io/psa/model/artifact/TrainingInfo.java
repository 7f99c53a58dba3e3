package io.psa.model.artifact;

import java.util.List;
import java.util.Map;

/**
 * Provenance of a training run, {@code training} in the manifest.
 *
 * @param files each training signal: name, SHA-256 (null for in-memory data), rows, time range
 * @param rows input records over all signals
 * @param windows training windows (feature vectors) over all signals
 * @param firstTsMs earliest timestamp seen, ms
 * @param lastTsMs latest timestamp seen, ms
 * @param seed the training seed
 * @param hyperparameters every training setting as the string map it came from
 * @param durationS wall-clock training time, s
 * @param trainedAt ISO-8601 UTC instant the training finished
 */
public record TrainingInfo(
    List<SignalInfo> files,
    long rows,
    long windows,
    long firstTsMs,
    long lastTsMs,
    long seed,
    Map<String, String> hyperparameters,
    double durationS,
    String trainedAt) {

  /** One training signal. */
  public record SignalInfo(String name, String sha256, long rows, long windows, long firstTsMs,
      long lastTsMs) {}
}
