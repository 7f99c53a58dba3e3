package io.psa.model.pca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

  @Test
  void decomposes_a_two_by_two_matrix_in_closed_form() {
    SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
    assertThat(e.values()).containsExactly(new double[] {3, 1}, within(1e-14));
    double r = Math.sqrt(0.5);
    assertThat(Math.abs(e.vectors()[0][0])).isCloseTo(r, within(1e-14));
    assertThat(e.vectors()[0][0] * e.vectors()[1][0]).isCloseTo(0.5, within(1e-14));
  }

  @Test
  void matches_numpy_eigvalsh_on_a_fixed_matrix() {
    // src/test/python/reference_numbers.py: numpy.linalg.eigvalsh(a)[::-1]
    double[][] a = {{4, 1, 0.5}, {1, 3, -1}, {0.5, -1, 2}};
    assertThat(SymmetricEigen.of(a).values())
        .containsExactly(new double[] {4.622905121644136, 3.3175444385565522, 1.0595504397993127},
            within(1e-12));
  }

  @Test
  void forty_dimensional_covariance_is_reconstructed_by_orthonormal_eigenvectors() {
    int n = 40;
    Random random = new Random(7);
    double[][] b = new double[n][n];
    for (double[] row : b) {
      for (int j = 0; j < n; j++) {
        row[j] = random.nextGaussian();
      }
    }
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < n; k++) {
          a[i][j] += b[k][i] * b[k][j];
        }
      }
    }
    SymmetricEigen e = SymmetricEigen.of(a);
    for (int j = 1; j < n; j++) {
      assertThat(e.values()[j]).isLessThanOrEqualTo(e.values()[j - 1]);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double vtv = 0;
        double recon = 0;
        for (int k = 0; k < n; k++) {
          vtv += e.vectors()[k][i] * e.vectors()[k][j];
          recon += e.vectors()[i][k] * e.values()[k] * e.vectors()[j][k];
        }
        assertThat(vtv).isCloseTo(i == j ? 1 : 0, within(1e-12));
        assertThat(recon).isCloseTo(a[i][j], within(1e-9));
      }
    }
  }
}
