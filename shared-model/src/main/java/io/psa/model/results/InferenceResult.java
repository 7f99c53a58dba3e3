package io.psa.model.results;

import io.psa.model.Episode;
import io.psa.model.Prediction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One row of {@code inference_results} (docs/api.md "Stored results"): what was scored, by which
 * model, when, with what result, and how long it took.
 *
 * @param requestId unique per answer (cached answers get their own)
 * @param assetId the request's asset id, or null
 * @param modelName the model's name
 * @param modelVersion the model's version
 * @param receivedAt when the request arrived
 * @param firstTsMs the batch's first timestamp, ms
 * @param lastTsMs the batch's last timestamp, ms
 * @param sampleCount records in the batch
 * @param windowCount windows scored
 * @param anomalyScore the batch's score, in [0, 1]
 * @param isAnomaly {@code anomalyScore >= threshold}
 * @param threshold the batch threshold the answer stated
 * @param windowScores every window's score, in time order
 * @param source {@code api}, or the S3 key of a scored file
 * @param latencyMs time from arrival to answer, ms
 * @param cached whether the answer came from the response cache
 * @param episodes the alarm episodes the answer named, in time order (table {@code
 *     anomaly_episodes}, one row each)
 */
public record InferenceResult(
    String requestId,
    String assetId,
    String modelName,
    String modelVersion,
    Instant receivedAt,
    long firstTsMs,
    long lastTsMs,
    int sampleCount,
    int windowCount,
    double anomalyScore,
    boolean isAnomaly,
    double threshold,
    double[] windowScores,
    String source,
    double latencyMs,
    boolean cached,
    List<Episode> episodes) {

  /** The source of requests answered over HTTP. */
  public static final String SOURCE_API = "api";

  public InferenceResult {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(windowScores, "windowScores");
    Objects.requireNonNull(source, "source");
    episodes = List.copyOf(episodes);
  }

  /** A row without episodes (an answer that named none, or a row read back without them). */
  public InferenceResult(String requestId, String assetId, String modelName, String modelVersion,
      Instant receivedAt, long firstTsMs, long lastTsMs, int sampleCount, int windowCount,
      double anomalyScore, boolean isAnomaly, double threshold, double[] windowScores,
      String source, double latencyMs, boolean cached) {
    this(requestId, assetId, modelName, modelVersion, receivedAt, firstTsMs, lastTsMs, sampleCount,
        windowCount, anomalyScore, isAnomaly, threshold, windowScores, source, latencyMs, cached,
        List.of());
  }

  /** The row for one answered request. */
  public static InferenceResult of(
      Prediction p, Instant receivedAt, String source, double latencyMs, boolean cached) {
    double[] scores = new double[p.windows().size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = p.windows().get(i).score();
    }
    return new InferenceResult(
        p.requestId(), p.assetId(), p.model().name(), p.model().version(), receivedAt,
        p.firstTsMs(), p.lastTsMs(), p.sampleCount(), scores.length, p.anomalyScore(),
        p.isAnomaly(), p.threshold(), scores, source, latencyMs, cached, p.episodes());
  }
}
