package io.psa.container.cli;

import io.psa.dsp.ValidationException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become exit statuses and messages. Every failure is one line on
 * standard error, prefixed with the command ({@code psa features: ...}):
 *
 * <ul>
 *   <li>{@value #INVALID_INPUT}: invalid input, a {@link ValidationException} whose message names
 *       the record and field ({@code sensor_batch[12].pressure: ...}), or a usage error (bad
 *       option), followed by a hint to {@code --help};
 *   <li>{@value #FAILURE}: anything else: a missing or unreadable file, an I/O error, a bug. Set
 *       {@code PSA_DEBUG=1} to get the stack trace too.
 * </ul>
 */
final class CliErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {

  static final int INVALID_INPUT = 2;
  static final int FAILURE = 1;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
    err.println(prefix(cmd) + message(cause));
    if (System.getenv("PSA_DEBUG") != null) {
      ex.printStackTrace(err);
    }
    err.flush();
    return cause instanceof ValidationException ? INVALID_INPUT : FAILURE;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(prefix(cmd) + ex.getMessage());
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return INVALID_INPUT;
  }

  private static String prefix(CommandLine cmd) {
    return cmd.getCommandSpec().qualifiedName() + ": ";
  }

  /** A sentence for a person: what failed and on which file, without a stack trace. */
  static String message(Throwable t) {
    return switch (t) {
      case ValidationException v -> v.getMessage();
      case NoSuchFileException e -> "file not found: " + e.getFile();
      case FileNotFoundException e -> "file not found: " + e.getMessage();
      case AccessDeniedException e -> "permission denied: " + e.getFile();
      case IOException e -> "I/O error: " + describe(e);
      default -> "internal error: " + describe(t) + " (set PSA_DEBUG=1 for the stack trace)";
    };
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    String text = m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    // one line, whatever a library put into its message
    return text.replaceAll("\\s*\\R\\s*", " ");
  }
}
