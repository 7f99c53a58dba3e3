package io.psa.dsp.input;

import static io.psa.dsp.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.ValidationException.Code;
import io.psa.dsp.testing.BatchText;
import io.psa.dsp.testing.Batches;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSignalReaderTest {
  private static final List<String> CHANNELS = Batches.CHANNELS;

  static CsvSignalReader csv(String text) throws IOException {
    return new CsvSignalReader(new StringReader(text), CHANNELS);
  }

  @Test
  void reads_columns_in_any_order_ignoring_extra_and_quoted_columns() throws IOException {
    String text = """
        \uFEFFnote,temperature,"ts_ms",force,acceleration,pressure,extra
        "a, ""quoted"" note",45.5,0,12.2,0.03,6.01,x\r
        ,45.25,10,12.3,-0.01,"6.02",
        """;
    SensorBatch batch = csv(text).readAll();
    assertThat(batch.size()).isEqualTo(2);
    assertThat(batch.tsMs()).startsWith(0L, 10L);
    assertThat(batch.channel(0)).startsWith(6.01, 6.02);
    assertThat(batch.channel(1)).startsWith(12.2, 12.3);
    assertThat(batch.channel(2)).startsWith(0.03, -0.01);
    assertThat(batch.channel(3)).startsWith(45.5, 45.25);
  }

  @Test
  void reads_in_chunks_with_record_indices_continuing_and_null_at_the_end() throws IOException {
    SensorBatch whole = Batches.valid(3, 10);
    try (CsvSignalReader reader = csv(BatchText.csv(whole))) {
      SensorBatch first = reader.next(4);
      SensorBatch second = reader.next(4);
      SensorBatch third = reader.next(4);
      assertThat(new int[] {first.size(), second.size(), third.size()}).containsExactly(4, 4, 2);
      assertThat(second.tsMs()[0]).isEqualTo(whole.tsMs()[4]);
      assertThat(third.channel(3)[1]).isEqualTo(whole.channel(3)[9]);
      assertThat(reader.recordsRead()).isEqualTo(10);
      assertThat(reader.next(4)).isNull();
    }
  }

  @Test
  void names_record_index_field_and_line_of_a_bad_cell_in_a_later_chunk() throws IOException {
    // record 7 is on line 9; a unit after the number makes it text
    String[] lines = BatchText.csv(Batches.valid(4, 10)).split("\n");
    String[] cells = lines[8].split(",");
    cells[2] = "12.5kN";
    lines[8] = String.join(",", cells);
    try (CsvSignalReader reader = csv(String.join("\n", lines) + "\n")) {
      assertThat(reader.next(5).size()).isEqualTo(5);
      var e = assertRejected(() -> reader.next(5), Code.INVALID_VALUE, "sensor_batch[7].force", 7);
      assertThat(e.getMessage()).contains("'12.5kN'").contains("(line 9)");
    }
  }

  @Test
  void rejects_an_empty_cell_naming_record_1_and_line_3() {
    String text = "ts_ms,pressure,force,acceleration,temperature\n0,1,2,3,4\n10,1,,3,4\n";
    var e = assertRejected(() -> csv(text).readAll(), Code.INVALID_VALUE, "sensor_batch[1].force", 1);
    assertThat(e.getMessage()).contains("line 3");
  }

  @Test
  void rejects_nan_infinity_and_non_decimal_number_syntax() {
    String header = "ts_ms,pressure,force,acceleration,temperature\n";
    for (String bad : List.of("NaN", "-Infinity", "inf", "0x1p3", "1d", "1e", "--1", ".", "1e400")) {
      assertRejected(() -> csv(header + "0,1,2," + bad + ",4\n").readAll(),
          Code.INVALID_VALUE, "sensor_batch[0].acceleration", 0);
    }
  }

  @Test
  void rejects_a_fractional_timestamp_and_accepts_an_integral_float_one() throws IOException {
    String header = "ts_ms,pressure,force,acceleration,temperature\n";
    assertRejected(() -> csv(header + "0,1,2,3,4\n10.5,1,2,3,4\n").readAll(),
        Code.INVALID_VALUE, "sensor_batch[1].ts_ms", 1);
    assertThat(csv(header + "1.0e3,1,2,3,4\n").readAll().tsMs()[0]).isEqualTo(1000L);
  }

  @Test
  void rejects_a_line_with_too_few_columns_naming_the_first_missing_channel() {
    String text = "ts_ms,pressure,force,acceleration,temperature\n0,1,2,3,4\n\n10,1,2\n";
    var e = assertRejected(() -> csv(text).readAll(), Code.MISSING_FIELD, "sensor_batch[1].acceleration", 1);
    assertThat(e.getMessage()).contains("line 4");
  }

  @Test
  void rejects_a_header_without_a_channel_or_with_one_twice() {
    assertRejected(() -> csv("ts_ms,pressure,force,temperature\n"), Code.MISSING_FIELD, "header.acceleration", -1);
    assertRejected(() -> csv("pressure,force,acceleration,temperature\n"), Code.MISSING_FIELD, "header.ts_ms", -1);
    assertRejected(() -> csv("ts_ms,pressure,force,acceleration,temperature,force\n"),
        Code.MALFORMED, "header.force", -1);
    assertRejected(() -> csv(""), Code.MALFORMED, "header", -1);
  }

  @Test
  void rejects_an_unterminated_quote_naming_the_record() {
    String text = "ts_ms,pressure,force,acceleration,temperature\n0,\"1,2,3,4\n";
    assertRejected(() -> csv(text).readAll(), Code.MALFORMED, "sensor_batch[0]", 0);
  }

  @Test
  void read_all_rejects_a_file_over_the_record_limit_and_one_without_records() {
    String text = BatchText.csv(Batches.valid(5, 20));
    assertRejected(() -> csv(text).readAll(19), Code.TOO_MANY_RECORDS, "sensor_batch", -1);
    assertRejected(() -> csv("ts_ms,pressure,force,acceleration,temperature\n").readAll(),
        Code.TOO_LITTLE_DATA, "sensor_batch", -1);
  }
}
