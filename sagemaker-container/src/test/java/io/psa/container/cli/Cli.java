package io.psa.container.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs {@code psa} in-process, as {@link PsaCommand#main} would, with captured output. */
final class Cli {

  /**
   * @param status the exit status
   * @param out what went to standard output
   * @param err what went to standard error
   */
  record Result(int status, String out, String err) {
    /** Standard error's lines, for asserting that a failure says one thing. */
    String[] errLines() {
      return err.lines().toArray(String[]::new);
    }
  }

  private Cli() {}

  static Result run(String... args) {
    return runWithStdin("", args);
  }

  /** Runs with {@code stdin} as standard input, for {@code --input -}. */
  static Result runWithStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = PsaCommand.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    InputStream previous = FeaturesCommand.stdin;
    FeaturesCommand.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    try {
      int status = cmd.execute(args);
      return new Result(status, out.toString(), err.toString());
    } finally {
      FeaturesCommand.stdin = previous;
    }
  }
}
