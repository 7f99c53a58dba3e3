package io.psa.dsp.testing;

import static org.assertj.core.api.Assertions.fail;

/**
 * The agreement docs/pipeline.md asks of every number: relative error at most 1e-9, or absolute
 * error at most 1e-12 for values near zero. Failures name the first offending index and both
 * values.
 */
public final class Tolerance {

  public static final double RELATIVE = 1e-9;
  public static final double ABSOLUTE = 1e-12;

  private Tolerance() {}

  /** Whether {@code actual} agrees with {@code expected} within the tolerance. */
  public static boolean close(double expected, double actual) {
    double diff = Math.abs(expected - actual);
    return diff <= ABSOLUTE || diff <= RELATIVE * Math.abs(expected);
  }

  public static void assertClose(double expected, double actual, String what) {
    if (!close(expected, actual)) {
      fail("%s: expected %s, got %s (difference %s)", what, expected, actual,
          Math.abs(expected - actual));
    }
  }

  public static void assertClose(double[] expected, double[] actual, String what) {
    if (expected.length != actual.length) {
      fail("%s: expected %d values, got %d", what, expected.length, actual.length);
    }
    for (int i = 0; i < expected.length; i++) {
      assertClose(expected[i], actual[i], what + "[" + i + "]");
    }
  }

  public static void assertClose(double[][] expected, double[][] actual, String what) {
    if (expected.length != actual.length) {
      fail("%s: expected %d rows, got %d", what, expected.length, actual.length);
    }
    for (int i = 0; i < expected.length; i++) {
      assertClose(expected[i], actual[i], what + "[" + i + "]");
    }
  }

  /** Timestamps given as JSON numbers (the golden files write them as floats). */
  public static void assertClose(double[] expected, long[] actual, String what) {
    double[] asDouble = new double[actual.length];
    for (int i = 0; i < actual.length; i++) {
      asDouble[i] = actual[i];
    }
    assertClose(expected, asDouble, what);
  }
}
