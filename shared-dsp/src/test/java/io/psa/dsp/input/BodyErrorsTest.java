package io.psa.dsp.input;

import static io.psa.dsp.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.psa.dsp.ValidationException.Code;
import io.psa.dsp.testing.BatchText;
import io.psa.dsp.testing.Batches;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per body-level error of a /predict body: shape, syntax, the top-level fields. */
class BodyErrorsTest {
  private final PredictRequestReader reader = new PredictRequestReader(Batches.CHANNELS);

  private PredictRequest read(String body) {
    return reader.read(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String oneRecord() {
    return "\"sensor_batch\": [" + Bodies.records(1).get(0) + "]";
  }

  @Test
  void rejects_a_body_that_is_not_json_giving_line_and_column() {
    var e = assertRejected(() -> read("{\"sensor_batch\": [\n  {\"ts_ms\": 0, pressure}]}"),
        Code.MALFORMED, "sensor_batch[0]", 0);
    assertThat(e.getMessage()).contains("line 2, column");
  }

  @Test
  void rejects_a_truncated_body_naming_the_record_it_stopped_in() {
    List<String> records = Bodies.records(5);
    String body = Bodies.body(records);
    int cut = body.indexOf(records.get(3)) + 12; // inside record 3's first number
    var e = assertRejected(() -> read(body.substring(0, cut)), Code.MALFORMED, "sensor_batch[3]", 3);
    assertThat(e.getMessage()).contains("line 5");
  }

  @Test
  void rejects_an_empty_body_and_a_body_that_is_not_an_object() {
    assertRejected(() -> read(""), Code.MALFORMED, null, -1);
    assertRejected(() -> read("[{\"ts_ms\": 0}]"), Code.MALFORMED, null, -1);
    assertRejected(() -> read("42"), Code.MALFORMED, null, -1);
  }

  @Test
  void rejects_content_after_the_body_s_object() {
    String body = Bodies.body(Bodies.records(2)) + " {}";
    assertRejected(() -> read(body), Code.MALFORMED, null, -1);
  }

  @Test
  void rejects_bytes_that_are_not_utf_8() {
    byte[] body = BatchText.utf8("{\"asset_id\": \"x\", \"sensor_batch\": []}");
    body[15] = (byte) 0xC3; // a lead byte followed by a quote instead of a continuation byte
    assertRejected(() -> reader.read(body), Code.MALFORMED, null, -1);
  }

  @Test
  void rejects_a_missing_sensor_batch() {
    assertRejected(() -> read("{\"asset_id\": \"press-07\"}"), Code.MISSING_FIELD, "sensor_batch", -1);
  }

  @Test
  void rejects_a_sensor_batch_that_is_not_an_array() {
    assertRejected(() -> read("{\"sensor_batch\": {\"ts_ms\": 0}}"), Code.INVALID_VALUE, "sensor_batch", -1);
    assertRejected(() -> read("{\"sensor_batch\": null}"), Code.INVALID_VALUE, "sensor_batch", -1);
  }

  @Test
  void rejects_an_empty_sensor_batch() {
    assertRejected(() -> read("{\"sensor_batch\": []}"), Code.TOO_LITTLE_DATA, "sensor_batch", -1);
  }

  @Test
  void rejects_an_asset_id_that_is_not_a_string() {
    String records = oneRecord();
    assertRejected(() -> read("{\"asset_id\": 7, " + records + "}"), Code.INVALID_VALUE, "asset_id", -1);
    assertRejected(() -> read("{\"asset_id\": [\"a\"], " + records + "}"), Code.INVALID_VALUE, "asset_id", -1);
  }

  @Test
  void rejects_a_config_that_is_not_an_object() {
    String records = oneRecord();
    assertRejected(() -> read("{\"config\": \"fast\", " + records + "}"), Code.INVALID_CONFIG, "config", -1);
    assertRejected(() -> read("{\"config\": [1], " + records + "}"), Code.INVALID_CONFIG, "config", -1);
  }

  @Test
  void rejects_a_top_level_key_or_config_key_given_twice() {
    String batch = oneRecord();
    assertRejected(() -> read("{" + batch + ", " + batch + "}"), Code.MALFORMED, "sensor_batch", -1);
    assertRejected(() -> read("{\"config\": {\"order\": 2, \"order\": 4}, " + batch + "}"),
        Code.MALFORMED, "config.order", -1);
  }
}
