package io.psa.dsp.sim;

import java.util.Objects;

/**
 * One injected anomaly: the samples with {@code startMs <= t < startMs + lengthMs}, {@code t}
 * counted from the signal's first record, are changed on one channel or on all of them.
 *
 * @param kind what goes wrong
 * @param channel the affected channel, or {@link #ALL_CHANNELS} for every channel of the signal
 * @param startMs offset of the first affected sample from the signal's start, ms, {@code >= 0}
 * @param lengthMs length of the affected interval, ms, {@code > 0}
 */
public record Anomaly(AnomalyKind kind, String channel, long startMs, long lengthMs) {

  /** The channel name meaning "every channel of the signal". */
  public static final String ALL_CHANNELS = "all";

  public Anomaly {
    Objects.requireNonNull(kind, "kind");
    channel = channel == null || channel.isBlank() ? ALL_CHANNELS : channel.trim();
    if (startMs < 0) {
      throw new IllegalArgumentException("anomaly start must be >= 0 ms, got " + startMs);
    }
    if (lengthMs <= 0) {
      throw new IllegalArgumentException("anomaly length must be > 0 ms, got " + lengthMs);
    }
  }

  /** An anomaly on every channel. */
  public static Anomaly onAll(AnomalyKind kind, long startMs, long lengthMs) {
    return new Anomaly(kind, ALL_CHANNELS, startMs, lengthMs);
  }

  /** End of the interval, exclusive, ms from the signal's start. */
  public long endMs() {
    return startMs + lengthMs;
  }

  /** Whether this anomaly changes the given channel. */
  public boolean affects(String channelName) {
    return ALL_CHANNELS.equals(channel) || channel.equals(channelName);
  }

  /** Whether the offset {@code t} (ms from the signal's start) lies in the interval. */
  public boolean covers(long t) {
    return t >= startMs && t < endMs();
  }
}
