package io.psa.dsp.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.dsp.PipelineConfig;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.testing.BatchText;
import io.psa.dsp.testing.Batches;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Valid bodies, from bytes and from streams; the errors are in BodyErrorsTest and RecordErrorsTest. */
class PredictRequestReaderTest {
  private final PredictRequestReader reader = new PredictRequestReader(Batches.CHANNELS);

  static PredictRequest read(PredictRequestReader reader, String body) {
    return reader.read(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void reads_the_api_md_example() {
    String body = """
        { "asset_id": "press-07",
          "sensor_batch": [ {"ts_ms": 0, "pressure": 6.01, "force": 12.2, "acceleration": 0.03, "temperature": 45.0},
                            {"ts_ms": 10, "pressure": 6.02, "force": 12.3, "acceleration": -0.01, "temperature": 45.0} ] }
        """;
    PredictRequest request = read(reader, body);
    SensorBatch batch = request.batch();
    assertThat(request.assetId()).isEqualTo("press-07");
    assertThat(request.config()).isNull();
    assertThat(batch.size()).isEqualTo(2);
    assertThat(batch.channels()).isEqualTo(Batches.CHANNELS);
    assertThat(batch.tsMs()).startsWith(0L, 10L);
    assertThat(batch.channel(0)).startsWith(6.01, 6.02);
    assertThat(batch.channel(1)).startsWith(12.2, 12.3);
    assertThat(batch.channel(2)).startsWith(0.03, -0.01);
    assertThat(batch.channel(3)).startsWith(45.0, 45.0);
  }

  @Test
  void reads_fields_in_any_order_and_ignores_extra_fields_at_any_depth() {
    String body = """
        {"meta": {"a": [1, {"b": [[[null]]]}], "c": "x"},
         "sensor_batch": [{"temperature": 4, "note": {"deep": [1, 2, {"x": "y"}]}, "force": 2,
                           "ts_ms": 7, "acceleration": 3, "pressure": 1, "flag": true}],
         "trailer": [1, 2, 3]}
        """;
    SensorBatch batch = read(reader, body).batch();
    assertThat(batch.size()).isEqualTo(1);
    assertThat(batch.tsMs()[0]).isEqualTo(7);
    assertThat(new double[] {batch.channel(0)[0], batch.channel(1)[0], batch.channel(2)[0],
        batch.channel(3)[0]}).containsExactly(1, 2, 3, 4);
  }

  @Test
  void skips_unknown_fields_nested_up_to_the_parser_limit() {
    // the body object, the array, the record and the field's value: 96 levels in all
    String deep = "[{\"x\": ".repeat(46) + "1" + "}]".repeat(46);
    String body = "{\"sensor_batch\": [{\"ts_ms\": 3, \"junk\": " + deep + ", \"pressure\": 1, "
        + "\"force\": 2, \"acceleration\": 3, \"temperature\": 4}]}";
    SensorBatch batch = read(reader, body).batch();
    assertThat(batch.tsMs()[0]).isEqualTo(3);
    assertThat(batch.channel(3)[0]).isEqualTo(4.0);
  }

  @Test
  void reads_a_model_s_own_channels_and_leaves_the_default_ones_as_extra_fields() {
    PredictRequestReader custom = new PredictRequestReader(List.of("torque", "pressure"));
    String body = "{\"sensor_batch\": [{\"ts_ms\": 1, \"pressure\": 5.5, \"force\": 1, \"torque\": -2}]}";
    SensorBatch batch = read(custom, body).batch();
    assertThat(batch.channels()).containsExactly("torque", "pressure");
    assertThat(batch.channel(0)[0]).isEqualTo(-2.0);
    assertThat(batch.channel(1)[0]).isEqualTo(5.5);
  }

  @Test
  void reads_config_as_a_map_that_pipeline_config_accepts() {
    String body = "{\"config\": {\"lowpass_hz\": 5, \"kalman\": {\"q\": 0.01, \"r\": 1.5}, "
        + "\"window_ms\": \"2000\"}, \"sensor_batch\": [" + Bodies.records(1).get(0) + "]}";
    Map<String, Object> config = read(reader, body).config();
    assertThat(config).containsEntry("lowpass_hz", 5).containsEntry("window_ms", "2000")
        .containsEntry("kalman", Map.of("q", 0.01, "r", 1.5));
    PipelineConfig parsed = PipelineConfig.fromMap(config);
    assertThat(parsed.lowpassHz()).isEqualTo(5.0);
    assertThat(parsed.kalman()).isEqualTo(new PipelineConfig.Kalman(0.01, 1.5));
    assertThat(parsed.windowMs()).isEqualTo(2000);
  }

  @Test
  void accepts_a_null_asset_id_and_a_null_config() {
    String body = "{\"asset_id\": null, \"config\": null, \"sensor_batch\": [" + Bodies.records(1).get(0) + "]}";
    PredictRequest request = read(reader, body);
    assertThat(request.assetId()).isNull();
    assertThat(request.config()).isNull();
  }

  @Test
  void reads_a_body_from_a_stream_without_closing_it() throws IOException {
    SensorBatch batch = Batches.valid(7, 300);
    boolean[] closed = {false};
    InputStream in = new ByteArrayInputStream(BatchText.utf8(BatchText.predictBody(batch))) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    assertThat(Batches.sameContents(reader.read(in).batch(), batch)).isTrue();
    assertThat(closed[0]).isFalse();
  }

  @Test
  void lets_a_failing_stream_s_io_exception_through() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    };
    InputStream in = new SequenceInputStream(
        new ByteArrayInputStream(BatchText.utf8("{\"sensor_batch\": [")), failing);
    assertThatThrownBy(() -> reader.read(in)).isExactlyInstanceOf(IOException.class)
        .hasMessage("connection reset");
  }
}
