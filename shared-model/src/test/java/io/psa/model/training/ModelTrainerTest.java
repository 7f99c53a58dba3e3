package io.psa.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.psa.dsp.ValidationException;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.artifact.ArtifactReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainerTest {

  private static final TrainingSettings PCA = TrainingSettings.fromMap(Map.of("detector", "pca"));

  private static SensorSimulator sim(long minutes, long seed) {
    return new SensorSimulator(SimulationSpec.of(minutes * 60_000).withSeed(seed));
  }

  @Test
  void chunked_signals_train_the_same_model_as_whole_batches() throws Exception {
    var trainer = new ModelTrainer(PCA, TrainingListener.NONE, "t");
    var chunked = trainer.train(List.of(SignalSource.of("a", sim(2, 1).chunks(777), -1)));
    var whole = trainer.train(List.of(SignalSource.of("a", sim(2, 1).generate())));
    assertThat(chunked.model().scaler().mean())
        .containsExactly(whole.model().scaler().mean(), within(1e-9));
    // two minutes with the low-pass on: learnt as twelve 10 s batches of 37 windows each
    assertThat(chunked.summary().windows()).isEqualTo(whole.summary().windows()).isEqualTo(444);
    assertThat(chunked.model().calibration().threshold())
        .isCloseTo(whole.model().calibration().threshold(), within(1e-9));
  }

  @Test
  void windows_never_span_two_signals_and_provenance_counts_both() throws Exception {
    var result = new ModelTrainer(PCA, TrainingListener.NONE, "t").train(List.of(
        SignalSource.of("one", sim(1, 1).generate()), SignalSource.of("two", sim(1, 2).generate())));
    assertThat(result.summary().windows()).isEqualTo(2 * 222);
    assertThat(result.summary().rows()).isEqualTo(12_000);
    assertThat(result.info().files()).extracting(f -> f.name()).containsExactly("one", "two");
    assertThat(result.info().files().get(1).windows()).isEqualTo(222);
    assertThat(result.info().files().get(0).sha256()).isNull();
  }

  @Test
  void the_summary_reports_quantiles_threshold_slow_channels_and_flagged_share() throws Exception {
    var summary = new ModelTrainer(PCA, TrainingListener.NONE, "t")
        .train(List.of(SignalSource.of("a", sim(2, 4).generate()))).summary();
    assertThat(summary.rawQuantiles()).containsOnlyKeys("p50", "p90", "p99", "p99.9", "max");
    assertThat(summary.rawQuantiles().get("p50")).isLessThan(summary.rawQuantiles().get("p99"));
    // the threshold lies above the training quantile 0.995 by the margin: at most the top 0.5 %
    // of the 444 windows can reach it, and the alarm rule needs 2 of 4 of them
    assertThat(summary.flaggedFraction() * 444).isLessThanOrEqualTo(3.0);
    assertThat(summary.windowThreshold()).isBetween(0.995, 1.0);
    // the simulated machine warms up: its temperature's level is not modelled
    assertThat(summary.slowChannels()).containsExactly("temperature");
    assertThat(summary.describe()).contains("444 windows").contains("window threshold: 0.99")
        .contains("slow channels (level not modelled): temperature");
  }

  @Test
  void progress_goes_through_every_phase_in_order(@TempDir Path dir) throws Exception {
    List<String> phases = new ArrayList<>();
    List<Long> featureDone = new ArrayList<>();
    TrainingListener listener = (phase, done, total) -> {
      if (phases.isEmpty() || !phases.getLast().equals(phase)) {
        phases.add(phase);
      }
      if (phase.equals("features")) {
        featureDone.add(done);
        assertThat(total).isEqualTo(12_000);
      }
    };
    SensorSimulator s = sim(2, 1);
    new ModelTrainer(PCA, listener, "t").trainTo(
        List.of(SignalSource.of("a", s.chunks(1000), s.spec().recordCount())), dir);
    assertThat(phases).containsExactly("features", "fit", "calibrate", "save");
    assertThat(featureDone).isSorted().endsWith(12_000L).hasSize(12);
    assertThat(ArtifactReader.read(dir).manifest().training().rows()).isEqualTo(12_000);
  }

  @Test
  void too_little_data_is_refused_as_a_validation_error() {
    var trainer = new ModelTrainer(PCA, TrainingListener.NONE, "t");
    var tiny = SignalSource.of("tiny", new SensorSimulator(SimulationSpec.of(3_000)).generate());
    assertThatThrownBy(() -> trainer.train(List.of(tiny)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least 10 are needed");
  }
}
