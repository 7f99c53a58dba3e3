package io.psa.container.persistence;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Failures by class since start, and the last one: what {@code /health} may show. */
final class ErrorTally {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private volatile String last;
  private volatile Instant lastAt;

  /** Counts one failure of {@code label} (a class such as {@code rejected:22P05}). */
  void add(String label) {
    counts.computeIfAbsent(label, k -> new LongAdder()).increment();
    last = label;
    lastAt = Instant.now();
  }

  Map<String, Long> counts() {
    Map<String, Long> m = new TreeMap<>();
    counts.forEach((k, v) -> m.put(k, v.sum()));
    return m;
  }

  String last() {
    return last;
  }

  Instant lastAt() {
    return lastAt;
  }
}
