package io.psa.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A trained anomaly detector over scaled window feature vectors. Implementations are immutable and
 * thread-safe for scoring. Training lives in {@link DetectorTrainer}, loading in
 * {@link DetectorLoader}, so that scoring never needs a training engine on the classpath.
 */
public interface Detector {

  /** Stable detector kind written to the manifest, e.g. {@code isolation_forest}. */
  String kind();

  /**
   * Raw anomaly scores, one per row, higher = more anomalous (implementations flip their native
   * direction if needed). {@code rows} are scaled feature vectors of consecutive windows in time
   * order, so sequence models may use the rows before each one.
   */
  double[] score(double[][] rows);

  /**
   * How many rows, the current one included, a row's score depends on: 1 for a detector that
   * scores each window on its own, the sequence length for a sequence model. A streaming scorer
   * keeps this many rows of context.
   */
  default int context() {
    return 1;
  }

  /**
   * The raw score of the last of {@code rows} (its context, oldest first, at most {@link
   * #context()} rows). Sequence models override it to skip scoring the context rows themselves.
   */
  default double scoreLast(double[][] rows) {
    double[] s = score(rows);
    return s[s.length - 1];
  }

  /** The contributions of the last of {@code rows}, read with the rows before it as context. */
  default double[] contributionsLast(double[][] rows) {
    double[][] c = contributions(rows);
    return c[c.length - 1];
  }

  /**
   * Per-feature contribution to each row's raw score (same shape as {@code rows}, non-negative,
   * larger = contributed more): reconstruction error share for neural models, a per-feature
   * attribution for the forest. Used for diagnostics only.
   */
  double[][] contributions(double[][] rows);

  /**
   * Writes this detector's own files into {@code dir} (never Java serialization of our classes
   * without an allow-list) and returns the parameters the manifest records for {@link
   * DetectorLoader#load}: architecture, sizes, anything needed to rebuild it.
   */
  Map<String, Object> save(Path dir) throws IOException;
}
