package io.psa.container.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.model.service.MediaTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {

  @Test
  void the_bytes_held_never_exceed_the_bound_while_many_threads_put() throws Exception {
    long max = 1 << 20;
    ResponseCache cache = new ResponseCache(ServerSettings.defaults()
        .withCache(1000, Duration.ofMinutes(1)).withCacheMaxBytes(max),
        new Metrics(Set.of(), () -> null));
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong largest = new AtomicLong();
    Thread reader = Thread.ofPlatform().start(() -> {
      while (!done.get()) {
        largest.accumulateAndGet(cache.weight(), Math::max);
      }
    });
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      writers.add(Thread.ofPlatform().start(() -> {
        for (int i = 0; i < 5_000; i++) {
          byte[] body = (thread + "-" + i).getBytes();
          // about 100 KB an entry: the bound holds ten
          cache.put(cache.key(body, MediaTypes.JSON, "v1"), null, 50_000 + i % 7);
        }
      }));
    }
    for (Thread w : writers) {
      w.join();
    }
    done.set(true);
    reader.join();

    assertThat(largest.get()).isPositive().isLessThanOrEqualTo(max);
    assertThat(cache.weight()).isLessThanOrEqualTo(max);
  }
}
