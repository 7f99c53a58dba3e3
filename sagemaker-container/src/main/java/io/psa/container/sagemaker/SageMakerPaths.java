package io.psa.container.sagemaker;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the SageMaker training contract reads and writes.
 *
 * <p>Resolution: with an explicit root (option {@code --opt-ml DIR}) every path lies under it, as
 * SageMaker lays out {@code /opt/ml}; without one, each path comes from its SageMaker environment
 * variable when set ({@code SM_CHANNEL_TRAINING}, {@code SM_INPUT_CONFIG_DIR}, {@code
 * SM_MODEL_DIR}, {@code SM_OUTPUT_DIR}), else from the root {@code PSA_OPT_ML} or {@code /opt/ml}.
 *
 * @param training the {@code training} channel: CSV / JSON Lines files, each one signal
 * @param hyperparameters {@code hyperparameters.json}, string values
 * @param model where the artifact goes
 * @param failure the file that gets the failure reason
 */
public record SageMakerPaths(Path training, Path hyperparameters, Path model, Path failure) {

  /** SageMaker's own root. */
  public static final Path DEFAULT_ROOT = Path.of("/opt/ml");

  /** Every path under {@code root}, as in SageMaker's layout. */
  public static SageMakerPaths under(Path root) {
    return new SageMakerPaths(
        root.resolve("input/data/training"),
        root.resolve("input/config/hyperparameters.json"),
        root.resolve("model"),
        root.resolve("output/failure"));
  }

  /**
   * @param explicitRoot the {@code --opt-ml} option, or null
   * @param env the process environment
   */
  public static SageMakerPaths resolve(Path explicitRoot, Map<String, String> env) {
    if (explicitRoot != null) {
      return under(explicitRoot);
    }
    String rootVar = env.get("PSA_OPT_ML");
    SageMakerPaths base = under(rootVar != null ? Path.of(rootVar) : DEFAULT_ROOT);
    return new SageMakerPaths(
        pathOr(env, "SM_CHANNEL_TRAINING", base.training()),
        env.containsKey("SM_INPUT_CONFIG_DIR")
            ? Path.of(env.get("SM_INPUT_CONFIG_DIR")).resolve("hyperparameters.json")
            : base.hyperparameters(),
        pathOr(env, "SM_MODEL_DIR", base.model()),
        env.containsKey("SM_OUTPUT_DIR")
            ? Path.of(env.get("SM_OUTPUT_DIR")).resolve("failure")
            : base.failure());
  }

  /** The same paths with the model written to {@code dir} ({@code psa train --out}). */
  public SageMakerPaths withModel(Path dir) {
    return new SageMakerPaths(training, hyperparameters, dir, failure);
  }

  private static Path pathOr(Map<String, String> env, String key, Path fallback) {
    String v = env.get(key);
    return v != null && !v.isBlank() ? Path.of(v) : fallback;
  }
}
