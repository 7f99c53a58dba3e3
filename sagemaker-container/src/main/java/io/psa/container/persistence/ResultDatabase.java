package io.psa.container.persistence;

import io.psa.model.results.ResultWriter;
import java.util.List;

/**
 * The database side of a {@link BufferedResultStore}: writes rows ({@link ResultWriter}), keeps
 * the rows it refuses, and says what a failure means.
 */
public interface ResultDatabase extends ResultWriter, AutoCloseable {

  /**
   * Stores refused rows with their reasons; idempotent (a letter written twice is one row).
   *
   * @throws Exception when the database cannot be reached ({@link #classify} tells)
   */
  void deadLetter(List<DeadLetter> letters) throws Exception;

  /** What a failure of {@link #write} or {@link #deadLetter} means; SQLSTATE-based by default. */
  default WriteFailure classify(Exception e) {
    return WriteFailure.of(e);
  }

  @Override
  default void close() {}
}
