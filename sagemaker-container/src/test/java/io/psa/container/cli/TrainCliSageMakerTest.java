package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.model.artifact.ArtifactReader;
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
  void a_failing_sagemaker_run_exits_non_zero_with_the_failure_file(@TempDir Path optMl)
      throws Exception {
    Files.createDirectories(optMl.resolve("input/data/training")); // a channel with no signal file

    var r = Cli.run("train", "--opt-ml", optMl.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(optMl.resolve("output/failure")).content()
        .startsWith("invalid training input: data: no .csv, .jsonl or .ndjson file in ");
  }

  @Test
  void without_data_outside_sagemaker_it_names_the_channel_it_looked_for_and_asks_for_data(
      @TempDir Path optMl) {
    var r = Cli.run("train", "--opt-ml", optMl.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly("psa train: no --data given, and no SageMaker training"
        + " channel at " + optMl.resolve("input/data/training") + "; give --data FILE|DIR and"
        + " --out DIR (see 'psa train --help')");
    assertThat(optMl.resolve("output")).doesNotExist();
  }

  @Test
  void options_given_with_the_sagemaker_contract_override_its_hyperparameters_and_out_moves_the_model(
      @TempDir Path optMl) throws Exception {
    Path channel = Files.createDirectories(optMl.resolve("input/data/training"));
    assertThat(Cli.run("simulate", "--duration", "1m", "--output",
        channel.resolve("normal.csv").toString()).status()).isZero();
    Files.createDirectories(optMl.resolve("input/config"));
    Files.writeString(optMl.resolve("input/config/hyperparameters.json"),
        "{\"detector\": \"if\", \"seed\": \"3\"}");
    Path out = optMl.resolve("elsewhere");

    var r = Cli.run("train", "--opt-ml", optMl.toString(), "--detector", "pca", "--out", out.toString());

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(optMl.resolve("model")).doesNotExist();
    var loaded = ArtifactReader.read(out);
    assertThat(loaded.manifest().training().seed()).isEqualTo(3);
    assertThat(loaded.model().info().detector()).isNotEqualTo("isolation_forest").contains("pca");
  }
}
