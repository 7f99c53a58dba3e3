package io.psa.model.nn;

import io.psa.model.Detector;

/**
 * What the neural detectors share: each row gets a reconstruction (or forecast) of itself, its raw
 * score is the mean squared error over the features, and a feature's contribution is its share of
 * that squared error.
 */
abstract sealed class ReconstructionDetector implements Detector
    permits DenseAutoencoderDetector, LstmDetector {

  /** Width of every row. */
  abstract int inputs();

  /**
   * The model's reconstruction of every row, in order; row {@code t}'s may depend on rows up to
   * {@code t} only.
   */
  abstract double[][] reconstructAll(double[][] rows);

  /** The reconstruction of the last row, read with the rows before it as context. */
  double[] reconstructLastRow(double[][] rows) {
    double[][] all = reconstructAll(rows);
    return all[all.length - 1];
  }

  /**
   * Mean squared reconstruction error of each row, in scaled feature units squared; higher = more
   * anomalous.
   */
  @Override
  public final double[] score(double[][] rows) {
    checkWidth(rows);
    double[][] reconstructions = reconstructAll(rows);
    double[] scores = new double[rows.length];
    for (int t = 0; t < rows.length; t++) {
      scores[t] = meanSquaredError(rows[t], reconstructions[t]);
    }
    return scores;
  }

  @Override
  public final double scoreLast(double[][] rows) {
    checkWidth(rows);
    return meanSquaredError(rows[rows.length - 1], reconstructLastRow(rows));
  }

  /**
   * Each feature's share of its row's squared reconstruction error: non-negative, summing to 1 per
   * row (all zero for a row reconstructed exactly).
   */
  @Override
  public final double[][] contributions(double[][] rows) {
    checkWidth(rows);
    double[][] reconstructions = reconstructAll(rows);
    double[][] shares = new double[rows.length][];
    for (int t = 0; t < rows.length; t++) {
      shares[t] = errorShares(rows[t], reconstructions[t]);
    }
    return shares;
  }

  @Override
  public final double[] contributionsLast(double[][] rows) {
    checkWidth(rows);
    return errorShares(rows[rows.length - 1], reconstructLastRow(rows));
  }

  private static double meanSquaredError(double[] row, double[] recon) {
    double sum = 0;
    for (int j = 0; j < recon.length; j++) {
      double e = row[j] - recon[j];
      sum += e * e;
    }
    return sum / recon.length;
  }

  private static double[] errorShares(double[] row, double[] recon) {
    double[] squared = new double[recon.length];
    double sum = 0;
    for (int j = 0; j < recon.length; j++) {
      double e = row[j] - recon[j];
      squared[j] = e * e;
      sum += squared[j];
    }
    for (int j = 0; j < squared.length && sum > 0; j++) {
      squared[j] /= sum;
    }
    return squared;
  }

  private void checkWidth(double[][] rows) {
    for (int t = 0; t < rows.length; t++) {
      if (rows[t].length != inputs()) {
        throw new IllegalArgumentException(
            kind() + " detector expects rows of " + inputs() + " features, row " + t + " has "
                + rows[t].length);
      }
    }
  }
}
