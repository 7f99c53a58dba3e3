package io.psa.container.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.artifact.ArtifactReader;
import io.psa.model.training.TrainingListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SageMaker training contract against a temporary /opt/ml-shaped folder. */
class SageMakerTrainingTest {

  @TempDir Path optMl;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private void layOut(String hyperparametersJson) throws IOException {
    Path training = optMl.resolve("input/data/training/day-1");
    Files.createDirectories(training);
    writeCsv(training.resolve("signal.csv"),
        new SensorSimulator(SimulationSpec.of(60_000).withSeed(3)).generate());
    Files.createDirectories(optMl.resolve("input/config"));
    Files.writeString(optMl.resolve("input/config/hyperparameters.json"), hyperparametersJson);
    Files.createDirectories(optMl.resolve("model"));
  }

  private int run() {
    return SageMakerTraining.run(SageMakerPaths.under(optMl), new PrintWriter(out, true),
        new PrintWriter(err, true), TrainingListener.NONE, "test");
  }

  @Test
  void trains_from_the_channel_with_string_hyperparameters_into_the_model_dir() throws Exception {
    layOut("{\"detector\": \"pca\", \"seed\": \"7\", \"threshold_quantile\": \"0.99\","
        + " \"window_ms\": \"1000\", \"sagemaker_job_name\": \"x\"}");

    assertThat(run()).as(err.toString()).isZero();

    var loaded = ArtifactReader.read(optMl.resolve("model"));
    assertThat(loaded.model().info().detector()).isEqualTo("pca");
    assertThat(loaded.manifest().training().seed()).isEqualTo(7);
    assertThat(loaded.model().calibration().thresholdQuantile()).isEqualTo(0.99);
    assertThat(loaded.manifest().training().rows()).isEqualTo(6000);
    assertThat(Files.exists(optMl.resolve("output/failure"))).isFalse();
    // a minute at 10 ms, learnt as six 10 s batches of 37 windows (as /predict computes them)
    assertThat(out.toString()).contains("6000 rows, 222 windows");
  }

  @Test
  void invalid_hyperparameters_write_the_reason_to_the_failure_file_and_exit_2() throws Exception {
    layOut("{\"detector\": \"pca\", \"window_ms\": \"333\"}");

    assertThat(run()).isEqualTo(2);

    String failure = Files.readString(optMl.resolve("output/failure"));
    assertThat(failure).startsWith("invalid training input: config.window_ms: must be a whole"
        + " multiple of output_period_ms");
    assertThat(err.toString()).contains("config.window_ms");
    try (var files = Files.list(optMl.resolve("model"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void an_empty_training_channel_fails_with_a_reason() throws Exception {
    Files.createDirectories(optMl.resolve("input/data/training"));

    assertThat(run()).isEqualTo(2);

    assertThat(Files.readString(optMl.resolve("output/failure")))
        .contains("no .csv, .jsonl or .ndjson file in");
  }

  @Test
  void every_path_follows_the_sagemaker_environment_unless_a_root_is_given() {
    Map<String, String> env = Map.of("SM_CHANNEL_TRAINING", "/data/train",
        "SM_MODEL_DIR", "/models/m", "SM_INPUT_CONFIG_DIR", "/cfg", "SM_OUTPUT_DIR", "/out");
    SageMakerPaths p = SageMakerPaths.resolve(null, env);
    assertThat(p).isEqualTo(new SageMakerPaths(Path.of("/data/train"),
        Path.of("/cfg/hyperparameters.json"), Path.of("/models/m"), Path.of("/out/failure")));
    assertThat(SageMakerPaths.resolve(null, Map.of()).model()).isEqualTo(Path.of("/opt/ml/model"));
    assertThat(SageMakerPaths.resolve(null, Map.of("PSA_OPT_ML", "/tmp/ml")).failure())
        .isEqualTo(Path.of("/tmp/ml/output/failure"));
    assertThat(SageMakerPaths.resolve(Path.of("/x"), env).training())
        .isEqualTo(Path.of("/x/input/data/training"));
  }

  private static void writeCsv(Path file, io.psa.dsp.SensorBatch b) throws IOException {
    try (Writer w = Files.newBufferedWriter(file)) {
      w.write("ts_ms," + String.join(",", b.channels()) + "\n");
      for (int i = 0; i < b.size(); i++) {
        StringBuilder line = new StringBuilder().append(b.tsMs()[i]);
        for (int c = 0; c < b.channels().size(); c++) {
          line.append(',').append(b.values()[c][i]);
        }
        w.write(line.append('\n').toString());
      }
    }
  }
}
