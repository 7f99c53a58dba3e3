package io.psa.dsp.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What to simulate: an immutable, validated description from which {@link SensorSimulator} derives
 * every sample. Build it with {@link #of(long)} and the {@code with...} methods.
 *
 * @param durationMs length of the signal, ms; it holds {@code durationMs / periodMs} records
 * @param periodMs sampling period, ms [10]
 * @param channels channel names, in column order [{@link #DEFAULT_CHANNELS}]; the four default
 *     names have their own physics, any other name gets a generic cyclic signal around 1.0
 * @param assetId the machine's id, carried into {@code /predict} bodies ["press-01"]
 * @param seed the random seed; equal specs give identical signals [42]
 * @param startTsMs timestamp of the first record, ms [0]
 * @param anomalies the injected anomalies, each inside the signal and on one of its channels [none]
 */
public record SimulationSpec(
    long durationMs,
    int periodMs,
    List<String> channels,
    String assetId,
    long seed,
    long startTsMs,
    List<Anomaly> anomalies) {

  /** The project's default channels: bar, kN, g, degrees Celsius. */
  public static final List<String> DEFAULT_CHANNELS =
      List.of("pressure", "force", "acceleration", "temperature");

  public static final int DEFAULT_PERIOD_MS = 10;
  public static final long DEFAULT_SEED = 42;
  public static final String DEFAULT_ASSET_ID = "press-01";

  public SimulationSpec {
    if (periodMs <= 0) {
      throw new IllegalArgumentException("period must be > 0 ms, got " + periodMs);
    }
    if (durationMs < periodMs) {
      throw new IllegalArgumentException(
          "duration must hold at least one period ("
              + periodMs
              + " ms), got "
              + durationMs
              + " ms");
    }
    channels = List.copyOf(channels);
    checkChannels(channels);
    assetId = Objects.requireNonNull(assetId, "assetId");
    anomalies = List.copyOf(anomalies);
    for (Anomaly a : anomalies) {
      checkAnomaly(a, durationMs, channels);
    }
  }

  /** A signal of {@code durationMs} with every other setting at its default. */
  public static SimulationSpec of(long durationMs) {
    return new SimulationSpec(
        durationMs,
        DEFAULT_PERIOD_MS,
        DEFAULT_CHANNELS,
        DEFAULT_ASSET_ID,
        DEFAULT_SEED,
        0,
        List.of());
  }

  /** This spec with another sampling period, in ms. */
  public SimulationSpec withPeriodMs(int value) {
    return new SimulationSpec(durationMs, value, channels, assetId, seed, startTsMs, anomalies);
  }

  /** This spec with other channels, in column order. */
  public SimulationSpec withChannels(List<String> value) {
    return new SimulationSpec(durationMs, periodMs, value, assetId, seed, startTsMs, anomalies);
  }

  /** This spec with another {@code asset_id} for predict bodies. */
  public SimulationSpec withAssetId(String value) {
    return new SimulationSpec(durationMs, periodMs, channels, value, seed, startTsMs, anomalies);
  }

  /** This spec with another random seed. */
  public SimulationSpec withSeed(long value) {
    return new SimulationSpec(durationMs, periodMs, channels, assetId, value, startTsMs, anomalies);
  }

  /** This spec with another timestamp for the first record, in ms. */
  public SimulationSpec withStartTsMs(long value) {
    return new SimulationSpec(durationMs, periodMs, channels, assetId, seed, value, anomalies);
  }

  /** This spec with other injected anomalies (replacing, not adding to, the current ones). */
  public SimulationSpec withAnomalies(List<Anomaly> value) {
    return new SimulationSpec(durationMs, periodMs, channels, assetId, seed, startTsMs, value);
  }

  /** Number of records: one every {@code periodMs}, starting at offset 0. */
  public long recordCount() {
    return durationMs / periodMs;
  }

  private static void checkChannels(List<String> channels) {
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("at least one channel is needed");
    }
    var seen = new HashSet<String>();
    for (String c : channels) {
      if (c.isBlank() || c.equals(Anomaly.ALL_CHANNELS) || c.equals("ts_ms") || c.contains(",")) {
        throw new IllegalArgumentException("invalid channel name '" + c + "'");
      }
      if (!seen.add(c)) {
        throw new IllegalArgumentException("channel '" + c + "' is listed twice");
      }
    }
  }

  private static void checkAnomaly(Anomaly a, long durationMs, List<String> channels) {
    if (!a.channel().equals(Anomaly.ALL_CHANNELS) && !channels.contains(a.channel())) {
      throw new IllegalArgumentException(
          "anomaly "
              + a.kind().id()
              + " names channel '"
              + a.channel()
              + "', not one of "
              + channels);
    }
    if (a.endMs() > durationMs) {
      throw new IllegalArgumentException(
          "anomaly "
              + a.kind().id()
              + " ["
              + a.startMs()
              + ", "
              + a.endMs()
              + ") ms ends after the signal ("
              + durationMs
              + " ms)");
    }
  }
}
