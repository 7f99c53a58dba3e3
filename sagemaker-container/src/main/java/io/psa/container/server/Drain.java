package io.psa.container.server;

import io.javalin.http.Context;
import io.psa.model.service.ApiException;
import io.psa.model.service.ErrorCode;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests in flight so that a stopping server finishes them rather than cutting them off
 * (Jetty's own stop does not wait for them), and refuses new ones while it waits.
 */
final class Drain {
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean draining = new AtomicBoolean();

  /** A before-handler: counts the request, or refuses it once stopping. */
  void started(Context ctx) {
    inFlight.incrementAndGet();
    if (draining.get()) {
      throw new ApiException(ErrorCode.SHUTTING_DOWN, "the server is stopping; retry on another instance");
    }
  }

  /** Called once per request when its answer is written. */
  void finished() {
    inFlight.decrementAndGet();
  }

  /** Refuses new requests and waits until none is in flight, at most {@code millis}. */
  void drain(long millis) {
    draining.set(true);
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
