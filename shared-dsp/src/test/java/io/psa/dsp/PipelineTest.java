package io.psa.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.dsp.ValidationException.Code;
import io.psa.dsp.testing.Batches;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PipelineTest {

  private final Pipeline defaults = new Pipeline(PipelineConfig.defaults(), Batches.CHANNELS);

  @Test
  void gives_37_windows_of_24_features_for_10_s_at_the_defaults() {
    FeatureMatrix m = defaults.process(Batches.valid(1, 1_000));
    assertThat(m.windowCount()).isEqualTo(37);
    assertThat(m.featureNames()).hasSize(24).startsWith("pressure.rms", "pressure.kurtosis");
    assertThat(m.windowEndMs()[0] - m.windowStartMs()[0]).isEqualTo(950);
    assertThat(m.windowStartMs()[1] - m.windowStartMs()[0]).isEqualTo(250);
  }

  @Test
  void rejects_a_channel_of_padlen_samples_naming_the_batch_and_the_filter_need() {
    // order 4: padlen 15; a window of 2 samples at 10 ms would fit in 15 samples
    PipelineConfig config = PipelineConfig.fromMap(
        Map.of("output_period_ms", 10, "window_ms", 20, "stride_ms", 10));
    Pipeline pipeline = new Pipeline(config, Batches.CHANNELS);
    assertThat(pipeline.process(Batches.valid(1, 16)).windowCount()).isEqualTo(15);
    assertThatThrownBy(() -> pipeline.process(Batches.valid(1, 15)))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.TOO_LITTLE_DATA);
          assertThat(e.field()).isEqualTo("sensor_batch");
          assertThat(e.getMessage()).contains("more than 15 samples", "got 15");
        });
  }

  @Test
  void rejects_a_batch_shorter_than_one_window_after_resampling() {
    // 951 ms of records give 20 resampled samples (one window), 941 ms only 19
    assertThat(defaults.process(Batches.valid(1, 96)).windowCount()).isEqualTo(1);
    assertThatThrownBy(() -> defaults.process(Batches.valid(1, 95)))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.TOO_LITTLE_DATA);
          assertThat(e.field()).isEqualTo("sensor_batch");
          assertThat(e.getMessage()).contains("needs 20 samples", "got 19");
        });
  }

  @Test
  void rejects_an_empty_batch_as_too_little_data() {
    SensorBatch empty = SensorBatch.of(Batches.CHANNELS, new long[0], new double[4][0]);
    assertThatThrownBy(() -> defaults.process(empty))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.code()).isEqualTo(Code.TOO_LITTLE_DATA));
  }

  @Test
  void checks_the_input_rules_first_naming_the_record() {
    SensorBatch b = Batches.valid(1, 1_000);
    b.tsMs()[57] = b.tsMs()[56];
    assertThatThrownBy(() -> defaults.process(b))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.NOT_INCREASING);
          assertThat(e.field()).isEqualTo("sensor_batch[57].ts_ms");
        });
  }

  @Test
  void skips_the_low_pass_when_it_is_off_so_grid_samples_pass_unchanged() {
    PipelineConfig off = PipelineConfig.fromMap(Map.of("lowpass_hz", "off"));
    SensorBatch b = Batches.valid(2, 300);
    PipelineTrace trace = new Pipeline(off, Batches.CHANNELS).trace(b);
    assertThat(trace.filteredFirstChannel()).containsExactly(b.channel(0));
  }

  @Test
  void reads_the_model_channels_by_name_from_a_reordered_batch_with_extras() {
    SensorBatch b = Batches.valid(3, 500);
    double[][] v = b.values();
    SensorBatch reordered = SensorBatch.of(
        List.of("extra", "temperature", "acceleration", "force", "pressure"), b.tsMs(),
        new double[][] {new double[500], v[3], v[2], v[1], v[0]});
    assertThat(defaults.process(reordered).rows()).isDeepEqualTo(defaults.process(b).rows());
  }

  @Test
  void one_pipeline_shared_by_threads_gives_each_batch_its_own_exact_features() throws Exception {
    List<SensorBatch> batches = List.of(Batches.valid(1, 1_000), Batches.valid(2, 3_000),
        Batches.valid(3, 700), Batches.valid(4, 1_500));
    List<double[][]> expected = batches.stream().map(b -> defaults.process(b).rows()).toList();
    try (var pool = Executors.newFixedThreadPool(4)) {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        results.add(pool.submit(() -> {
          for (int round = 0; round < 50; round++) {
            int i = (round + offset) % batches.size();
            if (!Arrays.deepEquals(defaults.process(batches.get(i)).rows(), expected.get(i))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (var result : results) {
        assertThat(result.get()).isTrue();
      }
    }
  }

  @Test
  void rejects_a_batch_without_a_model_channel() {
    SensorBatch b = Batches.valid(3, 500, List.of("pressure", "force", "acceleration"), 10);
    assertThatThrownBy(() -> defaults.process(b))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.MISSING_FIELD);
          assertThat(e.getMessage()).contains("temperature");
        });
  }
}
