package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code psa train} without {@code --data} is the SageMaker contract, rooted by {@code --opt-ml}. */
class TrainCliSageMakerTest {

  @Test
  void train_without_data_reads_and_writes_under_the_opt_ml_root(@TempDir Path optMl)
      throws Exception {
    Path channel = optMl.resolve("input/data/training");
    Files.createDirectories(channel);
    assertThat(Cli.run("simulate", "--duration", "1m", "--output",
        channel.resolve("normal.csv").toString()).status()).isZero();
    Files.createDirectories(optMl.resolve("input/config"));
    Files.writeString(optMl.resolve("input/config/hyperparameters.json"),
        "{\"detector\": \"if\", \"if_trees\": \"10\"}");

    var r = Cli.run("train", "--opt-ml", optMl.toString());

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(optMl.resolve("model/manifest.json")).exists();
    assertThat(optMl.resolve("model/forest.ser")).exists();
    assertThat(r.out()).contains("(isolation_forest)");
  }

  @Test
  void a_failing_sagemaker_run_exits_non_zero_with_the_failure_file(@TempDir Path optMl) {
    var r = Cli.run("train", "--opt-ml", optMl.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(optMl.resolve("output/failure")).content().startsWith("file not found: ");
  }
}
