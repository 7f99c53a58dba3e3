package io.psa.dsp;

import static io.psa.dsp.testing.Tolerance.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.psa.dsp.testing.Batches;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StreamingPipelineTest {

  private static final List<String> CHANNELS = Batches.CHANNELS;

  @Test
  void twelve_minutes_in_random_chunks_give_the_whole_signal_features_with_the_defaults() {
    SensorBatch signal = Batches.valid(42, 72_000);
    assertStreamsLikeWhole(PipelineConfig.defaults(), signal, 1, 5_000, 42);
  }

  @Test
  void a_jittered_signal_with_kalman_order_6_and_5_ms_input_streams_like_the_whole() {
    PipelineConfig config = PipelineConfig.fromMap(Map.of("input_period_ms", 5,
        "output_period_ms", 20, "window_ms", 400, "stride_ms", 100, "order", 6, "lowpass_hz", 20,
        "kalman", Map.of("q", 0.01, "r", 0.5)));
    SensorBatch signal = jittered(7, 130_000, 5);
    assertStreamsLikeWhole(config, signal, 1, 3_000, 7);
  }

  @Test
  void a_slow_order_10_filter_streams_like_the_whole_up_to_its_own_rounding_noise() {
    // A 0.5 Hz order-10 low-pass at 100 Hz (pole radius 0.995) amplifies rounding noise about a
    // thousandfold, so two evaluations that differ in the last bit of one state (as the streamed
    // backward pass does at each block edge, and as scipy on another BLAS would) agree to ~1e-13
    // of the signal level. Features of a 1 s window of such a smooth signal that measure its
    // spread (ptp, spectral energy, kurtosis) amplify that by level / spread, so they are held to
    // 1e-9 of the window's scale (rms, rms²) instead; zcr must be equal.
    PipelineConfig config = PipelineConfig.fromMap(Map.of("lowpass_hz", 0.5, "order", 10));
    SensorBatch signal = Batches.valid(3, 90_000);
    FeatureMatrix whole = new Pipeline(config, CHANNELS).process(signal);
    Collected streamed = stream(config, signal, 100, 20_000, 3);
    assertThat(streamed.rows()).hasSize(whole.windowCount());
    for (int i = 0; i < whole.windowCount(); i++) {
      double[] expected = whole.rows()[i];
      double[] actual = streamed.rows().get(i);
      for (int c = 0; c < CHANNELS.size(); c++) {
        int at = 6 * c;
        double rms = expected[at];
        String what = "window " + i + " " + CHANNELS.get(c);
        assertThat(actual[at]).as(what + " rms").isCloseTo(rms, within(1e-9 * rms));
        assertThat(actual[at + 1]).as(what + " kurtosis").isCloseTo(expected[at + 1], within(1e-6));
        assertThat(actual[at + 2]).as(what + " spectral_energy")
            .isCloseTo(expected[at + 2], within(1e-9 * rms * rms));
        assertThat(actual[at + 3]).as(what + " zcr").isEqualTo(expected[at + 3]);
        assertThat(actual[at + 4]).as(what + " mean").isCloseTo(expected[at + 4], within(1e-9 * rms));
        assertThat(actual[at + 5]).as(what + " ptp").isCloseTo(expected[at + 5], within(1e-9 * rms));
      }
    }
  }

  @Test
  void without_the_low_pass_streaming_is_exact() {
    PipelineConfig config = PipelineConfig.fromMap(
        Map.of("lowpass_hz", 0, "stride_ms", 1500, "window_ms", 1000));
    SensorBatch signal = jittered(5, 20_000, 10);
    Collected streamed = stream(config, signal, 1, 700, 5);
    FeatureMatrix whole = new Pipeline(config, CHANNELS).process(signal);
    assertThat(streamed.rows().toArray(new double[0][])).isDeepEqualTo(whole.rows());
    assertThat(streamed.starts()).containsExactly(whole.windowStartMs());
  }

  @Test
  void a_signal_shorter_than_one_block_is_filtered_to_the_same_bits() {
    SensorBatch signal = Batches.valid(9, 1_500);
    Collected streamed = stream(PipelineConfig.defaults(), signal, 1, 200, 9);
    FeatureMatrix whole = new Pipeline(PipelineConfig.defaults(), CHANNELS).process(signal);
    assertThat(streamed.rows().toArray(new double[0][])).isDeepEqualTo(whole.rows());
  }

  @Test
  void retained_buffers_do_not_grow_with_the_signal_length() {
    StreamingPipeline pipeline =
        new StreamingPipeline(PipelineConfig.defaults(), CHANNELS, (s, e, f) -> {});
    long atStart = pipeline.retainedDoubles();
    SensorBatch minute = Batches.valid(1, 6_000);
    pipeline.push(minute);
    long afterOneMinute = pipeline.retainedDoubles();
    for (int i = 1; i <= 30; i++) {
      pipeline.push(shift(minute, i * 60_000L));
    }
    pipeline.finish();
    assertThat(afterOneMinute).isEqualTo(atStart);
    assertThat(pipeline.retainedDoubles()).isEqualTo(atStart).isLessThan(100_000);
  }

  @Test
  void names_a_step_back_in_a_later_chunk_by_its_index_in_the_whole_signal() {
    StreamingPipeline pipeline =
        new StreamingPipeline(PipelineConfig.defaults(), CHANNELS, (s, e, f) -> {});
    SensorBatch first = Batches.valid(1, 1_000);
    pipeline.push(first);
    assertThatThrownBy(() -> pipeline.push(shift(first, 9_990 - 10)))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.code()).isEqualTo(ValidationException.Code.NOT_INCREASING);
          assertThat(e.field()).isEqualTo("sensor_batch[1000].ts_ms");
          assertThat(e.recordIndex()).isEqualTo(1000);
        });
  }

  @Test
  void rejects_a_signal_too_short_for_one_window_when_it_ends() {
    StreamingPipeline pipeline =
        new StreamingPipeline(PipelineConfig.defaults(), CHANNELS, (s, e, f) -> {});
    pipeline.push(Batches.valid(1, 50));
    assertThatThrownBy(pipeline::finish)
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.code()).isEqualTo(ValidationException.Code.TOO_LITTLE_DATA);
          assertThat(e.field()).isEqualTo("sensor_batch");
        });
  }

  private static void assertStreamsLikeWhole(
      PipelineConfig config, SensorBatch signal, int minChunk, int maxChunk, long seed) {
    FeatureMatrix whole = new Pipeline(config, CHANNELS).process(signal);
    Collected streamed = stream(config, signal, minChunk, maxChunk, seed);
    assertThat(streamed.rows()).hasSize(whole.windowCount());
    assertThat(streamed.starts()).containsExactly(whole.windowStartMs());
    assertThat(streamed.ends()).containsExactly(whole.windowEndMs());
    assertClose(whole.rows(), streamed.rows().toArray(new double[0][]), "streamed features");
  }

  record Collected(List<double[]> rows, long[] starts, long[] ends) {}

  /** Streams a signal in chunks of random sizes in {@code [minChunk, maxChunk]}. */
  static Collected stream(
      PipelineConfig config, SensorBatch signal, int minChunk, int maxChunk, long seed) {
    List<double[]> rows = new ArrayList<>();
    List<long[]> spans = new ArrayList<>();
    StreamingPipeline pipeline = new StreamingPipeline(config, CHANNELS, (start, end, features) -> {
      rows.add(features.clone());
      spans.add(new long[] {start, end});
    });
    SplittableRandom random = new SplittableRandom(seed);
    for (int from = 0; from < signal.size(); ) {
      int to = Math.min(signal.size(), from + random.nextInt(minChunk, maxChunk + 1));
      pipeline.push(slice(signal, from, to));
      from = to;
    }
    pipeline.finish();
    return new Collected(rows, spans.stream().mapToLong(s -> s[0]).toArray(),
        spans.stream().mapToLong(s -> s[1]).toArray());
  }

  static SensorBatch slice(SensorBatch b, int from, int to) {
    double[][] values = new double[b.channels().size()][];
    for (int c = 0; c < values.length; c++) {
      values[c] = Arrays.copyOfRange(b.values()[c], from, to);
    }
    return SensorBatch.of(b.channels(), Arrays.copyOfRange(b.tsMs(), from, to), values);
  }

  private static SensorBatch shift(SensorBatch b, long byMs) {
    long[] ts = b.tsMs().clone();
    for (int i = 0; i < ts.length; i++) {
      ts[i] += byMs;
    }
    return SensorBatch.of(b.channels(), ts, b.values());
  }

  /** A valid signal whose timestamps jitter by up to a third of the period. */
  private static SensorBatch jittered(long seed, int records, int periodMs) {
    SensorBatch b = Batches.valid(seed, records, CHANNELS, periodMs);
    SplittableRandom random = new SplittableRandom(seed);
    long[] ts = b.tsMs().clone();
    for (int i = 1; i < ts.length; i++) {
      ts[i] += random.nextInt(-periodMs / 3, periodMs / 3 + 1);
    }
    return SensorBatch.of(b.channels(), ts, b.values());
  }
}
