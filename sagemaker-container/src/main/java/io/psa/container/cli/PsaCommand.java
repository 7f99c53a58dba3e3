package io.psa.container.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code psa} command line: one program that simulates, extracts features, trains and serves. */
@Command(
    name = "psa",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Predictive maintenance for manufacturing lines: is this machine behaving abnormally?",
    subcommands = {CommandLine.HelpCommand.class})
public final class PsaCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new PsaCommand()).execute(args));
  }
}
