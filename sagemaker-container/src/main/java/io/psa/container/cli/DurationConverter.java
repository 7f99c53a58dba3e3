package io.psa.container.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration written as numbers with units, {@code 1500ms}, {@code 30s}, {@code 5m}, {@code
 * 2h}, {@code 1.5s} or {@code 1h30m}, into whole milliseconds. A bare number is rejected: whether
 * {@code 30} meant seconds or milliseconds is exactly the mistake this prevents.
 */
public final class DurationConverter implements ITypeConverter<Long> {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  @Override
  public Long convert(String text) {
    return parseMs(text);
  }

  /**
   * The duration in ms, rounded to the nearest millisecond.
   *
   * @throws TypeConversionException for text that is not a sequence of number-unit parts
   */
  public static long parseMs(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = PART.matcher(s);
    double total = 0;
    int end = 0;
    while (m.lookingAt()) {
      total += Double.parseDouble(m.group(1)) * unitMs(m.group(2));
      end = m.end();
      m.region(end, s.length());
    }
    if (s.isEmpty() || end != s.length()) {
      throw new TypeConversionException(
          "'" + text + "' is not a duration; write e.g. 1500ms, 30s, 5m, 2h or 1h30m");
    }
    if (total > Long.MAX_VALUE / 2) {
      throw new TypeConversionException("'" + text + "' is too long a duration");
    }
    return Math.round(total);
  }

  private static long unitMs(String unit) {
    return switch (unit) {
      case "ms" -> 1;
      case "s" -> 1_000;
      case "m" -> 60_000;
      default -> 3_600_000;
    };
  }
}
