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
      double[] recon = reconstructions[t];
      double sum = 0;
      for (int j = 0; j < recon.length; j++) {
        double e = rows[t][j] - recon[j];
        sum += e * e;
      }
      scores[t] = sum / recon.length;
    }
    return scores;
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
      double[] recon = reconstructions[t];
      double[] squared = new double[recon.length];
      double sum = 0;
      for (int j = 0; j < recon.length; j++) {
        double e = rows[t][j] - recon[j];
        squared[j] = e * e;
        sum += squared[j];
      }
      for (int j = 0; j < squared.length && sum > 0; j++) {
        squared[j] /= sum;
      }
      shares[t] = squared;
    }
    return shares;
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
