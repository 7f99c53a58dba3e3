package io.psa.model.evaluation;

/**
 * Strictly causal row labelling: a row takes the decision of the last window that ends at or
 * before the row's timestamp; rows before the first complete window get no window (label 0). A
 * window never lends its decision to rows before its end, so no row sees the future.
 */
public final class CausalLabels {

  private CausalLabels() {}

  /**
   * For each row from {@code fromRow} on, the index of the window that labels it, or -1.
   *
   * @param windowEndMs end timestamps of the windows, non-decreasing
   * @param rowTsMs row timestamps, increasing
   */
  public static int[] windowOfRow(long[] windowEndMs, long[] rowTsMs, int fromRow) {
    int[] out = new int[rowTsMs.length - fromRow];
    int w = -1;
    for (int r = fromRow; r < rowTsMs.length; r++) {
      while (w + 1 < windowEndMs.length && windowEndMs[w + 1] <= rowTsMs[r]) {
        w++;
      }
      out[r - fromRow] = w;
    }
    return out;
  }

  /** The 0/1 label of each row given the window that labels it ({@link #windowOfRow}). */
  public static int[] labels(int[] windowOfRow, boolean[] windowAlarm) {
    int[] out = new int[windowOfRow.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = windowOfRow[i] >= 0 && windowAlarm[windowOfRow[i]] ? 1 : 0;
    }
    return out;
  }
}
