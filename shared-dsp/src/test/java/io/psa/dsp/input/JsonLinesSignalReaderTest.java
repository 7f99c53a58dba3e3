package io.psa.dsp.input;

import static io.psa.dsp.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.ValidationException.Code;
import io.psa.dsp.testing.BatchText;
import io.psa.dsp.testing.Batches;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesSignalReaderTest {

  static JsonLinesSignalReader jsonl(String text) throws IOException {
    return new JsonLinesSignalReader(new ByteArrayInputStream(BatchText.utf8(text)), Batches.CHANNELS);
  }

  @Test
  void reads_records_in_chunks_skipping_blank_lines_and_extra_fields() throws IOException {
    SensorBatch whole = Batches.valid(8, 7);
    String text = BatchText.jsonLines(whole).replace("}\n", ", \"line\": {\"x\": [1]}}\n\n");
    try (JsonLinesSignalReader reader = jsonl(text)) {
      SensorBatch first = reader.next(5);
      SensorBatch second = reader.next(5);
      assertThat(first.size()).isEqualTo(5);
      assertThat(second.size()).isEqualTo(2);
      assertThat(second.tsMs()[1]).isEqualTo(whole.tsMs()[6]);
      assertThat(second.channel(2)[1]).isEqualTo(whole.channel(2)[6]);
      assertThat(reader.next(5)).isNull();
      assertThat(reader.recordsRead()).isEqualTo(7);
    }
  }

  @Test
  void names_a_null_pressure_in_a_later_chunk_by_signal_wide_index_and_line() throws IOException {
    List<String> records = Bodies.records(12);
    records.set(9, records.get(9).replaceFirst("\"pressure\":[^,]+", "\"pressure\":null"));
    try (JsonLinesSignalReader reader = jsonl(String.join("\n", records))) {
      reader.next(8);
      var e = assertRejected(() -> reader.next(8), Code.INVALID_VALUE, "sensor_batch[9].pressure", 9);
      assertThat(e.getMessage()).contains("(line 10, column");
    }
  }

  @Test
  void rejects_a_line_that_is_not_json_naming_the_record() {
    String text = "{\"ts_ms\": 0, \"pressure\": 1, \"force\": 1, \"acceleration\": 1, \"temperature\": 1}\n"
        + "ts_ms=10 pressure=1\n";
    var e = assertRejected(() -> jsonl(text).readAll(), Code.MALFORMED, "sensor_batch[1]", 1);
    assertThat(e.getMessage()).contains("line 2");
  }

  @Test
  void rejects_a_line_that_is_not_an_object() {
    assertRejected(() -> jsonl("[0, 1, 2, 3, 4]\n").readAll(), Code.INVALID_VALUE, "sensor_batch[0]", 0);
  }

  @Test
  void rejects_two_records_on_one_line() {
    String record = Bodies.records(1).get(0);
    assertRejected(() -> jsonl(record + "\n" + record + " " + record + "\n").readAll(),
        Code.MALFORMED, "sensor_batch[2]", 2);
  }

  @Test
  void rejects_a_missing_channel_naming_record_0() {
    assertRejected(() -> jsonl("{\"ts_ms\": 0, \"pressure\": 1, \"force\": 1, \"temperature\": 1}\n").readAll(),
        Code.MISSING_FIELD, "sensor_batch[0].acceleration", 0);
  }

  @Test
  void an_empty_file_has_no_chunks() throws IOException {
    assertThat(jsonl("\n\n").next(10)).isNull();
  }
}
