package io.psa.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.sim.Anomaly;
import io.psa.dsp.sim.AnomalyKind;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.Episode;
import io.psa.model.Prediction;
import io.psa.model.training.ModelTrainer;
import io.psa.model.training.SignalSource;
import io.psa.model.training.TrainingListener;
import io.psa.model.training.TrainingSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming scorer (files, S3 batch scoring, the evaluation) gives every window the score and
 * alarm flag, and every episode the span, that the batch scorer gives the same signal scored as
 * one batch, for every detector: chunks of random sizes change nothing, and the LSTM keeps its
 * context across chunk boundaries.
 */
class StreamingScorerEqualityTest {

  @ParameterizedTest
  @ValueSource(strings = {"pca", "isolation_forest", "autoencoder", "lstm"})
  void windows_and_episodes_streamed_in_random_chunks_equal_whole_signal_scoring(String detector)
      throws Exception {
    Map<String, String> settings = new HashMap<>(Map.of("detector", detector, "seed", "3",
        "reference_time_constant_s", "60"));
    settings.putAll(switch (detector) {
      case "isolation_forest" -> Map.of("if_trees", "50");
      case "autoencoder" -> Map.of("ae_epochs", "5");
      case "lstm" -> Map.of("lstm_epochs", "5", "lstm_hidden_size", "4");
      default -> Map.<String, String>of();
    });
    SimulationSpec trainSpec = SimulationSpec.of(120_000).withSeed(3);
    ModelScorer scorer = new ModelScorer(new ModelTrainer(TrainingSettings.fromMap(settings),
        TrainingListener.NONE, "test").train(List.of(SignalSource.of("train",
            new SensorSimulator(trainSpec).generate()))).model());
    SensorBatch signal = new SensorSimulator(SimulationSpec.of(180_000).withSeed(9)
        .withAnomalies(List.of(new Anomaly(AnomalyKind.NOISE_BURST, "pressure", 60_000, 20_000),
            new Anomaly(AnomalyKind.SPIKE, "force", 120_000, 5_000)))).generate();

    Prediction whole = scorer.score(signal, null, "whole");
    Collected collected = new Collected();
    StreamingScorer stream = new StreamingScorer(scorer, false, collected);
    SplittableRandom random = new SplittableRandom(17);
    for (int at = 0; at < signal.size(); ) {
      int n = Math.min(signal.size() - at, 1 + random.nextInt(5_000));
      stream.push(signal.slice(at, at + n));
      at += n;
    }
    stream.finish();
    List<ScoredWindow> windows = collected.windows();
    List<Episode> episodes = collected.episodes();

    assertThat(windows).hasSize(whole.windows().size());
    for (int i = 0; i < windows.size(); i++) {
      Prediction.Window expected = whole.windows().get(i);
      ScoredWindow actual = windows.get(i);
      assertThat(actual.startTsMs()).isEqualTo(expected.startTsMs());
      assertThat(actual.endTsMs()).isEqualTo(expected.endTsMs());
      assertThat(actual.score()).as("window %d", i).isCloseTo(expected.score(), within(1e-9));
      assertThat(actual.isAnomaly()).as("window %d", i).isEqualTo(expected.isAnomaly());
    }
    // not vacuous: the injected faults raise episodes
    assertThat(whole.episodes()).isNotEmpty();
    assertThat(episodes).hasSameSizeAs(whole.episodes());
    for (int i = 0; i < episodes.size(); i++) {
      assertThat(episodes.get(i).startTsMs()).isEqualTo(whole.episodes().get(i).startTsMs());
      assertThat(episodes.get(i).endTsMs()).isEqualTo(whole.episodes().get(i).endTsMs());
      assertThat(episodes.get(i).channels()).isEqualTo(whole.episodes().get(i).channels());
    }
  }
}
