package io.psa.container.persistence;

import io.psa.model.results.InferenceResult;
import java.time.Instant;

/** Distinct, fully filled results for tests. */
final class Results {
  private Results() {}

  /** Result {@code i}: every field derived from {@code i}, so a row can be checked exactly. */
  static InferenceResult number(String prefix, int i) {
    double[] scores = {i / 1000.0, 0.5, (i % 7) / 7.0};
    return new InferenceResult(prefix + "-" + i, i % 3 == 0 ? null : "press-" + (i % 5),
        "default", "v" + (i % 2), Instant.ofEpochMilli(1_700_000_000_000L + i * 1000L),
        i * 10_000L, i * 10_000L + 9_990, 1000, 3, 0.5, i % 2 == 0, 0.42, scores,
        InferenceResult.SOURCE_API, 1.25 + i, i % 4 == 0);
  }

  /** {@code r} with another asset id, every other field as it was. */
  static InferenceResult withAsset(InferenceResult r, String asset) {
    return new InferenceResult(r.requestId(), asset, r.modelName(), r.modelVersion(),
        r.receivedAt(), r.firstTsMs(), r.lastTsMs(), r.sampleCount(), r.windowCount(),
        r.anomalyScore(), r.isAnomaly(), r.threshold(), r.windowScores(), r.source(),
        r.latencyMs(), r.cached());
  }
}
