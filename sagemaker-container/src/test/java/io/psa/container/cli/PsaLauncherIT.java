package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code bin/psa} as a user would: as a separate process, from another directory, through a
 * symlink, in a shell pipeline. Needs the shaded jar, which {@code ./mvnw verify} builds before
 * running this; skipped, with the reason, when it is missing.
 */
class PsaLauncherIT {

  /** The repository root: the module's parent directory, where Maven runs the tests. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static final Path LAUNCHER = ROOT.resolve("bin/psa");
  private static final Path JAR = ROOT.resolve("sagemaker-container/target/psa.jar");

  @TempDir static Path dir;
  private static Path link;

  private record Run(int status, String out, String err) {}

  @BeforeAll
  static void linkTheLauncher() throws IOException {
    assertThat(LAUNCHER).isExecutable();
    link = Files.createSymbolicLink(dir.resolve("psa"), LAUNCHER);
  }

  @AfterAll
  static void unlinkTheLauncher() throws IOException {
    // removed here, as JUnit warns when its temporary directory holds a link leading outside
    Files.deleteIfExists(link);
  }

  private static void needTheJar() {
    assumeTrue(
        Files.isRegularFile(JAR),
        "skipped: " + JAR + " is not built; ./mvnw -B verify builds it before this test");
  }

  private static Run run(String... command) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished within 60 s").isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void version_works_from_another_directory_through_a_symlink() throws Exception {
    needTheJar();
    Run r = run(link.toString(), "--version");

    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("psa " + VersionProvider.version() + "\nJava 25");
  }

  @Test
  void simulate_piped_into_features_gives_37_windows_of_24_features() throws Exception {
    needTheJar();
    Run r =
        run(
            "bash",
            "-c",
            "set -o pipefail; '"
                + link
                + "' simulate --duration 10s --format predict | '"
                + link
                + "' features -i -");

    assertThat(r.err()).isEmpty();
    assertThat(r.status()).isZero();
    JsonNode features = new ObjectMapper().readTree(r.out()).get("features");
    assertThat(features).hasSize(37);
    assertThat(features.get(0)).hasSize(24);
  }

  @Test
  void a_simulation_piped_into_head_stops_quietly_when_head_has_read_enough() throws Exception {
    needTheJar();
    // a day at 10 ms is 8.6 million records: only stopping early finishes within the minute
    Run r = run("bash", "-c", "set -o pipefail; '" + link + "' simulate --duration 24h | head -n 3");

    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines().toList()).hasSize(3).first().asString().startsWith("ts_ms,");
    assertThat(r.status()).isEqualTo(SimulateCommand.READER_GONE);
  }

  @Test
  void invalid_input_exits_2_with_one_line_on_standard_error() throws Exception {
    needTheJar();
    Path body = dir.resolve("bad.json");
    Files.writeString(
        body, "{\"sensor_batch\": [{\"ts_ms\": 0, \"pressure\": null}]}", StandardCharsets.UTF_8);
    Run r = run(link.toString(), "features", "--input", body.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).startsWith("psa features: sensor_batch[0].pressure: ");
  }

  @Test
  void a_long_simulation_prints_no_progress_when_standard_error_is_not_a_terminal()
      throws Exception {
    needTheJar();
    Run r =
        run(
            link.toString(),
            "simulate",
            "--duration",
            "1h",
            "--channels",
            "pressure",
            "-o",
            "hour.csv");

    assertThat(r.status()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(Files.size(dir.resolve("hour.csv"))).isGreaterThan(360_000L * 20);
  }

  @Test
  void without_the_jar_the_launcher_says_how_to_build_it() throws Exception {
    Path fakeRoot = dir.resolve("checkout");
    Files.createDirectories(fakeRoot.resolve("bin"));
    Path copy = Files.copy(LAUNCHER, fakeRoot.resolve("bin/psa"));
    Run r = run(copy.toString(), "--version");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err().lines().toList()).hasSize(2);
    assertThat(r.err())
        .contains(
            fakeRoot + "/sagemaker-container/target/psa.jar is missing",
            "./mvnw -B -DskipTests package");
    assertThat(r.out()).isEmpty();
  }
}
