package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's mistakes end with status 2 and one line that says what is wrong, before any work
 * starts; never "internal error", never "I/O error" for something that is not I/O.
 */
class UserMistakesTest {
  @TempDir Path dir;

  private static void oneLine(Cli.Result r, String expected) {
    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly(expected);
  }

  @Test
  void a_port_in_use_names_the_port() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      oneLine(Cli.run("serve", "--port", String.valueOf(port), "--db", "none", "--model",
              trainedModel().toString()),
          "psa serve: --port: port " + port + " on 127.0.0.1 is in use (another psa serve?);"
              + " choose another, or 0 for any free one (see 'psa serve --help')");
    }
  }

  @Test
  void an_invalid_port_is_refused_naming_the_range() {
    oneLine(Cli.run("serve", "--port", "70000", "--db", "none"),
        "psa serve: --port: must be 0 to 65535, got 70000 (see 'psa serve --help')");
  }

  @Test
  void a_missing_model_folder_says_no_such_directory() {
    Path missing = dir.resolve("modle");

    oneLine(Cli.run("serve", "--model", missing.toString(), "--db", "none"),
        "psa serve: --model: no such directory: " + missing + " (see 'psa serve --help')");
    oneLine(Cli.run("score", "--model", missing.toString(), "--input", "-"),
        "psa score: --model: no such directory: " + missing + " (see 'psa score --help')");
  }

  @Test
  void a_folder_that_is_not_a_model_says_so_without_calling_it_io() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    Cli.Result r = Cli.run("score", "--model", empty.toString(), "--input", "-");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("psa score: " + empty + " is not a psa model artifact: no manifest.json");
  }

  @Test
  void a_missing_data_file_and_a_used_output_folder_are_refused_before_training() throws Exception {
    Path used = Files.createDirectories(dir.resolve("model"));
    Files.writeString(used.resolve("notes.txt"), "mine");

    oneLine(Cli.run("train", "--data", dir.resolve("nope.csv").toString(), "--out", dir.resolve("m").toString()),
        "psa train: --data: no such file or directory: " + dir.resolve("nope.csv")
            + " (see 'psa train --help')");
    Path data = dir.resolve("normal.csv");
    assertThat(Cli.run("simulate", "--duration", "1m", "--output", data.toString()).status()).isZero();
    oneLine(Cli.run("train", "--data", data.toString(), "--out", used.toString()),
        "psa train: --out: " + used + " is not empty; choose a new folder or remove this one"
            + " (see 'psa train --help')");
  }

  @Test
  void evaluate_refuses_a_used_output_folder_and_a_missing_skab_folder() throws Exception {
    Path skab = Files.createDirectories(dir.resolve("skab/valve1"));
    Path used = Files.createDirectories(dir.resolve("eval-out/isolation_forest"));

    oneLine(Cli.run("evaluate", "--skab", dir.resolve("skab").toString(), "--out", dir.resolve("eval-out").toString()),
        "psa evaluate: --out: " + dir.resolve("eval-out") + " is not empty; choose a new folder or"
            + " remove this one (see 'psa evaluate --help')");
    assertThat(used).isEmptyDirectory();
    oneLine(Cli.run("evaluate", "--skab", skab.resolve("nope").toString(), "--out", dir.resolve("new").toString()),
        "psa evaluate: --skab: no such directory: " + skab.resolve("nope") + " (see 'psa evaluate --help')");
  }

  @Test
  void a_config_file_that_is_not_json_is_invalid_input_not_an_io_error() throws Exception {
    Path config = Files.writeString(dir.resolve("config.json"), "{\"window_ms\": 1000,,}");

    Cli.Result r = Cli.run("features", "--input", "-", "--config", config.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().startsWith("psa features: ")
        .doesNotContain("I/O error", "internal error", "REDACTED");
  }

  @Test
  void results_from_a_database_that_does_not_answer_is_one_line_and_status_1() {
    Cli.Result r = Cli.run("results", "--db", "jdbc:postgresql://127.0.0.1:1/none?user=x");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("psa results: database error: Connection to 127.0.0.1:1 refused.");
  }

  @Test
  void results_with_db_none_or_a_bad_time_is_a_usage_error() {
    assertThat(Cli.run("results", "--db", "none").errLines()).singleElement().asString()
        .startsWith("psa results: --db is none: there is no database to read");
    Cli.Result r = Cli.run("results", "--since", "yesterday");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .contains("'yesterday' is not a time; write a duration back from now (30m, 2h)");
  }

  private Path trainedModel() throws Exception {
    Path data = dir.resolve("train.csv");
    assertThat(Cli.run("simulate", "--duration", "1m", "--output", data.toString()).status()).isZero();
    Path model = dir.resolve("pca-model");
    assertThat(Cli.run("train", "--data", data.toString(), "--detector", "pca", "--out", model.toString())
        .status()).isZero();
    return model;
  }
}
