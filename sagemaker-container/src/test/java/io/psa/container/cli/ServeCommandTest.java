package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which model {@code psa serve} loads; the server itself is tested over HTTP in ServeJarIT. */
class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void an_explicit_model_wins_over_the_sagemaker_directory() throws Exception {
    Path sagemaker = Files.createDirectories(dir.resolve("opt/ml/model"));
    Files.writeString(sagemaker.resolve("manifest.json"), "{}");

    assertThat(ServeCommand.modelDir(dir.resolve("mine"), sagemaker)).isEqualTo(dir.resolve("mine"));
  }

  @Test
  void the_sagemaker_directory_is_used_only_when_it_holds_a_manifest() throws Exception {
    Path sagemaker = Files.createDirectories(dir.resolve("opt/ml/model"));

    assertThat(ServeCommand.modelDir(null, sagemaker)).isNull();
    Files.writeString(sagemaker.resolve("manifest.json"), "{}");
    assertThat(ServeCommand.modelDir(null, sagemaker)).isEqualTo(sagemaker);
    assertThat(ServeCommand.modelDir(null, dir.resolve("absent"))).isNull();
  }

  @Test
  void serve_help_names_the_model_port_and_database_settings() {
    var r = Cli.run("serve", "--help");

    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("--model", "--port", "--timeout", "--cache-entries", "PSA_DB_URL",
        "/opt/ml/model");
  }
}
