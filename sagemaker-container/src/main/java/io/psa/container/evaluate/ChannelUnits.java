package io.psa.container.evaluate;

import java.util.Map;
import java.util.Optional;

/**
 * The units of the channels psa knows, in one place: SKAB's test bed as SKAB's own description of
 * its columns gives them, and psa's simulator (docs/pipeline.md). A channel not listed here is
 * labelled "unit not given": a wrong unit on an axis is worse than none.
 */
final class ChannelUnits {

  static final String NOT_GIVEN = "unit not given";

  private static final Map<String, String> UNITS = Map.ofEntries(
      // SKAB: the water-circulation test bed
      Map.entry("Accelerometer1RMS", "g"),
      Map.entry("Accelerometer2RMS", "g"),
      Map.entry("Current", "A"),
      Map.entry("Pressure", "bar"),
      Map.entry("Temperature", "°C, engine body"),
      Map.entry("Thermocouple", "°C, fluid"),
      Map.entry("Voltage", "V"),
      Map.entry("Volume Flow RateRMS", "l/min"),
      // psa's simulated press line
      Map.entry("pressure", "bar"),
      Map.entry("force", "kN"),
      Map.entry("acceleration", "g"),
      Map.entry("temperature", "°C"));

  private ChannelUnits() {}

  /** The unit of a channel, empty when not known. */
  static Optional<String> of(String channel) {
    return Optional.ofNullable(UNITS.get(channel));
  }

  /** The channel's name with its unit, {@code Current (A)}, or {@code x (unit not given)}. */
  static String label(String channel) {
    return channel + " (" + of(channel).orElse(NOT_GIVEN) + ")";
  }
}
