package io.psa.model.pca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.psa.dsp.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcaDetectorTest {

  /** Rows near the plane x3 = x1 + x2 in four dimensions (x4 pure small noise). */
  private static double[][] planeRows(int n, long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      double a = random.nextGaussian();
      double b = random.nextGaussian();
      rows[i] = new double[] {a, b, a + b + 0.01 * random.nextGaussian(),
          0.01 * random.nextGaussian()};
    }
    return rows;
  }

  private static PcaDetector fit(Map<String, String> hp) {
    return new PcaTrainer().fit(planeRows(2000, 1), hp, 0);
  }

  @Test
  void keeps_the_components_that_explain_the_variance_fraction() {
    assertThat(fit(Map.of()).components()).isEqualTo(2);
    assertThat(fit(Map.of("pca_variance", "0.5")).components()).isEqualTo(1);
  }

  @Test
  void a_row_off_the_training_plane_scores_far_above_the_training_rows() {
    PcaDetector pca = fit(Map.of());
    double[] training = pca.score(planeRows(500, 2));
    double maxTraining = java.util.Arrays.stream(training).max().orElseThrow();
    double off = pca.score(new double[][] {{1, 1, 0, 0}})[0];
    assertThat(off).isGreaterThan(100 * maxTraining);
    // the deviation is in the residual space: Q, not T², carries it
    double[] stats = pca.statistics(new double[] {1, 1, 0, 0});
    assertThat(stats[1]).isGreaterThan(1).isGreaterThan(stats[0]);
  }

  @Test
  void contributions_sum_to_the_score_and_name_the_broken_relation() {
    PcaDetector pca = fit(Map.of());
    double[][] row = {{0, 0, 0, 0.5}};
    double[] c = pca.contributions(row)[0];
    assertThat(c[0] + c[1] + c[2] + c[3]).isCloseTo(pca.score(row)[0], within(1e-9));
    assertThat(java.util.Arrays.stream(c).min().orElseThrow()).isGreaterThanOrEqualTo(0);
    assertThat(c[3]).isGreaterThan(0.99 * (c[0] + c[1] + c[2] + c[3]));
  }

  @Test
  void save_then_load_gives_bit_identical_scores(@TempDir Path dir) throws IOException {
    PcaDetector pca = fit(Map.of());
    Map<String, Object> params = pca.save(dir);
    var loaded = new PcaLoader().load(dir, params);
    double[][] rows = planeRows(300, 3);
    assertThat(loaded.score(rows)).containsExactly(pca.score(rows));
    assertThat(Files.size(dir.resolve("pca.bin"))).isEqualTo(8 + 8 + 16 + 8 * (4 + 2 + 8));
  }

  @Test
  void refuses_a_truncated_or_foreign_file(@TempDir Path dir) throws IOException {
    Map<String, Object> params = fit(Map.of()).save(dir);
    Path file = dir.resolve("pca.bin");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 8));
    assertThatThrownBy(() -> new PcaLoader().load(dir, params))
        .isInstanceOf(IOException.class).hasMessageContaining("inconsistent sizes");
    Files.writeString(file, "not a model");
    assertThatThrownBy(() -> new PcaLoader().load(dir, params))
        .isInstanceOf(IOException.class).hasMessageContaining("magic PSAPCA01");
  }

  @Test
  void rejects_an_invalid_variance_fraction_naming_the_key() {
    assertThatThrownBy(() -> fit(Map.of("pca_variance", "1.5")))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("config.pca_variance");
  }

  @Test
  void constant_training_data_still_fits_and_flags_any_change() {
    double[][] flat = new double[50][3];
    PcaDetector pca = new PcaTrainer().fit(flat, Map.of(), 0);
    assertThat(pca.score(flat)).containsOnly(0.0);
    assertThat(pca.score(new double[][] {{0, 0.1, 0}})[0]).isGreaterThan(1e6);
  }
}
