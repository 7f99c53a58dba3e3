package io.psa.container.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory all request bodies in flight may take together ({@link
 * ServerSettings#maxBodiesBytes}): a body grows its reservation as its bytes arrive, and a
 * request whose body would pass the bound is refused with 503 {@code server_busy} rather than
 * letting many large or slow bodies fill the heap. Lock-free.
 */
final class BodyBudget {
  private final long limit;
  private final AtomicLong used = new AtomicLong();

  BodyBudget(long limit) {
    this.limit = limit;
  }

  /** Reserves {@code bytes}; false (nothing reserved) when that would pass the limit. */
  boolean tryReserve(long bytes) {
    while (true) {
      long now = used.get();
      if (now + bytes > limit) {
        return false;
      }
      if (used.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  void release(long bytes) {
    used.addAndGet(-bytes);
  }

  long used() {
    return used.get();
  }

  long limit() {
    return limit;
  }
}
