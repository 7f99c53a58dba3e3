package io.psa.container.cli;

import io.psa.dsp.sim.Anomaly;
import io.psa.dsp.sim.AnomalyKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code KIND:START:LENGTH[:CHANNEL]} into an {@link Anomaly}, e.g. {@code
 * spike:30s:2s:pressure} or {@code stuck:1m:10s} (all channels). Times as {@link DurationConverter}
 * reads them.
 */
public final class AnomalyConverter implements ITypeConverter<Anomaly> {

  /** The syntax, for help text and error messages. */
  public static final String SYNTAX = "KIND:START:LENGTH[:CHANNEL]";

  @Override
  public Anomaly convert(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length < 3 || parts.length > 4) {
      throw new TypeConversionException(
          "'" + text + "' is not " + SYNTAX + ", e.g. spike:30s:2s:pressure");
    }
    try {
      AnomalyKind kind = AnomalyKind.parse(parts[0]);
      long start = DurationConverter.parseMs(parts[1]);
      long length = DurationConverter.parseMs(parts[2]);
      String channel = parts.length == 4 ? parts[3] : Anomaly.ALL_CHANNELS;
      return new Anomaly(kind, channel, start, length);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("anomaly '" + text + "': " + e.getMessage());
    }
  }
}
