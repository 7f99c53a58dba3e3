package io.psa.model.training;

/** Told how far training got, for a progress bar. Called on the training thread. */
@FunctionalInterface
public interface TrainingListener {

  /** The listener that ignores everything. */
  TrainingListener NONE = (phase, done, total) -> {};

  /**
   * @param phase {@code features} (reading signals), {@code fit}, {@code calibrate}, {@code save}
   * @param done work done in the phase (bytes or records for {@code features}, else 0 or 1)
   * @param total work of the phase, or -1 when unknown
   */
  void progress(String phase, long done, long total);
}
