package io.psa.model.iforest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.dsp.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolationForestDetectorTest {

  private static double[][] gaussian(int n, int d, long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[n][d];
    for (double[] row : rows) {
      for (int j = 0; j < d; j++) {
        row[j] = random.nextGaussian();
      }
    }
    return rows;
  }

  private static IsolationForestDetector fit(long seed, Map<String, String> hp) {
    return new IsolationForestTrainer().fit(gaussian(1000, 6, 1), hp, seed);
  }

  @Test
  void the_same_seed_gives_identical_scores_and_another_seed_different_ones() {
    double[][] probe = gaussian(200, 6, 9);
    double[] a = fit(5, Map.of()).score(probe);
    assertThat(fit(5, Map.of()).score(probe)).containsExactly(a);
    assertThat(fit(6, Map.of()).score(probe)).isNotEqualTo(a);
  }

  @Test
  void training_on_another_thread_does_not_change_the_forest() throws Exception {
    double[][] probe = gaussian(100, 6, 9);
    double[] here = fit(5, Map.of()).score(probe);
    double[][] there = new double[1][];
    Thread t = new Thread(() -> there[0] = fit(5, Map.of()).score(probe));
    t.start();
    t.join();
    assertThat(there[0]).containsExactly(here);
  }

  @Test
  void flat_tree_major_scoring_equals_smiles_own_score_bit_for_bit() {
    IsolationForestDetector forest = fit(5, Map.of("if_trees", "30"));
    double[][] probe = gaussian(50, 6, 9);
    double[] ours = forest.score(probe);
    assertThat(forest.flat()).as("scored with the flat copy of Smile's trees").isTrue();
    for (int i = 0; i < probe.length; i++) {
      assertThat(ours[i]).isEqualTo(forest.forest().score(probe[i]));
    }
  }

  @Test
  void attribution_by_shared_dot_products_equals_scoring_every_variant_in_full() {
    IsolationForestDetector forest = fit(5, Map.of("if_trees", "40"));
    double[][] probe = gaussian(20, 6, 11);
    for (double[] row : probe) {
      double[] full = forest.variantScoresInFull(row);
      double[][] shares = forest.contributions(new double[][] {row});
      assertThat(forest.score(new double[][] {row})[0]).isEqualTo(full[0]);
      for (int j = 0; j < row.length; j++) {
        assertThat(shares[0][j]).isCloseTo(Math.max(0, full[0] - full[j + 1]), within(1e-12));
      }
    }
  }

  @Test
  void fewer_training_rows_than_the_sample_size_grow_trees_on_all_rows(@TempDir Path dir)
      throws IOException {
    var forest = new IsolationForestTrainer().fit(gaussian(100, 6, 1), Map.of(), 5);
    assertThat(forest.save(dir)).containsEntry("sample_size", 100);
    assertThat(forest.score(new double[][] {{0, 0, 9, 0, 0, 0}})[0])
        .isGreaterThan(forest.score(new double[][] {{0, 0, 0, 0, 0, 0}})[0]);
  }

  @Test
  void an_outlier_scores_above_every_training_row() {
    IsolationForestDetector forest = fit(5, Map.of());
    double[] training = forest.score(gaussian(1000, 6, 1));
    double outlier = forest.score(new double[][] {{0, 0, 8, 0, 0, 0}})[0];
    assertThat(outlier).isGreaterThan(java.util.Arrays.stream(training).max().orElseThrow());
    assertThat(outlier).isLessThan(1).isGreaterThan(0.6);
  }

  @Test
  void attribution_names_the_outlying_feature_first() {
    IsolationForestDetector forest = fit(5, Map.of());
    double[] c = forest.contributions(new double[][] {{0, 0, 0, 0, -7, 0}})[0];
    int top = 0;
    for (int j = 1; j < c.length; j++) {
      top = c[j] > c[top] ? j : top;
    }
    assertThat(top).isEqualTo(4);
    assertThat(java.util.Arrays.stream(c).min().orElseThrow()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void save_then_load_gives_bit_identical_scores(@TempDir Path dir) throws IOException {
    IsolationForestDetector forest = fit(5, Map.of("if_trees", "50"));
    Map<String, Object> params = forest.save(dir);
    var loaded = new IsolationForestLoader().load(dir, params);
    double[][] probe = gaussian(300, 6, 4);
    assertThat(loaded.score(probe)).containsExactly(forest.score(probe));
    assertThat(loaded.contributions(probe)[7]).containsExactly(forest.contributions(probe)[7]);
    assertThat(params).containsEntry("trees", 50).containsEntry("extension_level", 5);
  }

  @Test
  void the_reader_refuses_a_stream_naming_a_class_outside_the_allow_list() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new HashMap<>(Map.of("a", 1)));
    }
    assertThatThrownBy(() -> ForestSerialization.read(bytes.toByteArray()))
        .isInstanceOf(InvalidClassException.class)
        .hasMessageContaining("REJECTED");
  }

  @Test
  void rejects_an_invalid_tree_count_naming_the_key() {
    assertThatThrownBy(() -> fit(1, Map.of("if_trees", "many")))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("config.if_trees");
  }
}
