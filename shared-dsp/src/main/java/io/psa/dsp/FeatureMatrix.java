package io.psa.dsp;

import java.util.List;

/**
 * The pipeline's output for one batch: one row per window, in time order, channel-major columns
 * named {@code <channel>.<feature>} (docs/pipeline.md step 6).
 *
 * @param featureNames column names, {@code rows[i].length == featureNames.size()}
 * @param windowStartMs timestamp of each window's first resampled sample
 * @param windowEndMs timestamp of each window's last resampled sample
 * @param rows the feature vectors, rows = windows
 */
public record FeatureMatrix(
    List<String> featureNames, long[] windowStartMs, long[] windowEndMs, double[][] rows) {

  public FeatureMatrix {
    featureNames = List.copyOf(featureNames);
    if (windowStartMs.length != rows.length || windowEndMs.length != rows.length) {
      throw new IllegalArgumentException("window spans and rows differ in length");
    }
  }

  /** The number of windows (rows). */
  public int windowCount() {
    return rows.length;
  }
}
