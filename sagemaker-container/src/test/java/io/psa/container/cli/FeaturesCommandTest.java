package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.FeatureMatrix;
import io.psa.dsp.Pipeline;
import io.psa.dsp.PipelineConfig;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code psa features}: simulate to features end to end, its inputs, and its errors. */
class FeaturesCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static JsonNode features(Cli.Result r) throws Exception {
    assertThat(r.err()).isEmpty();
    assertThat(r.status()).isZero();
    return JSON.readTree(r.out());
  }

  @Test
  void a_simulated_ten_second_body_gives_37_windows_of_24_features() throws Exception {
    String body = Cli.run("simulate", "--duration", "10s", "--format", "predict").out();
    JsonNode out = features(Cli.runWithStdin(body, "features", "--input", "-"));

    assertThat(out.get("feature_names")).hasSize(24);
    assertThat(out.get("feature_names").get(0).asText()).isEqualTo("pressure.rms");
    assertThat(out.get("feature_names").get(23).asText()).isEqualTo("temperature.ptp");
    assertThat(out.get("features")).hasSize(37);
    assertThat(out.get("features").get(36)).hasSize(24);
    assertThat(out.get("window_spans_ms").get(1).toString()).isEqualTo("[250,1200]");
    assertThat(out.get("window_spans_ms").get(36).toString()).isEqualTo("[9000,9950]");
    assertThat(out.has("grid_ts_ms")).isFalse();
  }

  @Test
  void the_printed_features_are_the_pipelines_own_numbers_for_the_simulated_signal()
      throws Exception {
    Path csv = dir.resolve("signal.csv");
    Cli.run("simulate", "--duration", "10s", "--output", csv.toString());
    JsonNode rows = features(Cli.run("features", "--input", csv.toString())).get("features");
    FeatureMatrix expected =
        new Pipeline(PipelineConfig.defaults(), SimulationSpec.DEFAULT_CHANNELS)
            .process(new SensorSimulator(SimulationSpec.of(10_000)).generate());

    // the CSV and the JSON carry doubles in their shortest exact form: equal, not merely close
    for (int w = 0; w < 37; w++) {
      for (int f = 0; f < 24; f++) {
        assertThat(rows.get(w).get(f).asDouble()).isEqualTo(expected.rows()[w][f]);
      }
    }
  }

  @Test
  void trace_adds_the_grid_the_filtered_first_channel_and_the_kept_timestamps() throws Exception {
    Path body = dir.resolve("body.json");
    Cli.run("simulate", "--duration", "10s", "--format", "predict", "-o", body.toString());
    JsonNode out = features(Cli.run("features", "--input", body.toString(), "--trace"));

    assertThat(out.get("grid_ts_ms")).hasSize(1_000);
    assertThat(out.get("filtered_first_channel")).hasSize(1_000);
    assertThat(out.get("downsampled_ts_ms")).hasSize(200);
    assertThat(out.get("downsampled_ts_ms").get(1).asLong()).isEqualTo(50);
    // the zero-phase low-pass keeps the pressure level of about 6 bar
    assertThat(out.get("filtered_first_channel").get(500).asDouble()).isBetween(5.4, 6.6);
    assertThat(out.get("features")).hasSize(37);
  }

  @Test
  void the_body_config_applies_and_a_config_file_overrides_it() throws Exception {
    String records = Cli.run("simulate", "--duration", "10s", "--format", "predict").out();
    String body =
        records.replaceFirst("\\{", "{\"config\": {\"window_ms\": 2000, \"stride_ms\": 500},");
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{\"stride_ms\": 1000}");

    JsonNode fromBody = features(Cli.runWithStdin(body, "features", "-i", "-"));
    JsonNode overridden =
        features(Cli.runWithStdin(body, "features", "-i", "-", "--config", config.toString()));

    // 200 samples, windows of 40: (200 - 40) / 10 + 1 = 17 at a 500 ms stride, 9 at 1000 ms
    assertThat(fromBody.get("features")).hasSize(17);
    assertThat(overridden.get("features")).hasSize(9);
    assertThat(overridden.get("window_spans_ms").get(1).toString()).isEqualTo("[1000,2950]");
  }

  @Test
  void json_lines_on_standard_input_are_recognized_by_their_content() throws Exception {
    String lines = Cli.run("simulate", "--duration", "10s", "--format", "jsonl").out();

    assertThat(features(Cli.runWithStdin(lines, "features", "-i", "-")).get("features"))
        .hasSize(37);
  }

  @Test
  void a_missing_channel_exits_2_with_one_line_naming_the_record_and_field() {
    String body = Cli.run("simulate", "--duration", "10s", "--format", "predict").out();
    String[] lines = body.split("\n");
    lines[4] = lines[4].replaceFirst(",\"pressure\":[^,]*", ""); // record 3 of the sensor_batch
    Cli.Result r = Cli.runWithStdin(String.join("\n", lines), "features", "--input", "-");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines()[0]).startsWith("psa features: sensor_batch[3].pressure: ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void a_step_back_in_time_exits_2_naming_the_timestamp_of_the_record() throws Exception {
    Path csv = dir.resolve("signal.csv");
    Cli.run("simulate", "--duration", "10s", "--output", csv.toString());
    var rows = Files.readAllLines(csv);
    rows.set(58, rows.get(58).replaceFirst("^570,", "560,")); // record 57 repeats record 56's time
    Files.write(csv, rows);
    Cli.Result r = Cli.run("features", "--input", csv.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines()[0]).startsWith("psa features: sensor_batch[57].ts_ms: ");
  }

  @Test
  void a_bad_config_value_exits_2_naming_the_key() throws Exception {
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{\"lowpass_hz\": 80}");
    String body = Cli.run("simulate", "--duration", "10s", "--format", "predict").out();
    Cli.Result r = Cli.runWithStdin(body, "features", "-i", "-", "-c", config.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines()[0])
        .startsWith("psa features: config.lowpass_hz: must be below the input Nyquist");
  }

  @Test
  void a_missing_file_is_a_user_mistake_in_one_line_naming_it() {
    Path missing = dir.resolve("nope.csv");
    Cli.Result r = Cli.run("features", "--input", missing.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly("psa features: no such file or directory: " + missing);
  }

  @Test
  void output_goes_to_a_file_when_asked() throws Exception {
    Path body = dir.resolve("body.json");
    Path out = dir.resolve("features.json");
    Cli.run("simulate", "--duration", "10s", "--format", "predict", "-o", body.toString());
    Cli.Result r = Cli.run("features", "-i", body.toString(), "-o", out.toString());

    assertThat(r.status()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(JSON.readTree(out.toFile()).get("features")).hasSize(37);
  }
}
