package io.psa.dsp.sim;

/**
 * The ground truth of one injected {@link Anomaly}, in the signal's own timestamps: records with
 * {@code startTsMs <= ts_ms < endTsMs} on {@code channel} were changed.
 *
 * @param kind what was injected
 * @param channel the affected channel, or {@link Anomaly#ALL_CHANNELS}
 * @param startTsMs timestamp where the interval starts (inclusive), ms
 * @param endTsMs timestamp where it ends (exclusive), ms
 */
public record AnomalyLabel(AnomalyKind kind, String channel, long startTsMs, long endTsMs) {

  /** Whether a record at {@code tsMs} lies in the labelled interval. */
  public boolean covers(long tsMs) {
    return tsMs >= startTsMs && tsMs < endTsMs;
  }
}
