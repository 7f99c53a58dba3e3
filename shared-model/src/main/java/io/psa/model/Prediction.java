package io.psa.model;

import java.util.List;
import java.util.Map;

/**
 * The scored batch: everything the {@code /predict} response of API.md says, plus what
 * persistence records. Scores are calibrated to [0, 1]; {@code anomalyScore} is the largest window
 * score and {@code isAnomaly} is {@code anomalyScore >= threshold}.
 *
 * @param requestId unique per answer, also for cached answers
 * @param assetId the request's asset id, or null
 * @param model which model scored it
 * @param anomalyScore the largest window score
 * @param isAnomaly {@code anomalyScore >= threshold}
 * @param threshold calibrated on training data, in the score space
 * @param windows per window: span, score, flag, in time order
 * @param featureVectorSample feature vector of the highest-scoring window, by feature name
 * @param diagnostics what drove the highest-scoring window's score, most first
 * @param sampleCount records in the batch
 * @param firstTsMs the batch's first timestamp
 * @param lastTsMs the batch's last timestamp
 */
public record Prediction(
    String requestId,
    String assetId,
    ModelInfo model,
    double anomalyScore,
    boolean isAnomaly,
    double threshold,
    List<Window> windows,
    Map<String, Double> featureVectorSample,
    List<Contribution> diagnostics,
    int sampleCount,
    long firstTsMs,
    long lastTsMs) {

  /** One window's result. */
  public record Window(long startTsMs, long endTsMs, double score, boolean isAnomaly) {}

  /** One feature's share of a window's raw score; {@code share} values of a window sum to 1. */
  public record Contribution(String feature, String channel, double share) {}

  /** The same prediction under another request id (a cached answer still gets its own id). */
  public Prediction withRequestId(String id) {
    return new Prediction(
        id, assetId, model, anomalyScore, isAnomaly, threshold, windows, featureVectorSample,
        diagnostics, sampleCount, firstTsMs, lastTsMs);
  }
}
