package io.psa.model.detection;

import java.util.Arrays;

/**
 * The batch statistic of every batch of a given length that the training windows hold: what
 * {@link BatchCalibration} is fitted on. A batch is scored as a stream of its own (its alarm rule
 * starts afresh at its first window), exactly as a {@code /predict} batch is. The windows' raw
 * scores are the training stream's: a sequence model's first windows of a real batch have less
 * context than here, which the calibration ignores.
 */
public final class BatchStatistics {

  /** Most batches taken per length and signal: evenly spaced start windows beyond it. */
  static final int MAX_BATCHES = 2_000;

  private final double[][] raw;
  private final AlarmRule rule;
  private final double threshold;
  private final double[][][] sparse;

  /**
   * @param raw per training signal, its windows' raw scores in time order
   */
  public BatchStatistics(double[][] raw, AlarmRule rule, double threshold) {
    this.raw = raw;
    this.rule = rule;
    this.threshold = threshold;
    this.sparse = new double[raw.length][][];
    for (int s = 0; s < raw.length; s++) {
      sparse[s] = sparseMax(streamStatistics(raw[s]));
    }
  }

  /** The longest power-of-two batch length that the signals hold at least {@code min} times. */
  public int longest(int min) {
    int best = 1;
    for (int w = 1; w <= 1 << 24; w *= 2) {
      long count = 0;
      for (double[] r : raw) {
        count += r.length / w;
      }
      if (count < min) {
        break;
      }
      best = w;
    }
    return best;
  }

  /** The statistic of batches of {@code w} windows, from evenly spaced starts in every signal. */
  public double[] of(int w) {
    double[] out = new double[0];
    int size = 0;
    for (int s = 0; s < raw.length; s++) {
      int starts = raw[s].length - w + 1;
      if (starts <= 0) {
        continue;
      }
      int step = Math.max(1, (starts + MAX_BATCHES - 1) / MAX_BATCHES);
      out = Arrays.copyOf(out, size + (starts + step - 1) / step);
      for (int p = 0; p < starts; p += step) {
        out[size++] = batch(s, p, w);
      }
    }
    return Arrays.copyOf(out, size);
  }

  /** The largest alarm statistic of windows {@code [p, p + w)} scored as a stream of their own. */
  private double batch(int s, int p, int w) {
    int head = Math.min(w, rule.n() - 1);
    AlarmRule.Tracker t = rule.tracker(threshold);
    double max = Double.NEGATIVE_INFINITY;
    for (int i = p; i < p + head; i++) {
      t.next(raw[s][i]);
      max = Math.max(max, t.statistic());
    }
    // from the n-th window on, the batch's statistic is the stream's: all n windows are inside
    if (head < w) {
      max = Math.max(max, rangeMax(sparse[s], p + head, p + w - 1));
    }
    return max;
  }

  private double[] streamStatistics(double[] r) {
    AlarmRule.Tracker t = rule.tracker(threshold);
    double[] a = new double[r.length];
    for (int i = 0; i < r.length; i++) {
      t.next(r[i]);
      a[i] = t.statistic();
    }
    return a;
  }

  private static double[][] sparseMax(double[] a) {
    int levels = 1;
    while ((1 << levels) <= a.length) {
      levels++;
    }
    double[][] table = new double[levels][];
    table[0] = a;
    for (int k = 1; k < levels; k++) {
      int len = a.length - (1 << k) + 1;
      table[k] = new double[Math.max(0, len)];
      for (int i = 0; i < len; i++) {
        table[k][i] = Math.max(table[k - 1][i], table[k - 1][i + (1 << (k - 1))]);
      }
    }
    return table;
  }

  private static double rangeMax(double[][] table, int from, int to) {
    int k = 31 - Integer.numberOfLeadingZeros(to - from + 1);
    return Math.max(table[k][from], table[k][to - (1 << k) + 1]);
  }
}
