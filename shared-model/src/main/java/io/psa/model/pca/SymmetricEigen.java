package io.psa.model.pca;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Eigen-decomposition of a real symmetric matrix, by Apache Commons Math's {@link
 * EigenDecomposition} (Householder tridiagonalisation and implicit QL, as EISPACK's tred2/tql2),
 * sorted by eigenvalue. A library routine replaced the hand-written Jacobi rotations: the same
 * eigenvalues to 1e-12 on the tests' matrices, less code of our own to trust (ADR 13).
 *
 * @param values eigenvalues, descending
 * @param vectors column {@code j} is the unit eigenvector of {@code values[j]}: {@code vectors[i][j]}
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

  /** Decomposes {@code a} (symmetric, not modified). */
  public static SymmetricEigen of(double[][] a) {
    int n = a.length;
    RealMatrix m = new Array2DRowRealMatrix(a, true);
    EigenDecomposition e = new EigenDecomposition(m);
    double[] raw = e.getRealEigenvalues();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> raw[i]).reversed());
    double[] values = new double[n];
    double[][] vectors = new double[n][n];
    for (int j = 0; j < n; j++) {
      values[j] = raw[order[j]];
      double[] v = e.getEigenvector(order[j]).toArray();
      for (int i = 0; i < n; i++) {
        vectors[i][j] = v[i];
      }
    }
    return new SymmetricEigen(values, vectors);
  }
}
