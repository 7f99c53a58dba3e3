package io.psa.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.dsp.sim.Anomaly;
import io.psa.dsp.sim.AnomalyKind;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.Episode;
import io.psa.model.training.ModelTrainer;
import io.psa.model.training.SignalSource;
import io.psa.model.training.TrainingListener;
import io.psa.model.training.TrainingSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The adaptive reference on the onset and on the return to normal: a slow drift of the pressure
 * lasting eight minutes raises one episode, the reference stands still while it is on, and the
 * return to the old operating point raises nothing. Re-baselining after a long alarm takes the
 * current level as the new normal instead; a fault that keeps progressing then alarms again and
 * again, so it is never silenced.
 */
class AdaptiveReferenceTest {

  private static final long FAULT_START = 5 * 60_000;
  private static final long FAULT_END = 13 * 60_000;

  private static List<Episode> episodes(String rebaselineAfterS) throws Exception {
    Map<String, String> settings = new HashMap<>(Map.of("detector", "pca",
        "reference_time_constant_s", "120", "rebaseline_after_s", rebaselineAfterS,
        "alarm_hold_s", "5"));
    ModelScorer scorer = new ModelScorer(new ModelTrainer(TrainingSettings.fromMap(settings),
        TrainingListener.NONE, "test").train(List.of(SignalSource.of("train",
            new SensorSimulator(SimulationSpec.of(10 * 60_000).withSeed(3)).generate()))).model());
    SimulationSpec stream = SimulationSpec.of(20 * 60_000).withSeed(5).withAnomalies(List.of(
        new Anomaly(AnomalyKind.DRIFT, "pressure", FAULT_START, FAULT_END - FAULT_START)));
    Collected collected = new Collected();
    StreamingScorer s = new StreamingScorer(scorer, false, collected);
    new SensorSimulator(stream).chunks(10_000).forEachRemaining(s::push);
    s.finish();
    return collected.episodes();
  }

  @Test
  void a_long_drift_raises_one_episode_and_its_end_raises_none() throws Exception {
    List<Episode> found = episodes("0");

    assertThat(found).hasSize(1);
    Episode e = found.getFirst();
    assertThat(e.startTsMs()).isBetween(FAULT_START, FAULT_END);
    assertThat(e.endTsMs()).isBetween(FAULT_END, FAULT_END + 10_000);
    assertThat(e.channels()).contains("pressure");
    assertThat(e.rebaselined()).isFalse();
    assertThat(e.open()).isFalse();
  }

  @Test
  void rebaselining_closes_a_long_alarm_and_a_progressing_drift_alarms_again() throws Exception {
    List<Episode> found = episodes("60");

    assertThat(found.size()).isGreaterThanOrEqualTo(3);
    assertThat(found.getFirst().startTsMs()).isBetween(FAULT_START, FAULT_END);
    for (Episode e : found.subList(0, found.size() - 1)) {
      assertThat(e.rebaselined()).isTrue();
      assertThat(e.endTsMs() - e.startTsMs()).isBetween(60_000L, 62_000L);
    }
    // the drift is reported until it ends, never silenced by the new reference
    assertThat(found.getLast().endTsMs()).isGreaterThanOrEqualTo(FAULT_END - 60_000);
  }
}
