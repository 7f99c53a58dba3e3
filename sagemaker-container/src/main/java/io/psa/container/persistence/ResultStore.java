package io.psa.container.persistence;

import io.psa.model.results.InferenceResult;

/**
 * Keeps scored requests. {@link #record} is called on the request path, so it must return at once
 * and never throw: implementations buffer and write elsewhere.
 */
public interface ResultStore extends AutoCloseable {

  /** A store that keeps nothing, for a server started without a database. */
  ResultStore NONE =
      new ResultStore() {
        @Override
        public void record(InferenceResult result) {}

        @Override
        public StoreStatus status() {
          return StoreStatus.DISABLED;
        }
      };

  /** Accepts one result for writing; never blocks on the database, never throws. */
  void record(InferenceResult result);

  /** What {@code /health} and {@code /metrics} report. */
  StoreStatus status();

  /** Writes or spills everything pending; after it, {@link #record} keeps nothing. */
  @Override
  default void close() {}
}
