package io.psa.dsp.input;

import static io.psa.dsp.input.Bodies.bodyWith;
import static io.psa.dsp.input.Bodies.withValue;
import static io.psa.dsp.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.psa.dsp.ValidationException.Code;
import io.psa.dsp.testing.Batches;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One test per record rule of docs/pipeline.md "What goes in" that a reader checks, in a /predict body. */
class RecordErrorsTest {
  private final PredictRequestReader reader = new PredictRequestReader(Batches.CHANNELS);

  private void rejects(String body, Code code, String field, int index) {
    assertRejected(() -> reader.read(body.getBytes(StandardCharsets.UTF_8)), code, field, index);
  }

  @Test
  void rejects_null_pressure_naming_record_57() {
    rejects(withValue(100, 57, "pressure", "null"), Code.INVALID_VALUE, "sensor_batch[57].pressure", 57);
  }

  @Test
  void gives_the_line_and_column_of_the_bad_value() {
    var e = assertRejected(() -> reader.read(withValue(100, 57, "pressure", "null").getBytes(StandardCharsets.UTF_8)),
        Code.INVALID_VALUE, "sensor_batch[57].pressure", 57);
    assertThat(e.getMessage()).contains("got null").contains("(line 59, column");
  }

  @Test
  void rejects_a_missing_force_naming_record_3() {
    rejects(bodyWith(5, 3, "{\"ts_ms\": 30, \"pressure\": 1, \"acceleration\": 1, \"temperature\": 1}"),
        Code.MISSING_FIELD, "sensor_batch[3].force", 3);
  }

  @Test
  void rejects_a_missing_ts_ms_naming_record_1() {
    rejects(bodyWith(5, 1, "{\"pressure\": 1, \"force\": 1, \"acceleration\": 1, \"temperature\": 1}"),
        Code.MISSING_FIELD, "sensor_batch[1].ts_ms", 1);
  }

  @Test
  void rejects_a_record_that_is_not_an_object_naming_record_2() {
    rejects(bodyWith(5, 2, "[10, 1, 1, 1, 1]"), Code.INVALID_VALUE, "sensor_batch[2]", 2);
    rejects(bodyWith(5, 2, "null"), Code.INVALID_VALUE, "sensor_batch[2]", 2);
  }

  @Test
  void rejects_a_string_force_naming_record_4() {
    rejects(withValue(10, 4, "force", "\"12.2\""), Code.INVALID_VALUE, "sensor_batch[4].force", 4);
  }

  @Test
  void rejects_a_boolean_acceleration_naming_record_0() {
    rejects(withValue(10, 0, "acceleration", "true"), Code.INVALID_VALUE, "sensor_batch[0].acceleration", 0);
  }

  @Test
  void rejects_an_object_or_array_temperature_naming_record_9() {
    rejects(withValue(10, 9, "temperature", "{\"c\": 45}"), Code.INVALID_VALUE, "sensor_batch[9].temperature", 9);
    rejects(withValue(10, 9, "temperature", "[45]"), Code.INVALID_VALUE, "sensor_batch[9].temperature", 9);
  }

  @Test
  void rejects_nan_and_infinity_naming_the_field() {
    rejects(withValue(10, 6, "pressure", "NaN"), Code.INVALID_VALUE, "sensor_batch[6].pressure", 6);
    rejects(withValue(10, 6, "force", "Infinity"), Code.INVALID_VALUE, "sensor_batch[6].force", 6);
    rejects(withValue(10, 6, "force", "-Infinity"), Code.INVALID_VALUE, "sensor_batch[6].force", 6);
  }

  @Test
  void rejects_numbers_outside_the_double_range() {
    rejects(withValue(10, 8, "pressure", "1e400"), Code.INVALID_VALUE, "sensor_batch[8].pressure", 8);
    rejects(withValue(10, 8, "pressure", "-" + "9".repeat(400)), Code.INVALID_VALUE, "sensor_batch[8].pressure", 8);
  }

  @Test
  void reads_numbers_that_underflow_as_zero_and_integers_as_doubles() {
    var batch = reader.read(withValue(3, 1, "pressure", "1e-400").getBytes(StandardCharsets.UTF_8)).batch();
    assertThat(batch.channel(0)[1]).isZero();
    var ints = reader.read(withValue(3, 2, "force", "12345678901234567890").getBytes(StandardCharsets.UTF_8)).batch();
    assertThat(ints.channel(1)[2]).isEqualTo(1.2345678901234567e19);
  }

  @Test
  void rejects_a_fractional_ts_ms_naming_record_5() {
    rejects(withValue(10, 5, "ts_ms", "10.5"), Code.INVALID_VALUE, "sensor_batch[5].ts_ms", 5);
  }

  @Test
  void accepts_whole_numbers_written_as_floats_for_ts_ms() {
    var batch = reader.read(withValue(3, 0, "ts_ms", "-1.0e3").getBytes(StandardCharsets.UTF_8)).batch();
    assertThat(batch.tsMs()[0]).isEqualTo(-1000L);
  }

  @Test
  void rejects_a_ts_ms_that_is_a_string_null_nan_or_beyond_64_bits() {
    rejects(withValue(4, 2, "ts_ms", "\"20\""), Code.INVALID_VALUE, "sensor_batch[2].ts_ms", 2);
    rejects(withValue(4, 2, "ts_ms", "null"), Code.INVALID_VALUE, "sensor_batch[2].ts_ms", 2);
    rejects(withValue(4, 2, "ts_ms", "NaN"), Code.INVALID_VALUE, "sensor_batch[2].ts_ms", 2);
    rejects(withValue(4, 2, "ts_ms", "9223372036854775808"), Code.INVALID_VALUE, "sensor_batch[2].ts_ms", 2);
    rejects(withValue(4, 2, "ts_ms", "1e19"), Code.INVALID_VALUE, "sensor_batch[2].ts_ms", 2);
    rejects(withValue(4, 2, "ts_ms", "1e-999999999"), Code.INVALID_VALUE, "sensor_batch[2].ts_ms", 2);
  }

  @Test
  void rejects_a_channel_given_twice_in_one_record() {
    rejects(bodyWith(3, 1, "{\"ts_ms\": 5, \"pressure\": 1, \"force\": 1, \"pressure\": 2, "
        + "\"acceleration\": 1, \"temperature\": 1}"), Code.MALFORMED, "sensor_batch[1].pressure", 1);
    rejects(bodyWith(3, 1, "{\"ts_ms\": 5, \"ts_ms\": 6, \"pressure\": 1, \"force\": 1, "
        + "\"acceleration\": 1, \"temperature\": 1}"), Code.MALFORMED, "sensor_batch[1].ts_ms", 1);
  }

  @Test
  void rejects_nesting_beyond_the_parser_limit_cleanly() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    rejects(bodyWith(3, 1, "{\"ts_ms\": 5, \"junk\": " + deep + "}"), Code.MALFORMED, "sensor_batch[1]", 1);
  }

  @Test
  void rejects_a_number_longer_than_the_parser_limit_cleanly() {
    rejects(withValue(3, 2, "force", "1" + "0".repeat(2000)), Code.MALFORMED, "sensor_batch[2]", 2);
  }

  @Test
  void stops_at_the_record_cap_before_reading_the_rest() {
    PredictRequestReader capped = new PredictRequestReader(Batches.CHANNELS, 10);
    String body = Bodies.body(Bodies.records(11));
    // garbage after record 10 would be MALFORMED if the reader went on parsing
    String cut = body.substring(0, body.lastIndexOf("{\"ts_ms\"")) + "{\"ts_ms\": !!!";
    rejects(cut, Code.MALFORMED, "sensor_batch[10]", 10);
    assertThat(capped.read(Bodies.body(Bodies.records(10)).getBytes(StandardCharsets.UTF_8)).batch().size())
        .isEqualTo(10);
    assertRejected(() -> capped.read(cut.getBytes(StandardCharsets.UTF_8)), Code.TOO_MANY_RECORDS, "sensor_batch", -1);
  }
}
