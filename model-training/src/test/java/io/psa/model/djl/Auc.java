package io.psa.model.djl;

/** ROC AUC by the Mann-Whitney statistic: the chance a random anomalous row outscores a normal one. */
final class Auc {

  private Auc() {}

  static double of(double[] scores, boolean[] positive) {
    long pairs = 0;
    double wins = 0;
    for (int i = 0; i < scores.length; i++) {
      if (!positive[i]) {
        continue;
      }
      for (int j = 0; j < scores.length; j++) {
        if (!positive[j]) {
          pairs++;
          wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
        }
      }
    }
    if (pairs == 0) {
      throw new IllegalArgumentException("AUC needs both anomalous and normal rows");
    }
    return wins / pairs;
  }
}
