package io.psa.container.sagemaker;

import io.psa.dsp.ValidationException;
import io.psa.model.training.TrainingListener;
import io.psa.model.training.TrainingSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/**
 * The SageMaker training contract (README.md "Detectors, training and scoring"): data from the
 * {@code training} channel, hyperparameters from {@code hyperparameters.json} (string values;
 * absent means all defaults), the model to the model directory; on failure, the reason to the
 * failure file and a non-zero exit status (2 for invalid data or hyperparameters, 1 for anything
 * else).
 */
public final class SageMakerTraining {

  private SageMakerTraining() {}

  /** Runs the contract; returns the exit status. Never throws. */
  public static int run(SageMakerPaths paths, PrintWriter out, PrintWriter err,
      TrainingListener listener, String codeVersion) {
    return run(paths, Map.of(), out, err, listener, codeVersion);
  }

  /**
   * Runs the contract with {@code overrides} (settings given on the command line) applied over
   * {@code hyperparameters.json}; returns the exit status. Never throws.
   */
  public static int run(SageMakerPaths paths, Map<String, String> overrides, PrintWriter out,
      PrintWriter err, TrainingListener listener, String codeVersion) {
    try {
      Map<String, String> hyperparameters = new java.util.LinkedHashMap<>(
          Files.exists(paths.hyperparameters())
              ? TrainingJob.readStringMap(paths.hyperparameters()) : Map.of());
      hyperparameters.putAll(overrides);
      TrainingSummary summary =
          TrainingJob.run(paths.training(), hyperparameters, paths.model(), listener, codeVersion);
      out.print(summary.describe());
      out.flush();
      return 0;
    } catch (Exception e) {
      String reason = reason(e);
      err.println("psa train: " + reason);
      err.flush();
      writeFailure(paths, reason, err);
      return e instanceof ValidationException ? 2 : 1;
    }
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    return switch (e) {
      case ValidationException v -> "invalid training input: " + text;
      case java.nio.file.NoSuchFileException n -> "file not found: " + text;
      case IOException io -> "I/O error: " + text;
      default -> "internal error: " + e.getClass().getSimpleName() + ": " + text;
    };
  }

  private static void writeFailure(SageMakerPaths paths, String reason, PrintWriter err) {
    try {
      Files.createDirectories(paths.failure().getParent());
      Files.writeString(paths.failure(), reason + "\n", StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      err.println("psa train: could not write " + paths.failure() + ": " + e.getMessage());
      err.flush();
    }
  }
}
