package io.psa.dsp.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What goes wrong with a sensor during an {@link Anomaly}. Amplitudes are in multiples of the
 * channel's normal variation ({@code scale}: the standard deviation a 1 s window shows after the 8
 * Hz low-pass), drawn per anomaly from its own seeded stream.
 */
public enum AnomalyKind {
  /** Short excursions (half-sine, 50-200 ms, 5-10 scale, either sign) every 0.35-1.2 s. */
  SPIKE,
  /** A linear ramp from the normal signal to 4-8 scale away at the interval's end. */
  DRIFT,
  /** Extra white noise of 5-10 scale standard deviation (about 2-4 scale after the low-pass). */
  NOISE_BURST,
  /** The reading frozen at the sensor's last value before the interval. */
  STUCK;

  /** The snake_case name used on the command line and in label files, e.g. {@code noise_burst}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a kind from its {@link #id()} (case-insensitive; {@code -} accepted for {@code _}).
   *
   * @throws IllegalArgumentException naming the known kinds
   */
  public static AnomalyKind parse(String text) {
    String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (AnomalyKind kind : values()) {
      if (kind.name().equals(key)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown anomaly kind '" + text + "'; known kinds are " + knownIds());
  }

  /** The known ids, comma-separated, for error messages and help text. */
  public static String knownIds() {
    return Arrays.stream(values()).map(AnomalyKind::id).collect(Collectors.joining(", "));
  }
}
