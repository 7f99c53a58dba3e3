package io.psa.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.psa.dsp.Pipeline;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.ValidationException;
import io.psa.dsp.sim.Anomaly;
import io.psa.dsp.sim.AnomalyKind;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.Prediction;
import io.psa.model.testing.Models;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelScorerTest {

  private static final ModelScorer PCA = new ModelScorer(Models.model("pca"));

  /** 10 s of another seed with a 2 s noise burst on pressure from 6 s on. */
  private static SensorBatch tenSecondsWithPressureNoise() {
    return new SensorSimulator(SimulationSpec.of(10_000).withSeed(21).withAnomalies(
        List.of(new Anomaly(AnomalyKind.NOISE_BURST, "pressure", 6_000, 2_000)))).generate();
  }

  @Test
  void answers_every_field_of_the_predict_response() {
    SensorBatch batch = tenSecondsWithPressureNoise();
    Prediction p = PCA.score(batch, "press-07", "req-1");

    assertThat(p.requestId()).isEqualTo("req-1");
    assertThat(p.assetId()).isEqualTo("press-07");
    assertThat(p.model().detector()).isEqualTo("pca");
    assertThat(p.windows()).hasSize(37);
    assertThat(p.windows().get(0).startTsMs()).isZero();
    assertThat(p.windows().get(0).endTsMs()).isEqualTo(950);
    assertThat(p.windows().get(1).startTsMs()).isEqualTo(250);
    assertThat(p.anomalyScore()).isBetween(0.0, 1.0);
    assertThat(p.threshold()).isBetween(0.0, 1.0);
    assertThat(p.windowThreshold()).isEqualTo(PCA.windowThreshold());
    // docs/api.md: is_anomaly is anomaly_score >= threshold, and true exactly when an episode is
    // named
    assertThat(p.isAnomaly()).isEqualTo(p.anomalyScore() >= p.threshold());
    assertThat(p.isAnomaly()).isEqualTo(!p.episodes().isEmpty());
    assertThat(p.windows()).allSatisfy(w -> assertThat(w.score()).isBetween(0.0, 1.0));
    // every alarmed window lies in an episode, and every episode is made of alarmed windows
    for (Prediction.Window w : p.windows()) {
      boolean inEpisode = p.episodes().stream()
          .anyMatch(e -> w.endTsMs() >= e.startTsMs() && w.endTsMs() <= e.endTsMs());
      assertThat(inEpisode || !w.isAnomaly()).as("window ending %d", w.endTsMs()).isTrue();
    }
    assertThat(p.episodes()).allSatisfy(e -> assertThat(e.windows()).isEqualTo((int) p.windows()
        .stream().filter(w -> w.isAnomaly() && w.endTsMs() >= e.startTsMs()
            && w.endTsMs() <= e.endTsMs()).count()));
    assertThat(p.sampleCount()).isEqualTo(1000);
    assertThat(p.firstTsMs()).isZero();
    assertThat(p.lastTsMs()).isEqualTo(9990);
  }

  @Test
  void flags_the_noise_burst_and_blames_pressure() {
    Prediction p = PCA.score(tenSecondsWithPressureNoise(), null, null);
    assertThat(p.isAnomaly()).isTrue();
    assertThat(p.episodes()).isNotEmpty();
    assertThat(p.episodes().getFirst().channels().getFirst()).isEqualTo("pressure");
    assertThat(p.episodes().getFirst().startTsMs()).isBetween(5_000L, 8_000L);
    Prediction.Window top = p.windows().stream()
        .max(java.util.Comparator.comparingDouble(Prediction.Window::score)).orElseThrow();
    assertThat(top.endTsMs()).isGreaterThan(6_000);
    assertThat(top.startTsMs()).isLessThan(8_000);
    assertThat(p.diagnostics().get(0).channel()).isEqualTo("pressure");
    assertThat(Diagnostics.byChannel(p.diagnostics()).keySet().iterator().next())
        .isEqualTo("pressure");
    assertThat(p.requestId()).hasSize(36);
  }

  @Test
  void feature_vector_sample_is_the_top_window_and_shares_sum_to_one() {
    SensorBatch batch = tenSecondsWithPressureNoise();
    Prediction p = PCA.score(batch, null, "r");
    var features = new Pipeline(PCA.config(), PCA.channels()).process(batch);
    int top = p.windows().indexOf(p.windows().stream()
        .max(java.util.Comparator.comparingDouble(Prediction.Window::score)).orElseThrow());

    assertThat(p.featureVectorSample()).hasSize(24);
    assertThat(List.copyOf(p.featureVectorSample().keySet())).isEqualTo(features.featureNames());
    for (int j = 0; j < 24; j++) {
      assertThat(p.featureVectorSample().get(features.featureNames().get(j)))
          .isEqualTo(features.rows()[top][j]);
    }
    // diagnostics explain the detector's own inputs: 22 features, the warm-up's level left out
    assertThat(p.diagnostics()).hasSize(PCA.trainedModel().featureNames().size()).hasSize(22);
    assertThat(p.diagnostics().stream().mapToDouble(Prediction.Contribution::share).sum())
        .isCloseTo(1.0, within(1e-12));
    for (int i = 1; i < p.diagnostics().size(); i++) {
      assertThat(p.diagnostics().get(i).share()).isLessThanOrEqualTo(p.diagnostics().get(i - 1).share());
    }
  }

  @Test
  void normal_data_of_another_seed_scores_below_the_noise_burst_and_rarely_alarms() {
    SensorBatch batch = new SensorSimulator(SimulationSpec.of(10_000).withSeed(22)).generate();
    Prediction normal = PCA.score(batch, null, "r");
    Prediction noisy = PCA.score(tenSecondsWithPressureNoise(), null, "r");
    assertThat(noisy.anomalyScore()).isGreaterThan(normal.anomalyScore());
    // a 2-minute model meets a new seed: a window or two may cross the 0.995 quantile
    assertThat(normal.windows().stream().filter(Prediction.Window::isAnomaly).count())
        .isLessThanOrEqualTo(3);
  }

  @Test
  void a_request_config_that_differs_from_the_model_is_rejected_on_field_config() {
    assertThatThrownBy(() -> PCA.checkRequestConfig(Map.of("window_ms", 1000, "stride_ms", 500)))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> {
          assertThat(((ValidationException) e).field()).isEqualTo("config");
          assertThat(((ValidationException) e).code()).isEqualTo(ValidationException.Code.INVALID_CONFIG);
        })
        .hasMessageContaining("trained with");
    assertThatThrownBy(() -> PCA.checkRequestConfig(Map.of("window", 2000)))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("config.window");
  }

  @Test
  void the_models_own_config_in_part_in_whole_or_none_is_accepted() {
    PCA.checkRequestConfig(null);
    PCA.checkRequestConfig(Map.of());
    PCA.checkRequestConfig(Map.of("window_ms", 1000, "lowpass_hz", 8.0));
    PCA.checkRequestConfig(PCA.config().toMap().entrySet().stream()
        .filter(e -> e.getValue() != null)
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  @Test
  void too_little_data_is_a_validation_error_not_a_crash() {
    SensorBatch tiny = new SensorSimulator(SimulationSpec.of(200).withSeed(1)).generate();
    assertThatThrownBy(() -> PCA.score(tiny, null, "r"))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).code())
        .isEqualTo(ValidationException.Code.TOO_LITTLE_DATA);
  }
}
