package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The root command: version, help, and help of every subcommand. */
class PsaCommandTest {

  @Test
  void version_names_the_build_and_the_java_runtime() {
    Cli.Result r = Cli.run("--version");

    assertThat(r.status()).isZero();
    assertThat(r.out())
        .startsWith("psa " + VersionProvider.version() + "\nJava " + Runtime.version());
    assertThat(VersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void help_lists_the_commands() {
    Cli.Result r = Cli.run("--help");

    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("Usage: psa", "simulate", "features");
  }

  @ParameterizedTest
  @ValueSource(strings = {"simulate", "features"})
  void every_command_has_help(String command) {
    Cli.Result r = Cli.run(command, "--help");

    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("Usage: psa " + command).contains("--output", "Example");
  }

  @Test
  void an_unknown_option_is_a_usage_error_in_one_line_with_a_hint() {
    Cli.Result r = Cli.run("features", "--input", "x.csv", "--inptu");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly(
        "psa features: Unknown option: '--inptu' (see 'psa features --help')");
  }

  /** Picocli wraps long lines at 80 columns: an example cut inside a command cannot be pasted. */
  @ParameterizedTest
  @ValueSource(strings = {"simulate", "features", "train", "score", "serve", "evaluate", "results"})
  void help_examples_are_printed_whole_one_command_line_each(String command) {
    var spec = PsaCommand.commandLine().getSubcommands().get(command).getCommandSpec();
    String help = Cli.run(command, "--help").out();
    List<String> examples = Arrays.stream(spec.usageMessage().footer())
        .filter(l -> l.startsWith("  ")).toList();

    assertThat(examples).isNotEmpty();
    assertThat(help.lines()).containsAll(examples);
  }
}
