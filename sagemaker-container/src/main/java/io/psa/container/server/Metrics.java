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
 * status, errors by API error code, a latency histogram by route, cache hits and misses, what the
 * server holds against its bounds (connections, request bodies, cache bytes), the result store
 * (journal, written, dead-lettered, dropped, failures by class), and the heap. Labels come from fixed sets (unknown paths count as route
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

  String render(boolean modelLoaded, Resources r) {
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
    gauge(b, "psa_cache_bytes", "the response cache's estimated size", r.cacheBytes());
    gauge(b, "psa_cache_max_bytes", "the response cache's bound", r.maxCacheBytes());
    gauge(b, "psa_connections_open", "connections open now", r.openConnections());
    gauge(b, "psa_connections_max", "connections served at once", r.maxConnections());
    counter(b, "psa_connections_refused_total", "requests refused beyond the connection bound",
        r.refusedConnections());
    counter(b, "psa_header_timeouts_total", "connections closed for headers not sent in time",
        r.headerTimeouts());
    gauge(b, "psa_request_bodies_bytes", "memory reserved by request bodies now", r.bodiesBytes());
    gauge(b, "psa_request_bodies_max_bytes", "the bound on request bodies in memory",
        r.maxBodiesBytes());
    gauge(b, "psa_model_loaded", "1 once the model answers", modelLoaded ? 1 : 0);
    results(b, store.get());
    // for soak tests: a heap that keeps growing across collections is a leak
    var heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    gauge(b, "psa_jvm_heap_used_bytes", "heap in use now", heap.getUsed());
    gauge(b, "psa_jvm_heap_committed_bytes", "heap reserved by the JVM", heap.getCommitted());
    gauge(b, "psa_jvm_heap_max_bytes", "the maximum heap", r.heapMaxBytes());
    return b.toString();
  }

  private static void results(StringBuilder b, StoreStatus s) {
    if (!s.enabled()) {
      return; // no database configured: a psa_database_up of 0 would read as an outage
    }
    gauge(b, "psa_database_up", "1 when the last contact with the database succeeded",
        s.databaseUp() ? 1 : 0);
    gauge(b, "psa_results_pending", "results in the spill journal, not yet in the database",
        s.pending());
    gauge(b, "psa_results_pending_bytes", "the spill journal's size", s.pendingBytes());
    gauge(b, "psa_results_pending_max_bytes", "the spill journal's cap", s.maxPendingBytes());
    gauge(b, "psa_results_journal_full", "1 while the spill journal is at its cap",
        s.journalFull() ? 1 : 0);
    gauge(b, "psa_results_in_memory", "results held in memory because the journal refused them",
        s.inMemory());
    counter(b, "psa_results_written_total", "results the database acknowledged", s.written());
    counter(b, "psa_results_dead_lettered_total",
        "results the database refused, kept in the dead-letter table", s.deadLettered());
    counter(b, "psa_results_dropped_total", "results lost: journal and memory full", s.dropped());
    header(b, "psa_results_errors_total", "counter", "result store failures, by class");
    s.errors().forEach((cls, n) ->
        b.append("psa_results_errors_total{class=\"").append(cls).append("\"} ").append(n).append('\n'));
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
