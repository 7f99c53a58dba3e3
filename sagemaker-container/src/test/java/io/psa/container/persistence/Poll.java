package io.psa.container.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

/** Waiting for the store's writer thread in tests: poll a condition, fail when it stays false. */
final class Poll {
  private Poll() {}

  /** A condition that may ask the database. */
  @FunctionalInterface
  interface Condition {
    boolean holds() throws Exception;
  }

  /** Returns once {@code condition} holds; fails the test after 10 s. */
  static void until(Condition condition) throws Exception {
    until(condition, Duration.ofSeconds(10));
  }

  /** Returns once {@code condition} holds; fails the test after {@code timeout}. */
  static void until(Condition condition, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.holds() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(condition.holds()).as("within %s", timeout).isTrue();
  }
}
