package io.psa.model.testing;

import java.util.Arrays;

/**
 * ROC AUC by the Mann-Whitney statistic: the probability that a random positive scores above a
 * random negative, ties counting one half (average ranks).
 */
public final class Auc {

  private Auc() {}

  /**
   * The AUC of {@code scores} against the labels: 1 when every positive scores above every
   * negative, 0.5 for chance.
   *
   * @param positive whether each score's item is a positive (anomalous), same length as scores
   */
  public static double of(double[] scores, boolean[] positive) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double rankSumPositive = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (positive[order[k]]) {
          rankSumPositive += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("AUC needs positives and negatives");
    }
    return (rankSumPositive - positives * (positives + 1) / 2.0) / (positives * negatives);
  }
}
