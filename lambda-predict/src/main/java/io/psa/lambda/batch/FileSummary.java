package io.psa.lambda.batch;

import java.util.List;

/**
 * What scoring one file found: the {@code .summary.json} of API.md's S3 batch scoring and the
 * database's per-file row.
 *
 * @param rows records read
 * @param segments continuous stretches of the signal
 * @param gaps the gaps between segments, {@code [last_ts_ms, next_ts_ms]} each
 * @param windows windows scored
 * @param anomalousWindows windows at or above the threshold
 * @param maxScore the largest window score, in [0, 1]; NaN when there were no windows
 * @param threshold the model's calibrated window threshold
 * @param intervals the anomalous intervals: overlapping anomalous windows merged
 * @param firstTsMs the first record's timestamp
 * @param lastTsMs the last record's timestamp
 */
public record FileSummary(long rows, int segments, List<long[]> gaps, long windows,
    long anomalousWindows, double maxScore, double threshold, List<Interval> intervals,
    long firstTsMs, long lastTsMs) {

  /** A run of anomalous windows. */
  public record Interval(long startTsMs, long endTsMs, double peakScore, String topChannel) {}
}
