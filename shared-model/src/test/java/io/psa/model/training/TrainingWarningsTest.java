package io.psa.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.dsp.sim.Anomaly;
import io.psa.dsp.sim.AnomalyKind;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.detection.TrainingWarning;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Training data that holds a change of regime or a fault is reported with the rows it starts at,
 * in the summary and in the model; clean training data is not.
 */
class TrainingWarningsTest {

  private static ModelTrainer.Result train(List<Anomaly> anomalies) throws Exception {
    SimulationSpec spec = SimulationSpec.of(10 * 60_000).withSeed(4).withAnomalies(anomalies);
    return new ModelTrainer(TrainingSettings.fromMap(Map.of("detector", "pca")),
        TrainingListener.NONE, "test").train(List.of(SignalSource.of("line-3.csv",
            new SensorSimulator(spec).generate())));
  }

  @Test
  void clean_training_data_raises_no_warning() throws Exception {
    ModelTrainer.Result r = train(List.of());

    assertThat(r.model().detection().warnings()).isEmpty();
    assertThat(r.summary().describe()).doesNotContain("WARNING");
  }

  @Test
  void a_stuck_sensor_in_the_last_third_is_reported_from_its_first_rows() throws Exception {
    ModelTrainer.Result r = train(List.of(new Anomaly(AnomalyKind.STUCK, "force", 400_000, 200_000)));

    List<TrainingWarning> warnings = r.model().detection().warnings();
    assertThat(warnings).isNotEmpty();
    TrainingWarning w = warnings.getFirst();
    assertThat(w.signal()).isEqualTo("line-3.csv");
    // 10 ms records: the fault starts at row 40,000; the report names the stretch from about there
    assertThat(w.firstRow()).isBetween(39_000L, 41_000L);
    assertThat(w.startTsMs()).isBetween(390_000L, 410_000L);
    assertThat(w.message()).contains("force.");
    assertThat(r.summary().describe()).contains("WARNING line-3.csv rows ");
  }

  @Test
  void a_short_burst_of_noise_is_reported_as_a_run_of_outlying_windows() throws Exception {
    ModelTrainer.Result r = train(List.of(
        new Anomaly(AnomalyKind.NOISE_BURST, "pressure", 300_000, 5_000)));

    assertThat(r.model().detection().warnings())
        .anySatisfy(w -> {
          assertThat(w.startTsMs()).isBetween(295_000L, 306_000L);
          assertThat(w.endTsMs()).isBetween(300_000L, 312_000L);
        });
  }
}
