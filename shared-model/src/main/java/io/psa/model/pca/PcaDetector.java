package io.psa.model.pca;

import io.psa.model.Detector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PCA T² + Q detector (see the package description for the statistics and the file format).
 * Immutable and thread-safe.
 */
public final class PcaDetector implements Detector {

  /** The manifest's detector kind. */
  public static final String KIND = "pca";

  private final double[] mean;
  private final double[] eigenvalues;
  private final double[][] loadings;
  private final double t2Ref;
  private final double qRef;

  /**
   * @param mean training mean of the (scaled) features, length d
   * @param eigenvalues kept eigenvalues, descending, all > 0, length k
   * @param loadings d x k, column j the unit eigenvector of {@code eigenvalues[j]}
   * @param t2Ref training quantile of T², > 0
   * @param qRef training quantile of Q, > 0
   */
  public PcaDetector(
      double[] mean, double[] eigenvalues, double[][] loadings, double t2Ref, double qRef) {
    if (loadings.length != mean.length) {
      throw new IllegalArgumentException("loadings must have one row per feature");
    }
    for (double[] row : loadings) {
      if (row.length != eigenvalues.length) {
        throw new IllegalArgumentException("loadings must have one column per component");
      }
    }
    for (double l : eigenvalues) {
      if (!(l > 0)) {
        throw new IllegalArgumentException("eigenvalues must be > 0, got " + l);
      }
    }
    if (!(t2Ref > 0 && qRef > 0)) {
      throw new IllegalArgumentException("reference quantiles must be > 0");
    }
    this.mean = mean.clone();
    this.eigenvalues = eigenvalues.clone();
    this.loadings = new double[loadings.length][];
    for (int i = 0; i < loadings.length; i++) {
      this.loadings[i] = loadings[i].clone();
    }
    this.t2Ref = t2Ref;
    this.qRef = qRef;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** Number of kept principal components. */
  public int components() {
    return eigenvalues.length;
  }

  @Override
  public double[] score(double[][] rows) {
    double[] out = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      double[] parts = parts(rows[r]);
      double sum = 0;
      for (double p : parts) {
        sum += p;
      }
      out[r] = sum;
    }
    return out;
  }

  @Override
  public double[][] contributions(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      out[r] = parts(rows[r]);
    }
    return out;
  }

  /** Raw T² and Q of rows (before normalisation), for diagnostics and tests: {@code [T², Q]}. */
  public double[] statistics(double[] row) {
    double[] centred = centre(row);
    double[] t = project(centred);
    double t2 = 0;
    for (int j = 0; j < t.length; j++) {
      t2 += t[j] * t[j] / eigenvalues[j];
    }
    double q = 0;
    for (int i = 0; i < centred.length; i++) {
      double recon = 0;
      for (int j = 0; j < t.length; j++) {
        recon += loadings[i][j] * t[j];
      }
      q += (centred[i] - recon) * (centred[i] - recon);
    }
    return new double[] {t2, q};
  }

  /**
   * Per-feature terms whose sum is the score: the complete-decomposition share of T², {@code
   * ((P Λ^-1/2 t)_i)² / t2Ref}, plus the squared residual {@code r_i² / qRef}.
   */
  private double[] parts(double[] row) {
    double[] centred = centre(row);
    double[] t = project(centred);
    double[] out = new double[centred.length];
    for (int i = 0; i < centred.length; i++) {
      double recon = 0;
      double whitened = 0;
      for (int j = 0; j < t.length; j++) {
        recon += loadings[i][j] * t[j];
        whitened += loadings[i][j] * t[j] / Math.sqrt(eigenvalues[j]);
      }
      double residual = centred[i] - recon;
      out[i] = whitened * whitened / t2Ref + residual * residual / qRef;
    }
    return out;
  }

  private double[] centre(double[] row) {
    if (row.length != mean.length) {
      throw new IllegalArgumentException(
          "row has " + row.length + " features, the model " + mean.length);
    }
    double[] c = new double[row.length];
    for (int i = 0; i < row.length; i++) {
      c[i] = row[i] - mean[i];
    }
    return c;
  }

  private double[] project(double[] centred) {
    double[] t = new double[eigenvalues.length];
    for (int i = 0; i < centred.length; i++) {
      for (int j = 0; j < t.length; j++) {
        t[j] += loadings[i][j] * centred[i];
      }
    }
    return t;
  }

  @Override
  public Map<String, Object> save(Path dir) throws IOException {
    PcaFile.write(dir.resolve(PcaFile.NAME), mean, eigenvalues, loadings, t2Ref, qRef);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("file", PcaFile.NAME);
    params.put("features", mean.length);
    params.put("components", eigenvalues.length);
    params.put("t2_ref", t2Ref);
    params.put("q_ref", qRef);
    return params;
  }
}
