package io.psa.container.cli;

import com.fasterxml.jackson.core.JacksonException;
import io.psa.dsp.ValidationException;
import io.psa.model.artifact.ArtifactException;
import io.psa.model.artifact.ArtifactIntegrityException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
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
 *   <li>{@value #INVALID_INPUT}: a user's mistake: invalid input, a {@link ValidationException}
 *       whose message names the record and field ({@code sensor_batch[12].pressure: ...}); a usage
 *       error (a bad option, a port in use, a missing folder), with a hint to {@code --help}; a
 *       file that does not exist; a folder that is not a model; a file that is not valid JSON;
 *   <li>{@value #FAILURE}: anything else: an altered model, an unreadable file ("I/O error", only
 *       for input and output), a database that does not answer, and a bug ("internal error", only
 *       for bugs). Set {@code PSA_DEBUG=1} to get the stack trace too.
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
    return isUserMistake(cause) ? INVALID_INPUT : FAILURE;
  }

  private static boolean isUserMistake(Throwable t) {
    return t instanceof ValidationException || t instanceof NoSuchFileException
        || t instanceof FileNotFoundException || t instanceof JacksonException
        || t instanceof ArtifactException && !(t instanceof ArtifactIntegrityException);
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    // one line: the mistake, then where to read about the options
    err.println(prefix(cmd) + ex.getMessage().replaceAll("\\s*\\R\\s*", " ")
        + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
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
      case NoSuchFileException e -> "no such file or directory: " + e.getFile();
      case FileNotFoundException e -> "file not found: " + e.getMessage();
      case AccessDeniedException e -> "permission denied: " + e.getFile();
      case ArtifactException e -> describe(e);
      case JacksonException e -> "invalid JSON: " + e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ")
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ")");
      case IOException e -> "I/O error: " + describe(e);
      case SQLException e -> "database error: " + describe(e);
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
