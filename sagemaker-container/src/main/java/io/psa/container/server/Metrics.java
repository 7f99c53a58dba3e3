package io.psa.container.server;

import io.psa.container.persistence.StoreStatus;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counters for {@code GET /metrics} in the Prometheus text format 0.0.4: requests by route and
 * status, errors by API error code, a latency histogram by route, cache hits and misses, the
 * result store's queue, and the heap. Labels come from fixed sets (unknown paths count as route
 * {@code other}), so no client can grow them. Lock-free on the request path.
 */
final class Metrics {
  /** Histogram upper bounds, seconds: dense around the 10 ms target. */
  static final double[] BUCKETS = {
    0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  /** The bounds as Prometheus writes them ({@code 0.0005}, not {@code 5.0E-4}). */
  private static final String[] LABELS = java.util.Arrays.stream(BUCKETS)
      .mapToObj(b -> java.math.BigDecimal.valueOf(b).stripTrailingZeros().toPlainString())
      .toArray(String[]::new);

  private final Set<String> routes;
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
  final LongAdder cacheHits = new LongAdder();
  final LongAdder cacheMisses = new LongAdder();
  private final Supplier<StoreStatus> store;

  /** One route's latency: cumulative counts are computed when written. */
  private static final class Histogram {
    final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
    final LongAdder sumMicros = new LongAdder();

    Histogram() {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new LongAdder();
      }
    }
  }

  Metrics(Set<String> routes, Supplier<StoreStatus> store) {
    this.routes = routes;
    this.store = store;
  }

  /** Counts one answered request. */
  void request(String path, int status, double millis) {
    String route = routes.contains(path) ? path : "other";
    requests.computeIfAbsent(route + "\",code=\"" + status, k -> new LongAdder()).increment();
    Histogram h = latency.computeIfAbsent(route, k -> new Histogram());
    double seconds = millis / 1000.0;
    int i = 0;
    while (i < BUCKETS.length && seconds > BUCKETS[i]) {
      i++;
    }
    h.counts[i].increment();
    h.sumMicros.add(Math.round(millis * 1000));
  }

  /** Counts one error answer by its API code. */
  void error(String code) {
    errors.computeIfAbsent(code, k -> new LongAdder()).increment();
  }

  String render(boolean modelLoaded) {
    StringBuilder b = new StringBuilder(4096);
    header(b, "psa_http_requests_total", "counter", "HTTP requests answered, by route and status");
    new TreeMap<>(requests).forEach((k, v) ->
        b.append("psa_http_requests_total{route=\"").append(k).append("\"} ").append(v.sum()).append('\n'));
    header(b, "psa_http_errors_total", "counter", "error answers, by API error code");
    new TreeMap<>(errors).forEach((k, v) ->
        b.append("psa_http_errors_total{code=\"").append(k).append("\"} ").append(v.sum()).append('\n'));
    header(b, "psa_http_request_duration_seconds", "histogram", "time from arrival to answer");
    new TreeMap<>(latency).forEach((route, h) -> histogram(b, route, h));
    counter(b, "psa_cache_hits_total", "answers served from the response cache", cacheHits.sum());
    counter(b, "psa_cache_misses_total", "cacheable requests that had to be scored", cacheMisses.sum());
    StoreStatus s = store.get();
    gauge(b, "psa_model_loaded", "1 once the model answers", modelLoaded ? 1 : 0);
    if (s.enabled()) { // absent when no database is configured: 0 would read as an outage
      gauge(b, "psa_database_up", "1 when the last database write succeeded", s.databaseUp() ? 1 : 0);
    }
    gauge(b, "psa_results_queued", "results waiting in memory for the database", s.queued());
    gauge(b, "psa_results_queue_capacity", "the in-memory queue's bound", s.queueCapacity());
    gauge(b, "psa_results_spill_pending", "results waiting in the spill file", s.spilledPending());
    counter(b, "psa_results_written_total", "results written to the database", s.written());
    counter(b, "psa_results_spilled_total", "results put in the spill file", s.spilled());
    counter(b, "psa_results_dropped_total", "results lost: queue full and spill failed", s.dropped());
    // for soak tests: a heap that keeps growing across collections is a leak
    var heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    gauge(b, "psa_jvm_heap_used_bytes", "heap in use now", heap.getUsed());
    gauge(b, "psa_jvm_heap_committed_bytes", "heap reserved by the JVM", heap.getCommitted());
    return b.toString();
  }

  private static void histogram(StringBuilder b, String route, Histogram h) {
    long cumulative = 0;
    String name = "psa_http_request_duration_seconds";
    for (int i = 0; i < BUCKETS.length; i++) {
      cumulative += h.counts[i].sum();
      b.append(name).append("_bucket{route=\"").append(route).append("\",le=\"").append(LABELS[i])
          .append("\"} ").append(cumulative).append('\n');
    }
    cumulative += h.counts[BUCKETS.length].sum();
    b.append(name).append("_bucket{route=\"").append(route).append("\",le=\"+Inf\"} ")
        .append(cumulative).append('\n');
    b.append(name).append("_sum{route=\"").append(route).append("\"} ")
        .append(h.sumMicros.sum() / 1e6).append('\n');
    b.append(name).append("_count{route=\"").append(route).append("\"} ").append(cumulative).append('\n');
  }

  private static void header(StringBuilder b, String name, String type, String help) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n');
    b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void counter(StringBuilder b, String name, String help, long value) {
    header(b, name, "counter", help);
    b.append(name).append(' ').append(value).append('\n');
  }

  private static void gauge(StringBuilder b, String name, String help, long value) {
    header(b, name, "gauge", help);
    b.append(name).append(' ').append(value).append('\n');
  }
}
