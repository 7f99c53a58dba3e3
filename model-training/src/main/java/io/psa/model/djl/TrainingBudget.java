package io.psa.model.djl;

import io.psa.dsp.ValidationException;

/** Shared checks and the automatic epoch count of the neural trainers. */
final class TrainingBudget {

  /**
   * Minibatch steps the automatic epoch count aims at. A step costs milliseconds whatever the
   * batch size (DJL's per-operation overhead dominates such small networks), so the training time
   * follows the step count: about 70 epochs on ~400 SKAB windows, and the 3-epoch floor (675 steps)
   * on an hour of 10 ms data (14,400 windows). On simulated data the scores stop improving well
   * before that (ROC AUC 0.999 after 200 steps).
   */
  static final int AUTO_STEPS = 500;

  private TrainingBudget() {}

  /** Epochs to run: {@code requested}, or for 0 about {@link #AUTO_STEPS} steps, 3 to 150. */
  static int epochs(int requested, int batchesPerEpoch) {
    if (requested > 0) {
      return requested;
    }
    int auto = (AUTO_STEPS + batchesPerEpoch - 1) / batchesPerEpoch;
    return Math.clamp(auto, 3, 150);
  }

  /**
   * Checks the training rows: at least {@code min}, all of one width of at least 2 features, all
   * finite. One feature is refused here, with its own message, because no code layer can be
   * narrower than it: otherwise the automatic sizes (always below any width of 2 or more) would
   * be blamed for a limit of the input.
   *
   * @return the row width
   */
  static int checkRows(double[][] rows, int min, String detector) {
    if (rows.length < min) {
      throw new ValidationException(ValidationException.Code.TOO_LITTLE_DATA, "training.rows", -1,
          detector + " needs at least " + min + " training windows, got " + rows.length);
    }
    int width = rows[0].length;
    if (width < 2) {
      throw new ValidationException(ValidationException.Code.TOO_LITTLE_DATA, "training.features",
          -1, detector + " needs at least 2 features per window to compress them, got " + width);
    }
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != width) {
        throw new IllegalArgumentException("training row " + i + " has " + rows[i].length
            + " features, row 0 has " + width);
      }
      for (double v : rows[i]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("training row " + i + " holds a non-finite value");
        }
      }
    }
    return width;
  }

  /**
   * Where the training rows end and the validation rows (the most recent ones, closest to what
   * will be scored next) begin: {@code rows} when the fraction is 0 or leaves fewer than 2 rows on
   * either side.
   */
  static int validationStart(int rows, double fraction) {
    int validation = (int) Math.round(rows * fraction);
    return validation < 2 || rows - validation < 2 ? rows : rows - validation;
  }

  /** Fails on {@code key} unless a code layer of {@code size} is narrower than {@code features}. */
  static void checkNarrower(String key, int size, int features) {
    if (size >= features) {
      throw ValidationException.ofConfig(key, "must be below the number of features (" + features
          + ") so the network cannot learn to copy its input, got " + size);
    }
  }
}
