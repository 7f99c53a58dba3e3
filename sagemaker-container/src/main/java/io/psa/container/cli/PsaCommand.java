package io.psa.container.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code psa} command line: one program that simulates, extracts features, trains and serves. */
@Command(
    name = "psa",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Predictive maintenance for manufacturing lines: is this machine behaving abnormally?",
    subcommands = {CommandLine.HelpCommand.class, SimulateCommand.class, FeaturesCommand.class, ServeCommand.class,
        EvaluateCommand.class, TrainCommand.class, ScoreCommand.class, ResultsCommand.class})
public final class PsaCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The configured command line: every failure goes through {@link CliErrors} (exit 2 for invalid
   * input or usage, 1 for the rest, one line on standard error). Tests execute it in-process.
   */
  public static CommandLine commandLine() {
    CliErrors errors = new CliErrors();
    return new CommandLine(new PsaCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors);
  }

  public static void main(String[] args) {
    CommandLine cmd = commandLine();
    // straight to the file descriptor, not through System.out: a PrintStream hides write errors,
    // and psa simulate must notice a closed pipe (| head) instead of writing hours into it
    cmd.setOut(
        new PrintWriter(
            new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
            true));
    int status = cmd.execute(args);
    cmd.getOut().flush();
    System.exit(status);
  }
}
