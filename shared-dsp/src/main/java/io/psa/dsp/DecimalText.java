package io.psa.dsp;

/**
 * The one syntax for numbers written as text, wherever a client or a file may send one (CSV cells,
 * config strings, SageMaker's string hyperparameters): a plain decimal such as {@code -1.5e-3},
 * and nothing else Java's own parsers would also take ({@code 0x1p3}, {@code 1d}, {@code 1f},
 * {@code Infinity}, {@code NaN}).
 */
public final class DecimalText {
  private DecimalText() {}

  /** {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}, nothing around it. */
  public static boolean isDecimal(CharSequence s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int intDigits = digits(s, i);
    i += intDigits;
    int fracDigits = 0;
    if (i < n && s.charAt(i) == '.') {
      fracDigits = digits(s, i + 1);
      i += 1 + fracDigits;
    }
    if (intDigits + fracDigits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = digits(s, i);
      if (expDigits == 0) {
        return false;
      }
      i += expDigits;
    }
    return i == n;
  }

  private static int digits(CharSequence s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }
}
