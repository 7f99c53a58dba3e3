package io.psa.model.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scores are mean squared reconstruction errors, contributions their per-feature shares. */
class ReconstructionScoreTest {

  @Test
  void dense_layer_computes_w_x_plus_b_then_the_activation() {
    DenseLayer relu = new DenseLayer(new float[] {1, 2, 3, -4}, new float[] {0.5f, -1}, 2, Activation.RELU);
    assertThat(relu.forward(new double[] {1, 1})).containsExactly(3.5, 0.0);
    DenseLayer tanh = new DenseLayer(new float[] {1, 2, 3, -4}, new float[] {0.5f, -1}, 2, Activation.TANH);
    assertThat(tanh.forward(new double[] {1, 1})).containsExactly(Math.tanh(3.5), Math.tanh(-2));
  }

  @Test
  void autoencoder_score_is_the_mean_squared_reconstruction_error() {
    // one identity-weight layer with bias 1: every feature is reconstructed 1 too high
    DenseLayer shift = new DenseLayer(new float[] {1, 0, 0, 1}, new float[] {1, 1}, 2, Activation.IDENTITY);
    DenseAutoencoderDetector detector = new DenseAutoencoderDetector(List.of(shift));
    assertThat(detector.score(new double[][] {{3, -2}, {0, 0}})).containsExactly(1.0, 1.0);
  }

  @Test
  void contributions_are_shares_of_the_squared_error_summing_to_one() {
    DenseAutoencoderDetector detector = RandomModels.autoencoder(6, 3);
    double[][] rows = RandomModels.rows(20, 6, 4);
    double[][] shares = detector.contributions(rows);
    double[] scores = detector.score(rows);
    for (int t = 0; t < rows.length; t++) {
      double[] recon = detector.reconstruct(rows[t]);
      double e0 = rows[t][0] - recon[0];
      assertThat(Arrays.stream(shares[t]).sum()).isCloseTo(1.0, within(1e-12));
      assertThat(shares[t][0]).isCloseTo(e0 * e0 / (6 * scores[t]), within(1e-12));
      assertThat(Arrays.stream(shares[t]).min().orElseThrow()).isNotNegative();
    }
  }

  @Test
  void lstm_scores_of_a_prefix_do_not_depend_on_later_rows() {
    LstmDetector detector = RandomModels.lstm(5, 3, 4, 8);
    double[][] rows = RandomModels.rows(30, 5, 9);
    double[] all = detector.score(rows);
    double[] prefix = detector.score(Arrays.copyOf(rows, 17));
    assertThat(prefix).containsExactly(Arrays.copyOf(all, 17));
  }

  @Test
  void lstm_reads_only_the_last_sequence_length_rows() {
    LstmDetector detector = RandomModels.lstm(5, 3, 4, 8);
    double[][] rows = RandomModels.rows(30, 5, 9);
    double[] all = detector.score(rows);
    // rows 10..29 scored alone: from row 13 on, each still sees its full 4-row context
    double[] tail = detector.score(Arrays.copyOfRange(rows, 10, 30));
    assertThat(Arrays.copyOfRange(tail, 3, 20)).containsExactly(Arrays.copyOfRange(all, 13, 30));
    assertThat(tail[0]).isNotEqualTo(all[10]);
  }

  @Test
  void rejects_rows_of_the_wrong_width_naming_the_row() {
    LstmDetector detector = RandomModels.lstm(5, 3, 4, 8);
    double[][] rows = RandomModels.rows(3, 5, 9);
    rows[2] = new double[4];
    assertThatThrownBy(() -> detector.score(rows))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 2 has 4");
  }
}
