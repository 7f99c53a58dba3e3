package io.psa.container.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a recording pauses. The sample period is the median step between rows; two rows more than
 * {@value #JOIN_PERIODS} periods apart are not joined by a line (SKAB's recorder sometimes skips a
 * row, and sometimes pauses for up to 76 s).
 *
 * @param periodS the median step between consecutive rows, s
 * @param spans the pauses, each {@code {last row before, first row after}} in seconds
 */
record Gaps(double periodS, List<double[]> spans) {

  /** How many sample periods two rows may lie apart and still be joined. */
  static final double JOIN_PERIODS = 3;

  Gaps {
    spans = List.copyOf(spans);
  }

  /** The pauses of rows at times {@code t} (s, increasing). */
  static Gaps of(double[] t) {
    if (t.length < 2) {
      return new Gaps(1, List.of());
    }
    double[] steps = new double[t.length - 1];
    for (int i = 1; i < t.length; i++) {
      steps[i - 1] = t[i] - t[i - 1];
    }
    double[] sorted = steps.clone();
    Arrays.sort(sorted);
    double period = sorted[sorted.length / 2] > 0 ? sorted[sorted.length / 2] : 1;
    List<double[]> spans = new ArrayList<>();
    for (int i = 0; i < steps.length; i++) {
      if (steps[i] > JOIN_PERIODS * period) {
        spans.add(new double[] {t[i], t[i + 1]});
      }
    }
    return new Gaps(period, spans);
  }

  /** The longest step a line may join, s. */
  double joinLimitS() {
    return JOIN_PERIODS * periodS;
  }
}
