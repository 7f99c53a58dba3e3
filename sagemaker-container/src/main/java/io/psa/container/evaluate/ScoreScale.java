package io.psa.container.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The value range of a score panel, and the stretches of scores that lie above it. Scores are in
 * thresholds (the training windows' median at 0, the alarm threshold at 1). The top is the
 * smallest of {@link #TOPS} that holds every score, so the threshold keeps a readable place on
 * every panel; a fault can score thousands of thresholds, and such stretches are drawn at the top
 * edge and marked with their peak ({@link Clip}), never silently flattened.
 *
 * @param bottom the lowest value drawn: 0, or the half below the lowest score (scores fall below
 *     the training median, rarely by more than one threshold)
 * @param top the highest value drawn
 */
record ScoreScale(double bottom, double top) {

  /** The tops a panel may take, smallest first; beyond the last the scores are clipped. */
  static final double[] TOPS = {3, 5};

  /**
   * Consecutive scores above the top.
   *
   * @param from first index of the stretch
   * @param to index after its last
   * @param peak index of its highest score
   * @param max its highest score
   */
  record Clip(int from, int to, int peak, double max) {

    /** The peak as written beside the mark: {@code 26.1}, {@code 5001}. */
    String label() {
      return ScoreScale.format(max);
    }
  }

  /** The scale for these scores (NaN ignored). */
  static ScoreScale fit(double[] scores) {
    double lo = 0;
    double hi = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      if (!Double.isNaN(s)) {
        lo = Math.min(lo, s);
        hi = Math.max(hi, s);
      }
    }
    double top = TOPS[TOPS.length - 1];
    for (double t : TOPS) {
      if (hi <= t) {
        top = t;
        break;
      }
    }
    return new ScoreScale(Math.floor(2 * lo) / 2, top);
  }

  /** The stretches of consecutive scores above the top, in order. */
  List<Clip> clips(double[] scores) {
    List<Clip> out = new ArrayList<>();
    int i = 0;
    while (i < scores.length) {
      if (!(scores[i] > top)) {
        i++;
        continue;
      }
      int from = i;
      int peak = i;
      while (i < scores.length && scores[i] > top) {
        peak = scores[i] > scores[peak] ? i : peak;
        i++;
      }
      out.add(new Clip(from, i, peak, scores[peak]));
    }
    return out;
  }

  /** A score as the pictures write it, with three significant digits or as a whole number. */
  static String format(double score) {
    String f = Math.abs(score) >= 100 ? "%.0f" : Math.abs(score) >= 10 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, f, score);
  }
}
