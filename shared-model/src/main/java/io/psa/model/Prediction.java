package io.psa.model;

import java.util.List;
import java.util.Map;

/**
 * The scored batch: everything the {@code /predict} response of docs/api.md says, plus what
 * persistence records. Window scores are percentiles among the training windows; the batch's
 * {@code anomalyScore} is its percentile among normal batches of the same length, and
 * {@code isAnomaly} is {@code anomalyScore >= threshold}, true exactly when the alarm rule raised
 * at least one episode.
 *
 * @param requestId unique per answer, also for cached answers
 * @param assetId the request's asset id, or null
 * @param model which model scored it
 * @param anomalyScore the batch's percentile among normal batches of its length, in [0, 1]
 * @param isAnomaly {@code anomalyScore >= threshold}: the batch raised an episode
 * @param threshold in the batch score's space: {@code 1 - threshold} is the share of normal
 *     batches of this length that raise an alarm
 * @param windowThreshold the alarm rule's threshold in the window score's space
 * @param windows per window: span, score, alarm flag, in time order
 * @param episodes the alarm episodes, in time order
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
    double windowThreshold,
    List<Window> windows,
    List<Episode> episodes,
    Map<String, Double> featureVectorSample,
    List<Contribution> diagnostics,
    int sampleCount,
    long firstTsMs,
    long lastTsMs) {

  public Prediction {
    windows = List.copyOf(windows);
    episodes = List.copyOf(episodes);
  }

  /** One window's result. */
  public record Window(long startTsMs, long endTsMs, double score, boolean isAnomaly) {}

  /** One feature's share of a window's raw score; {@code share} values of a window sum to 1. */
  public record Contribution(String feature, String channel, double share) {}

  /** The same prediction under another request id (a cached answer still gets its own id). */
  public Prediction withRequestId(String id) {
    return new Prediction(
        id, assetId, model, anomalyScore, isAnomaly, threshold, windowThreshold, windows,
        episodes, featureVectorSample, diagnostics, sampleCount, firstTsMs, lastTsMs);
  }
}
