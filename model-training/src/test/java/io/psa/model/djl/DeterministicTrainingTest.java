package io.psa.model.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import io.psa.model.nn.DenseAutoencoderDetector;
import io.psa.model.nn.LstmDetector;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Same rows and seed give bit-identical weights; another seed gives other weights. */
class DeterministicTrainingTest {

  static double[][] rows;

  @BeforeAll
  static void simulate() {
    rows = SimulatedWindows.of(300_000, 60_000).train();
  }

  @Test
  void autoencoder_training_is_bit_identical_for_one_seed() {
    Map<String, String> hp = Map.of("ae_epochs", "4");
    DenseAutoencoderDetector first = new AutoencoderTrainer().fit(rows, hp, 5);
    DenseAutoencoderDetector second = new AutoencoderTrainer().fit(rows, hp, 5);
    DenseAutoencoderDetector other = new AutoencoderTrainer().fit(rows, hp, 6);

    assertThat(second.layers()).isEqualTo(first.layers());
    assertThat(second.score(rows)).isEqualTo(first.score(rows));
    assertThat(other.layers().getFirst().weight()).isNotEqualTo(first.layers().getFirst().weight());
  }

  @Test
  void lstm_training_is_bit_identical_for_one_seed() {
    Map<String, String> hp = Map.of("lstm_epochs", "3", "lstm_sequence_length", "4");
    LstmDetector first = new LstmTrainer().fit(rows, hp, 5);
    LstmDetector second = new LstmTrainer().fit(rows, hp, 5);
    LstmDetector other = new LstmTrainer().fit(rows, hp, 6);

    assertThat(second.lstm()).isEqualTo(first.lstm());
    assertThat(second.output()).isEqualTo(first.output());
    assertThat(other.lstm().weightIh()).isNotEqualTo(first.lstm().weightIh());
  }

  @Test
  void trainings_started_on_two_threads_at_once_queue_and_equal_sequential_ones() throws Exception {
    // without the training loop's own lock, DJL fails the second one: "A PtGradientCollector is
    // already collecting"
    Map<String, String> hp = Map.of("lstm_epochs", "2", "lstm_sequence_length", "4");
    LstmDetector alone = new LstmTrainer().fit(rows, hp, 5);
    Map<String, String> aeHp = Map.of("ae_epochs", "2");
    DenseAutoencoderDetector aeAlone = new AutoencoderTrainer().fit(rows, aeHp, 5);

    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
      var lstm = pool.submit(() -> new LstmTrainer().fit(rows, hp, 5));
      var ae = pool.submit(() -> new AutoencoderTrainer().fit(rows, aeHp, 5));
      assertThat(lstm.get().lstm()).isEqualTo(alone.lstm());
      assertThat(ae.get().layers()).isEqualTo(aeAlone.layers());
    }
  }

  @Test
  void training_moves_the_weights_away_from_their_seeded_start() {
    var settings = AutoencoderSettings.fromMap(Map.of("ae_epochs", "4", "ae_validation_fraction", "0"));
    AutoencoderNetwork network = new AutoencoderNetwork(24, settings, 5);
    DenseAutoencoderDetector untrained = TrainingLoop.fit(network.block(), new Shape(64, 24),
        new RowBatches(rows, 64), null, new TrainingLoop.Plan(0, 0.002, 1, 5), b -> network.toDetector());
    DenseAutoencoderDetector trained = new AutoencoderTrainer().fit(rows, settings, 5);

    double before = mean(untrained.score(rows));
    double after = mean(trained.score(rows));
    System.out.printf("autoencoder training error: %.4f at the seeded start, %.4f trained%n", before, after);
    assertThat(after).isLessThan(0.6 * before);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
