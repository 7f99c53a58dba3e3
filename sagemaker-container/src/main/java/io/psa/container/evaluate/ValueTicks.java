package io.psa.container.evaluate;

import java.util.Locale;

/**
 * Ticks for a value axis at round numbers (1, 2 or 5 times a power of ten), at most a given
 * number of them, labelled with as many decimals as the step needs.
 *
 * @param values the tick positions, ascending
 * @param step the distance between two ticks
 */
record ValueTicks(double[] values, double step) {

  /** Round-numbered ticks inside {@code [lo, hi]}, at most {@code most} of them (at least 2). */
  static ValueTicks of(double lo, double hi, int most) {
    double span = hi > lo ? hi - lo : 1;
    double magnitude = Math.pow(10, Math.floor(Math.log10(span / Math.max(1, most))));
    double step = magnitude;
    for (double m : new double[] {1, 2, 5, 10}) {
      step = m * magnitude;
      if (span / step <= most) {
        break;
      }
    }
    long first = (long) Math.ceil(lo / step - 1e-9);
    long last = (long) Math.floor(hi / step + 1e-9);
    double[] values = new double[(int) Math.max(0, last - first + 1)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (first + i) * step;
    }
    return new ValueTicks(values, step);
  }

  /** A tick's label: {@code 31}, {@code 0.5}, {@code 0.025}. */
  String label(double value) {
    int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
