package io.psa.container.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a point in time for {@code psa results --since/--until}: a duration back from now
 * ({@code 30m}, {@code 2h}, as {@link DurationConverter} reads it), an instant ({@code
 * 2026-11-29T10:00:00Z}), a date and time in UTC ({@code 2026-11-29T10:00}) or a date (its
 * midnight, UTC).
 */
final class TimeConverter implements ITypeConverter<Instant> {
  private final Clock clock;

  TimeConverter() {
    this(Clock.systemUTC());
  }

  TimeConverter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Instant convert(String text) {
    String s = text.strip();
    try {
      if (!s.isEmpty() && !Character.isDigit(s.charAt(s.length() - 1))
          && !s.endsWith("Z") && !s.endsWith("z")) {
        return clock.instant().minusMillis(DurationConverter.parseMs(s));
      }
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (s.endsWith("Z") || s.endsWith("z")) {
        return Instant.parse(s.toUpperCase(java.util.Locale.ROOT));
      }
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException | TypeConversionException e) {
      throw new TypeConversionException("'" + text + "' is not a time; write a duration back from"
          + " now (30m, 2h), a date (2026-11-29) or a UTC time (2026-11-29T10:00 or ...:00Z)");
    }
  }
}
