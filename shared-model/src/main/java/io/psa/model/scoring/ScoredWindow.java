package io.psa.model.scoring;

/**
 * One scored window of a stream.
 *
 * @param startTsMs its first sample's timestamp
 * @param endTsMs its last sample's timestamp
 * @param score its percentile among the training windows, in [0, 1]
 * @param raw the detector's raw score (higher is more anomalous)
 * @param isAnomaly whether the alarm rule has the alarm on at this window
 * @param topChannel for a window the alarm is on for, the channel that contributed most to its
 *     score (when the scorer was asked to explain); null otherwise
 */
public record ScoredWindow(
    long startTsMs, long endTsMs, double score, double raw, boolean isAnomaly, String topChannel) {}
