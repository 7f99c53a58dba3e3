package io.psa.container.server;

import io.psa.model.service.ApiException;
import io.psa.model.service.ErrorCode;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs parsing and scoring on a fixed pool (scoring is CPU-bound: one thread a core) under the
 * request's deadline. A request past its deadline is answered {@code TIMEOUT} at once; its task is
 * cancelled (a queued one never runs; a running one finishes in the background and is discarded).
 */
final class ScoringPool implements AutoCloseable {
  private final ExecutorService pool;
  private final Duration timeout;

  ScoringPool(int threads, Duration timeout) {
    this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("psa-score-", 0).daemon(true).factory());
    this.timeout = timeout;
  }

  /**
   * @param deadlineNanos {@link System#nanoTime()} by which the answer is due
   * @throws ApiException {@code TIMEOUT} past the deadline; a {@link RuntimeException} of the task
   *     passes through unchanged
   */
  <T> T call(Callable<T> task, long deadlineNanos) {
    Future<T> f = pool.submit(task);
    try {
      return f.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new ApiException(ErrorCode.TIMEOUT, "the request took longer than the server's limit of "
          + timeout.toMillis() + " ms; retry, or send a shorter batch");
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scoring", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof VirtualMachineError fatal) {
        throw fatal; // an OutOfMemoryError ends the process (-XX:+ExitOnOutOfMemoryError), never a 500
      }
      throw new IllegalStateException("scoring failed", e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdown();
    try {
      pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
