package io.psa.dsp;

import static io.psa.dsp.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.psa.dsp.ValidationException.Code;
import io.psa.dsp.testing.Batches;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputRulesTest {
  private static final PipelineConfig DEFAULTS = PipelineConfig.defaults();

  @Test
  void accepts_a_regular_ten_second_batch() {
    assertThatCode(() -> InputRules.check(Batches.valid(1, 1000), DEFAULTS)).doesNotThrowAnyException();
  }

  @Test
  void rejects_a_duplicate_timestamp_naming_record_3() {
    SensorBatch batch = withTimestamps(0, 10, 20, 20, 30);
    assertRejected(() -> InputRules.check(batch, DEFAULTS), Code.NOT_INCREASING, "sensor_batch[3].ts_ms", 3);
  }

  @Test
  void rejects_a_step_back_naming_record_2() {
    SensorBatch batch = withTimestamps(0, 10, 5, 20);
    assertRejected(() -> InputRules.check(batch, DEFAULTS), Code.NOT_INCREASING, "sensor_batch[2].ts_ms", 2);
  }

  @Test
  void rejects_a_gap_above_max_gap_ms_naming_record_2() {
    // max_gap_ms is 100 by default: 10 to 111 is a gap of 101
    SensorBatch batch = withTimestamps(0, 10, 111, 121);
    assertRejected(() -> InputRules.check(batch, DEFAULTS), Code.GAP_TOO_LARGE, "sensor_batch[2].ts_ms", 2);
  }

  @Test
  void accepts_a_gap_of_exactly_max_gap_ms() {
    assertThatCode(() -> InputRules.check(withTimestamps(0, 10, 110, 120), DEFAULTS))
        .doesNotThrowAnyException();
  }

  @Test
  void detects_a_gap_wider_than_the_long_range_allows_to_subtract() {
    SensorBatch batch = withTimestamps(Long.MIN_VALUE + 1, Long.MAX_VALUE);
    assertRejected(() -> InputRules.check(batch, DEFAULTS), Code.GAP_TOO_LARGE, "sensor_batch[1].ts_ms", 1);
  }

  @Test
  void rejects_more_records_than_max_records() {
    PipelineConfig config = PipelineConfig.fromMap(Map.of("max_records", 999));
    assertRejected(() -> InputRules.check(Batches.valid(2, 1000), config),
        Code.TOO_MANY_RECORDS, "sensor_batch", -1);
    assertThatCode(() -> InputRules.check(Batches.valid(2, 999), config)).doesNotThrowAnyException();
  }

  @Test
  void rejects_a_nan_temperature_naming_record_57() {
    SensorBatch batch = Batches.valid(3, 100);
    batch.values()[3][57] = Double.NaN;
    assertRejected(() -> InputRules.check(batch, DEFAULTS),
        Code.INVALID_VALUE, "sensor_batch[57].temperature", 57);
  }

  @Test
  void rejects_an_infinite_force_naming_record_0() {
    SensorBatch batch = Batches.valid(4, 10);
    batch.values()[1][0] = Double.NEGATIVE_INFINITY;
    assertRejected(() -> InputRules.check(batch, DEFAULTS), Code.INVALID_VALUE, "sensor_batch[0].force", 0);
  }

  @Test
  void reports_the_first_offending_record_whatever_the_rule() {
    SensorBatch batch = withTimestamps(0, 10, 20, 20);
    batch.values()[0][1] = Double.NaN;
    assertRejected(() -> InputRules.check(batch, DEFAULTS), Code.INVALID_VALUE, "sensor_batch[1].pressure", 1);
  }

  @Test
  void ignores_array_entries_beyond_size() {
    SensorBatch batch = new SensorBatch(List.of("pressure"), new long[] {0, 10, 5},
        new double[][] {{1, 2, Double.NaN}}, 2);
    assertThatCode(() -> InputRules.check(batch, DEFAULTS)).doesNotThrowAnyException();
  }

  @Test
  void names_a_step_back_at_a_chunk_boundary_by_its_signal_wide_index() {
    SensorBatch chunk = withTimestamps(990, 1000);
    assertRejected(() -> InputRules.checkChunk(chunk, DEFAULTS, 995, 5000),
        Code.NOT_INCREASING, "sensor_batch[5000].ts_ms", 5000);
  }

  @Test
  void checks_the_gap_to_the_previous_chunk() {
    SensorBatch chunk = withTimestamps(1200, 1210);
    assertRejected(() -> InputRules.checkChunk(chunk, DEFAULTS, 1000, 300),
        Code.GAP_TOO_LARGE, "sensor_batch[300].ts_ms", 300);
    assertThatCode(() -> InputRules.checkChunk(chunk, DEFAULTS, 1100, 300)).doesNotThrowAnyException();
  }

  @Test
  void first_chunk_has_no_previous_timestamp_and_chunks_have_no_record_limit() {
    PipelineConfig config = PipelineConfig.fromMap(Map.of("max_records", 10));
    SensorBatch chunk = Batches.valid(5, 50);
    assertThatCode(() -> InputRules.checkChunk(chunk, config, InputRules.NO_PREVIOUS, 0))
        .doesNotThrowAnyException();
  }

  @Test
  void a_real_previous_record_at_long_min_value_still_counts() {
    SensorBatch chunk = withTimestamps(Long.MIN_VALUE, 0);
    assertRejected(() -> InputRules.checkChunk(chunk, DEFAULTS, Long.MIN_VALUE, 1),
        Code.NOT_INCREASING, "sensor_batch[1].ts_ms", 1);
  }

  static SensorBatch withTimestamps(long... ts) {
    double[][] values = new double[Batches.CHANNELS.size()][ts.length];
    return SensorBatch.of(Batches.CHANNELS, ts, values);
  }
}
