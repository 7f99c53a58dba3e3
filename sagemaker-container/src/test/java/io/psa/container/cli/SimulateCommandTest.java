package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.input.PredictRequest;
import io.psa.dsp.input.PredictRequestReader;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code psa simulate}: formats, determinism, labels and usage errors. */
class SimulateCommandTest {

  @TempDir Path dir;

  @Test
  void csv_has_a_header_and_one_line_per_record_of_the_simulator() {
    Cli.Result r = Cli.run("simulate", "--duration", "10s");
    String[] lines = r.out().split("\n");
    SensorBatch expected = new SensorSimulator(SimulationSpec.of(10_000)).generate();

    assertThat(r.status()).isZero();
    assertThat(lines).hasSize(1_001);
    assertThat(lines[0]).isEqualTo("ts_ms,pressure,force,acceleration,temperature");
    assertThat(lines[1000])
        .isEqualTo(
            "9990,"
                + expected.values()[0][999]
                + ","
                + expected.values()[1][999]
                + ","
                + expected.values()[2][999]
                + ","
                + expected.values()[3][999]);
  }

  @Test
  void the_same_options_give_the_same_output_and_another_seed_does_not() {
    String a = Cli.run("simulate", "--duration", "2s", "--anomaly", "spike:1s:500ms").out();
    String b = Cli.run("simulate", "--duration", "2s", "--anomaly", "spike:1s:500ms").out();
    String c =
        Cli.run("simulate", "--duration", "2s", "--anomaly", "spike:1s:500ms", "--seed", "7").out();

    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void a_predict_body_reads_back_to_the_simulated_batch() {
    Cli.Result r =
        Cli.run(
            "simulate",
            "--duration",
            "5s",
            "--format",
            "predict",
            "--asset-id",
            "press-07",
            "--channels",
            "pressure,force",
            "--period-ms",
            "20");
    PredictRequest body =
        new PredictRequestReader(List.of("pressure", "force"))
            .read(r.out().getBytes(StandardCharsets.UTF_8));
    SensorBatch expected =
        new SensorSimulator(
                SimulationSpec.of(5_000)
                    .withPeriodMs(20)
                    .withChannels(List.of("pressure", "force")))
            .generate();

    assertThat(body.assetId()).isEqualTo("press-07");
    assertThat(body.batch().size()).isEqualTo(250);
    // a reader's arrays may be longer than the batch: compare the meaningful part
    assertThat(Arrays.copyOf(body.batch().tsMs(), 250)).isEqualTo(expected.tsMs());
    assertThat(Arrays.copyOf(body.batch().channel(1), 250)).isEqualTo(expected.channel(1));
  }

  @Test
  void json_lines_hold_one_record_object_a_line() throws Exception {
    Cli.Result r =
        Cli.run("simulate", "--duration", "100ms", "--format", "JSONL", "--start-ts-ms", "1000");
    String[] lines = r.out().split("\n");
    JsonNode last = new ObjectMapper().readTree(lines[9]);

    assertThat(lines).hasSize(10);
    assertThat(last.get("ts_ms").asLong()).isEqualTo(1090);
    assertThat(last.get("pressure").asDouble()).isBetween(5.0, 7.0);
  }

  @Test
  void labels_give_the_injected_intervals_as_json_or_csv() throws Exception {
    Path json = dir.resolve("labels.json");
    Path csv = dir.resolve("labels.csv");
    String[] common = {
      "simulate",
      "--duration",
      "1m",
      "--start-ts-ms",
      "1000",
      "--output",
      dir.resolve("s.csv").toString(),
      "--anomaly",
      "spike:30s:1500ms:pressure",
      "--anomaly",
      "noise-burst:10s:2s"
    };

    assertThat(Cli.run(concat(common, "--labels", json.toString())).status()).isZero();
    assertThat(Cli.run(concat(common, "--labels", csv.toString())).status()).isZero();

    JsonNode labels = new ObjectMapper().readTree(json.toFile());
    assertThat(labels).hasSize(2);
    assertThat(labels.get(0).toString())
        .isEqualTo(
            "{\"kind\":\"spike\",\"channel\":\"pressure\",\"start_ts_ms\":31000,\"end_ts_ms\":32500}");
    assertThat(Files.readAllLines(csv))
        .containsExactly(
            "kind,channel,start_ts_ms,end_ts_ms",
            "spike,pressure,31000,32500",
            "noise_burst,all,11000,13000");
    assertThat(Files.readAllLines(dir.resolve("s.csv"))).hasSize(6_001);
  }

  @Test
  void an_anomaly_past_the_end_is_a_usage_error() {
    Cli.Result r = Cli.run("simulate", "--duration", "10s", "--anomaly", "drift:9s:2s:force");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.errLines()[0])
        .isEqualTo("psa simulate: anomaly drift [9000, 11000) ms ends after the signal (10000 ms)"
            + " (see 'psa simulate --help')");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void a_malformed_anomaly_or_duration_names_the_option() {
    Cli.Result kind = Cli.run("simulate", "--anomaly", "glitch:1s:1s");
    Cli.Result time = Cli.run("simulate", "--duration", "30");

    assertThat(kind.status()).isEqualTo(2);
    assertThat(kind.errLines()[0])
        .contains("--anomaly", "unknown anomaly kind 'glitch'", "spike, drift, noise_burst, stuck");
    assertThat(time.status()).isEqualTo(2);
    assertThat(time.errLines()[0]).contains("--duration", "'30' is not a duration");
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
