package io.psa.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.sim.Anomaly;
import io.psa.dsp.sim.AnomalyKind;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.Prediction;
import io.psa.model.scoring.ModelScorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model a fresh install serves: on 200 consecutive normal 10 s batches cut from a long
 * simulated signal of another seed (the machine's warm-up included), it stays quiet and its batch
 * scores read as percentiles (median near 0.5); spikes on any channel still alarm.
 */
class DefaultModelTest {

  private static ModelScorer model;

  @BeforeAll
  static void train() throws Exception {
    model = DefaultModel.scorer("test");
  }

  /** 200 consecutive 10 s batches of the simulator's normal signal, seed 7, from a cold start. */
  private static List<Prediction> normalBatches() {
    SimulationSpec spec = SimulationSpec.of(200 * 10_000L).withSeed(7);
    Iterator<SensorBatch> batches = new SensorSimulator(spec).chunks(1_000);
    List<Prediction> out = new ArrayList<>();
    while (batches.hasNext()) {
      out.add(model.score(batches.next(), null, null));
    }
    return out;
  }

  @Test
  void two_hundred_normal_batches_of_another_seed_raise_at_most_four_alarms() {
    List<Prediction> batches = normalBatches();
    long alarms = batches.stream().filter(Prediction::isAnomaly).count();
    double[] scores = batches.stream().mapToDouble(Prediction::anomalyScore).sorted().toArray();
    double median = (scores[99] + scores[100]) / 2;
    System.out.printf("default model: %d of %d normal batches alarmed, median anomaly_score %.3f,"
        + " quartiles %.3f %.3f%n", alarms, batches.size(), median, scores[50], scores[150]);

    assertThat(batches).hasSize(200);
    assertThat(alarms).isLessThanOrEqualTo(4);
    assertThat(median).isBetween(0.3, 0.7);
    // the scores spread over [0, 1): a quarter of the batches below 0.35, a quarter above 0.65
    assertThat(scores[50]).isLessThan(0.4);
    assertThat(scores[150]).isGreaterThan(0.6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"pressure", "force", "acceleration", "temperature"})
  void spikes_on_any_channel_alarm_and_are_blamed_on_it(String channel) {
    SensorBatch batch = new SensorSimulator(SimulationSpec.of(10_000).withSeed(7)
        .withAnomalies(List.of(new Anomaly(AnomalyKind.SPIKE, channel, 4_000, 2_000)))).generate();

    Prediction p = model.score(batch, null, null);

    assertThat(p.isAnomaly()).isTrue();
    assertThat(p.anomalyScore()).isGreaterThanOrEqualTo(p.threshold());
    assertThat(p.episodes()).isNotEmpty();
    assertThat(p.episodes().getFirst().channels()).contains(channel);
    assertThat(p.episodes().getFirst().startTsMs()).isBetween(3_000L, 6_000L);
  }

  @Test
  void the_warm_up_channel_is_modelled_without_its_level() {
    assertThat(model.trainedModel().detection().selection().slowChannels())
        .containsExactly("temperature");
    assertThat(model.trainedModel().featureNames()).doesNotContain("temperature.mean",
        "temperature.rms");
    assertThat(Arrays.asList("temperature.ptp", "pressure.mean"))
        .allSatisfy(f -> assertThat(model.trainedModel().featureNames()).contains(f));
  }
}
