package io.psa.model.evaluation;

/**
 * Confusion counts over test rows, and the SKAB figures computed from them.
 *
 * @param tp anomalous rows predicted anomalous
 * @param fp normal rows predicted anomalous
 * @param fn anomalous rows predicted normal
 * @param tn normal rows predicted normal
 */
public record Counts(long tp, long fp, long fn, long tn) {

  /** No rows. */
  public static final Counts ZERO = new Counts(0, 0, 0, 0);

  public Counts {
    if (tp < 0 || fp < 0 || fn < 0 || tn < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
  }

  /**
   * Counts predictions against labels, row by row.
   *
   * @param labels 0/1 truth per row
   * @param predictions 0/1 prediction per row, same length
   */
  public static Counts of(int[] labels, int[] predictions) {
    if (labels.length != predictions.length) {
      throw new IllegalArgumentException(
          labels.length + " labels but " + predictions.length + " predictions");
    }
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long tn = 0;
    for (int i = 0; i < labels.length; i++) {
      boolean truth = labels[i] != 0;
      boolean alarm = predictions[i] != 0;
      if (truth && alarm) {
        tp++;
      } else if (alarm) {
        fp++;
      } else if (truth) {
        fn++;
      } else {
        tn++;
      }
    }
    return new Counts(tp, fp, fn, tn);
  }

  /** The counts of two disjoint sets of rows together (figures over all files pool rows). */
  public Counts plus(Counts o) {
    return new Counts(tp + o.tp, fp + o.fp, fn + o.fn, tn + o.tn);
  }

  public long rows() {
    return tp + fp + fn + tn;
  }

  /** {@code TP / (TP + (FN + FP) / 2)}; 0 when there is nothing to find and nothing flagged. */
  public double f1() {
    double d = tp + (fn + fp) / 2.0;
    return d == 0 ? 0 : tp / d;
  }

  /** False alarm rate {@code FP / (FP + TN)}; 0 without normal rows. */
  public double far() {
    return fp + tn == 0 ? 0 : (double) fp / (fp + tn);
  }

  /** Missed alarm rate {@code FN / (FN + TP)}; 0 without anomalous rows. */
  public double mar() {
    return fn + tp == 0 ? 0 : (double) fn / (fn + tp);
  }
}
