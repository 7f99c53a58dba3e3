package io.psa.container.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Checks of the paths a user names, so that a typo gets a usage error (exit 2) that says what is
 * wrong with the path, before any work starts.
 */
final class CliPaths {
  private CliPaths() {}

  /** {@code dir} must be an existing directory: "--model: no such directory: x". */
  static Path existingDirectory(CommandLine cmd, String option, Path dir) {
    if (!Files.exists(dir)) {
      throw new ParameterException(cmd, option + ": no such directory: " + dir);
    }
    if (!Files.isDirectory(dir)) {
      throw new ParameterException(cmd, option + ": " + dir + " is a file, not a directory");
    }
    return dir;
  }

  /** {@code path} must exist (a file or a folder): "--data: no such file or directory: x". */
  static Path existing(CommandLine cmd, String option, Path path) {
    if (!Files.exists(path)) {
      throw new ParameterException(cmd, option + ": no such file or directory: " + path);
    }
    return path;
  }

  /**
   * {@code dir} must be absent or empty, so that a run never mixes its output with an earlier
   * one's: "--out: eval-out is not empty; choose a new folder or remove it".
   */
  static Path newOutputDirectory(CommandLine cmd, String option, Path dir) {
    if (!Files.exists(dir)) {
      return dir;
    }
    if (!Files.isDirectory(dir)) {
      throw new ParameterException(cmd, option + ": " + dir + " is a file, not a directory");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new ParameterException(cmd, option + ": " + dir
            + " is not empty; choose a new folder or remove this one");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }
}
