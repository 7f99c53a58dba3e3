package io.psa.model.pca;

import io.psa.model.DetectorTrainer;
import io.psa.model.Hyperparameters;
import io.psa.model.calibration.CalibrationFitter;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Fits a {@link PcaDetector}. Hyperparameters: {@code pca_variance} [0.95], the explained-variance
 * fraction the kept components reach; {@code pca_ref_quantile} [0.99], the training quantile that
 * normalises T² and Q. Deterministic: the seed is not used.
 */
public final class PcaTrainer implements DetectorTrainer {

  /** Eigenvalues below this fraction of the largest are numerical noise, left to the residual. */
  private static final double RANK_TOLERANCE = 1e-10;

  @Override
  public String kind() {
    return PcaDetector.KIND;
  }

  @Override
  public Set<String> hyperparameterKeys() {
    return Set.of("pca_variance", "pca_ref_quantile");
  }

  @Override
  public PcaDetector fit(double[][] rows, Map<String, String> hyperparameters, long seed) {
    double variance = Hyperparameters.doubleValue(hyperparameters, "pca_variance", 0.95, 1e-6, 1);
    double refQuantile =
        Hyperparameters.doubleValue(hyperparameters, "pca_ref_quantile", 0.99, 0.5, 1);
    if (rows.length < 2) {
      throw new IllegalArgumentException("PCA needs at least 2 training windows");
    }
    int d = rows[0].length;
    double[] mean = new double[d];
    for (double[] row : rows) {
      for (int i = 0; i < d; i++) {
        mean[i] += row[i] / rows.length;
      }
    }
    SymmetricEigen eigen = SymmetricEigen.of(covariance(rows, mean));
    int k = keep(eigen.values(), variance);
    double[] values = Arrays.copyOf(eigen.values(), k);
    for (int j = 0; j < k; j++) {
      // constant training data has no variance at all; keep T² finite
      values[j] = Math.max(values[j], 1e-12);
    }
    double[][] loadings = new double[d][k];
    for (int i = 0; i < d; i++) {
      loadings[i] = Arrays.copyOf(eigen.vectors()[i], k);
    }
    // score the training rows with unit references to find the reference quantiles
    PcaDetector unit = new PcaDetector(mean, values, loadings, 1, 1);
    double[] t2 = new double[rows.length];
    double[] q = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      double[] s = unit.statistics(rows[r]);
      t2[r] = s[0];
      q[r] = s[1];
    }
    return new PcaDetector(mean, values, loadings, ref(t2, refQuantile), ref(q, refQuantile));
  }

  private static double[][] covariance(double[][] rows, double[] mean) {
    int d = mean.length;
    double[][] cov = new double[d][d];
    for (double[] row : rows) {
      for (int i = 0; i < d; i++) {
        double di = row[i] - mean[i];
        for (int j = i; j < d; j++) {
          cov[i][j] += di * (row[j] - mean[j]);
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        cov[i][j] /= rows.length - 1;
        cov[j][i] = cov[i][j];
      }
    }
    return cov;
  }

  /** Components up to the variance fraction, at least 1, leaving at least one for Q when d > 1. */
  static int keep(double[] values, double fraction) {
    double total = 0;
    for (double v : values) {
      total += Math.max(v, 0);
    }
    int max = Math.max(1, values.length - 1);
    int k = 0;
    double cumulative = 0;
    while (k < max && values[k] > RANK_TOLERANCE * values[0]
        && (k == 0 || cumulative < fraction * total)) {
      cumulative += values[k];
      k++;
    }
    return Math.max(k, 1);
  }

  private static double ref(double[] stat, double level) {
    double[] sorted = stat.clone();
    Arrays.sort(sorted);
    double r = CalibrationFitter.quantile(sorted, level);
    // a statistic that is zero on all training rows (rank-deficient data): any deviation is news
    return r > 1e-12 ? r : 1e-12;
  }
}
