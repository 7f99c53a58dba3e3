package io.psa.model.pca;

/**
 * Eigen-decomposition of a real symmetric matrix by cyclic Jacobi rotations (Golub and Van Loan,
 * "Matrix Computations", 4th ed., section 8.5). Quadratic convergence; fine up to about 100
 * dimensions, which window feature vectors never exceed.
 *
 * @param values eigenvalues, descending
 * @param vectors column {@code j} is the unit eigenvector of {@code values[j]}: {@code vectors[i][j]}
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

  private static final int MAX_SWEEPS = 100;

  /** Decomposes {@code a} (symmetric, not modified). */
  public static SymmetricEigen of(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(m) > 1e-30 * (1 + trace2(m)); sweep++) {
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          rotate(m, v, p, q);
        }
      }
    }
    return sorted(m, v);
  }

  private static void rotate(double[][] m, double[][] v, int p, int q) {
    double apq = m[p][q];
    if (apq == 0) {
      return;
    }
    // the rotation angle that zeroes m[p][q], in the stable form of Golub and Van Loan
    double theta = (m[q][q] - m[p][p]) / (2 * apq);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    int n = m.length;
    for (int k = 0; k < n; k++) {
      double mkp = m[k][p];
      double mkq = m[k][q];
      m[k][p] = c * mkp - s * mkq;
      m[k][q] = s * mkp + c * mkq;
    }
    for (int k = 0; k < n; k++) {
      double mpk = m[p][k];
      double mqk = m[q][k];
      m[p][k] = c * mpk - s * mqk;
      m[q][k] = s * mpk + c * mqk;
    }
    for (int k = 0; k < n; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }

  private static double offDiagonal(double[][] m) {
    double sum = 0;
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m.length; j++) {
        if (i != j) {
          sum += m[i][j] * m[i][j];
        }
      }
    }
    return sum;
  }

  private static double trace2(double[][] m) {
    double sum = 0;
    for (int i = 0; i < m.length; i++) {
      sum += m[i][i] * m[i][i];
    }
    return sum;
  }

  private static SymmetricEigen sorted(double[][] m, double[][] v) {
    int n = m.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // descending; ties by index so that the order is deterministic
    java.util.Arrays.sort(order, (x, y) -> {
      int c = Double.compare(m[y][y], m[x][x]);
      return c != 0 ? c : Integer.compare(x, y);
    });
    double[] values = new double[n];
    double[][] vectors = new double[n][n];
    for (int j = 0; j < n; j++) {
      values[j] = m[order[j]][order[j]];
      for (int i = 0; i < n; i++) {
        vectors[i][j] = v[i][order[j]];
      }
    }
    return new SymmetricEigen(values, vectors);
  }
}
