package io.psa.dsp.input;

import com.fasterxml.jackson.core.io.NumberInput;
import io.psa.dsp.DecimalText;
import io.psa.dsp.ValidationException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Strict parsing of number cells: a plain decimal ({@code -1.5e-3}) and nothing Java would also
 * take ({@code 0x1p3}, {@code 1d}, surrounding spaces are trimmed by the caller). Failures carry the
 * sentence for the error message.
 */
final class Numbers {
  /** As Jackson's default limit: longer digit strings are an attack, not a measurement. */
  static final int MAX_LENGTH = 1000;

  private Numbers() {}

  /** A finite double, correctly rounded. */
  static double finiteNumber(String s) {
    if (s.isEmpty()) {
      throw new NumberFormatException("is empty; a number is needed");
    }
    if (s.length() > MAX_LENGTH) {
      throw new NumberFormatException("is longer than " + MAX_LENGTH + " characters");
    }
    if (!DecimalText.isDecimal(s)) {
      String lower = s.toLowerCase(Locale.ROOT);
      boolean nonFinite = lower.matches("[+-]?(nan|inf|infinity)");
      throw new NumberFormatException(
          (nonFinite ? "must be a finite number, got " : "must be a number, got ") + quote(s));
    }
    double v = NumberInput.parseDouble(s, true);
    if (!Double.isFinite(v)) {
      throw new NumberFormatException("is outside the double range: " + quote(s));
    }
    return v;
  }

  /** A whole number of milliseconds: {@code 10}, and also {@code 10.0} or {@code 1e3}. */
  static long wholeNumber(String s) {
    if (s.length() > MAX_LENGTH || !DecimalText.isDecimal(s)) {
      throw new NumberFormatException("must be a whole number of milliseconds, got " + quote(s));
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException notPlain) {
      try {
        return new BigDecimal(s).longValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        throw new NumberFormatException(
            "must be a whole number of milliseconds within the 64-bit range, got " + quote(s));
      }
    }
  }

  private static String quote(String s) {
    return "'" + ValidationException.echo(s) + "'";
  }
}
