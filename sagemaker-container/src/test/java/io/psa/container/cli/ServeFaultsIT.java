package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.dsp.testing.BatchText;
import io.psa.container.persistence.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults done for real to {@code bin/psa serve} as a process (the packaged jar): a {@code kill -9}
 * while the database is down, a small heap under large concurrent bodies, and a heap that does run
 * out. About 40 s.
 */
class ServeFaultsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private TestDatabase db;
  private String schema;

  @BeforeEach
  void needTheJarAndTheDatabase() {
    assumeTrue(Files.isRegularFile(ServerProcess.JAR),
        "skipped: " + ServerProcess.JAR + " is not built; ./mvnw -B verify builds it");
    db = TestDatabase.require();
    schema = db.schema;
  }

  @AfterEach
  void clean() throws Exception {
    if (db != null) {
      db.dropSchema();
    }
  }

  @Test
  void a_kill_9_with_the_database_down_loses_no_answered_result_and_the_restart_stores_each_once()
      throws Exception {
    int answered = 300;
    Map<String, String> down = Map.of("PSA_DB_URL", "jdbc:postgresql://127.0.0.1:" + closedPort()
        + "/test?user=postgres", "PSA_DB_SCHEMA", schema, "PSA_DB_SPILL", dir.resolve("spill.jsonl").toString());
    Set<String> ids = new HashSet<>();
    try (ServerProcess serve = ServerProcess.serve(dir, down)) {
      for (int i = 0; i < answered; i++) {
        // a few distinct bodies; repeats are answered from the cache and recorded all the same
        String body = BatchText.predictBody(
            new SensorSimulator(SimulationSpec.of(2_000).withSeed(i % 7)).generate(), "press-" + i, null);
        HttpResponse<String> r = serve.postJson("/predict", body);
        assertThat(r.statusCode()).as("log: %s", serve).isEqualTo(200);
        ids.add(JSON.readTree(r.body()).get("request_id").asText());
      }
      JsonNode health = JSON.readTree(serve.get("/health").body());
      assertThat(health.get("status").asText()).isEqualTo("degraded");
      assertThat(health.at("/database/up").asBoolean()).isFalse();
      assertThat(health.at("/database/journal/pending").asLong()).isEqualTo(answered);

      // SIGKILL: no shutdown hook, nothing flushed by Java
      assertThat(serve.kill()).isEqualTo(137);
    }

    Map<String, String> up = Map.of("PSA_DB_URL", TestDatabase.url(), "PSA_DB_SCHEMA", schema,
        "PSA_DB_SPILL", dir.resolve("spill.jsonl").toString());
    try (ServerProcess restarted = ServerProcess.serve(dir, up)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (storedIds().size() < answered && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      List<String> stored = storedIdList();
      System.out.printf("kill -9 with the database down: %d answered, %d stored after the restart%n",
          answered, stored.size());
      assertThat(stored).hasSize(answered).doesNotHaveDuplicates();
      assertThat(new HashSet<>(stored)).isEqualTo(ids);
      JsonNode health = JSON.readTree(restarted.get("/health").body());
      assertThat(health.get("status").asText()).isEqualTo("ok");
      assertThat(health.at("/database/journal/pending").asLong()).isZero();
      assertThat(health.at("/database/dead_lettered").asLong()).isZero();
    }
  }

  @Test
  void a_small_heap_under_large_concurrent_bodies_answers_or_refuses_cleanly_and_stays_up()
      throws Exception {
    long heapMb = 128;
    Map<String, String> env = Map.of("PSA_JAVA_OPTS", "-Xmx" + heapMb + "m",
        "PSA_DB_URL", TestDatabase.url(), "PSA_DB_SCHEMA", schema,
        "PSA_DB_SPILL", dir.resolve("spill.jsonl").toString());
    try (ServerProcess serve = ServerProcess.serve(dir, env)) {
      // 2.5 to 5 MB bodies, each distinct (no cache help), 8 at a time, and 3 MB asset ids among them
      List<String> bodies = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        bodies.add(BatchText.predictBody(new SensorSimulator(SimulationSpec.of(i < 2 ? 330_000 : 170_000)
            .withSeed(i)).generate(), "press-" + i, null));
      }
      String anonymous = BatchText.predictBody(new SensorSimulator(SimulationSpec.of(170_000)).generate(),
          null, null);
      bodies.add("{\"asset_id\": \"" + "x".repeat(3_000_000) + "\", " + anonymous.substring(1));
      Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
      List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
      List<Thread> clients = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int client = t;
        clients.add(Thread.ofPlatform().start(() -> {
          for (int n = 0; System.nanoTime() < until; n++) {
            // a unique asset id per request: no two bodies are the same, so nothing is cached
            String body = bodies.get((client + n) % bodies.size())
                .replaceFirst("\"press-(\\d)\"", "\"press-$1-" + client + "-" + n + "\"");
            try {
              HttpResponse<String> r = serve.postJson("/predict", body);
              statuses.computeIfAbsent(r.statusCode(), k -> new AtomicLong()).incrementAndGet();
              if (r.statusCode() >= 500 && r.statusCode() != 503) {
                failures.add(r.statusCode() + " " + r.body());
              }
            } catch (Exception e) {
              failures.add(e.toString());
            }
          }
        }));
      }
      long maxPingNanos = 0;
      long maxHeap = 0;
      long maxBodies = 0;
      while (System.nanoTime() < until) {
        long t = System.nanoTime();
        assertThat(serve.get("/ping").statusCode()).isEqualTo(200);
        maxPingNanos = Math.max(maxPingNanos, System.nanoTime() - t);
        String metrics = serve.get("/metrics").body();
        maxHeap = Math.max(maxHeap, gauge(metrics, "psa_jvm_heap_used_bytes"));
        maxBodies = Math.max(maxBodies, gauge(metrics, "psa_request_bodies_bytes"));
        assertThat(gauge(metrics, "psa_cache_bytes")).isLessThanOrEqualTo(gauge(metrics, "psa_cache_max_bytes"));
        Thread.sleep(250);
      }
      for (Thread c : clients) {
        c.join(60_000);
      }
      String metrics = serve.get("/metrics").body();
      System.out.printf("-Xmx%dm under 8 concurrent 2.5-5.5 MB bodies for 12 s: answers %s, heap used at"
          + " most %d MB, bodies held at most %d MB of %d MB, slowest /ping %d ms%n", heapMb, statuses,
          maxHeap >> 20, maxBodies >> 20, gauge(metrics, "psa_request_bodies_max_bytes") >> 20,
          maxPingNanos / 1_000_000);

      assertThat(failures).as("server errors or broken connections").isEmpty();
      assertThat(statuses).containsKey(200).containsKey(400);
      assertThat(statuses.keySet()).isSubsetOf(200, 400, 503);
      assertThat(serve.alive()).isTrue();
      assertThat(gauge(metrics, "psa_jvm_heap_max_bytes")).isEqualTo(heapMb << 20);
      assertThat(maxBodies).isLessThanOrEqualTo(gauge(metrics, "psa_request_bodies_max_bytes"));
      assertThat(serve.logLines()).noneMatch(l -> l.contains("OutOfMemoryError"));
      long answered = statuses.getOrDefault(200, new AtomicLong()).get();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (storedIds().size() < answered && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(storedIds()).hasSize((int) answered);
    }
  }

  @Test
  void a_heap_that_runs_out_ends_the_process_instead_of_leaving_it_half_alive() throws Exception {
    // the memory bound for bodies set far past the heap, so that bodies can exhaust it
    Map<String, String> env = Map.of("PSA_JAVA_OPTS", "-Xmx64m");
    try (ServerProcess serve = ServerProcess.serve(dir, env, "--db", "none", "--bodies-mb", "2048",
        "--cache-mb", "0")) {
      String body = BatchText.predictBody(new SensorSimulator(SimulationSpec.of(330_000)).generate(), "p", null);
      List<Thread> clients = new ArrayList<>();
      for (int t = 0; t < 24; t++) {
        clients.add(Thread.ofPlatform().start(() -> {
          try {
            serve.postJson("/predict", body);
          } catch (Exception expected) {
            // the process dies under it
          }
        }));
      }
      Integer status = serve.awaitExit(60);
      for (Thread c : clients) {
        c.join(10_000);
      }
      assertThat(status).as("exit status; log: %s", serve.log()).isEqualTo(3);
      assertThat(serve.logLines()).anyMatch(l -> l.contains("Terminating due to java.lang.OutOfMemoryError"));
    }
  }

  private static long gauge(String metrics, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + " (\\d+)").matcher(metrics);
    assertThat(m.find()).as(name).isTrue();
    return Long.parseLong(m.group(1));
  }

  private Set<String> storedIds() throws Exception {
    return new HashSet<>(storedIdList());
  }

  private List<String> storedIdList() throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        var s = c.createStatement()) {
      ResultSet exists = s.executeQuery("SELECT to_regclass('" + schema + ".inference_results')");
      exists.next();
      if (exists.getString(1) == null) {
        return ids;
      }
      try (ResultSet rs = s.executeQuery("SELECT request_id FROM " + schema + ".inference_results")) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  /** A loopback port nothing listens on: a database that is down. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }


}
