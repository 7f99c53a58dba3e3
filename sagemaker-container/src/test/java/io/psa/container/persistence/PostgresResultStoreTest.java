package io.psa.container.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.model.results.InferenceResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Against a real PostgreSQL ({@link TestDatabase}), each test in its own schema. */
class PostgresResultStoreTest {
  @TempDir Path dir;
  @RegisterExtension final TestDatabase db = TestDatabase.perTest();

  private DatabaseSettings settings(String url) {
    return DatabaseSettings.of(url).withSchema(db.schema).withSpillFile(dir.resolve("spill.jsonl"))
        .withMaxBackoff(Duration.ofMillis(400));
  }

  @Test
  void writes_every_column_of_a_result_as_given() throws Exception {
    try (BufferedResultStore store = BufferedResultStore.forPostgres(settings(TestDatabase.url()))) {
      store.record(Results.number("cols", 3));
      store.record(Results.number("cols", 4));
      store.close(Duration.ofSeconds(10));
    }
    try (Connection c = DriverManager.getConnection(TestDatabase.url()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + db.schema + ".inference_results ORDER BY request_id")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong("id")).isPositive();
      assertThat(rs.getString("request_id")).isEqualTo("cols-3");
      assertThat(rs.getString("asset_id")).isNull();
      assertThat(rs.getString("model_name")).isEqualTo("default");
      assertThat(rs.getString("model_version")).isEqualTo("v1");
      assertThat(rs.getTimestamp("received_at").toInstant().toEpochMilli()).isEqualTo(1_700_000_003_000L);
      assertThat(rs.getLong("first_ts_ms")).isEqualTo(30_000L);
      assertThat(rs.getLong("last_ts_ms")).isEqualTo(39_990L);
      assertThat(rs.getInt("sample_count")).isEqualTo(1000);
      assertThat(rs.getInt("window_count")).isEqualTo(3);
      assertThat(rs.getDouble("anomaly_score")).isEqualTo(0.5);
      assertThat(rs.getBoolean("is_anomaly")).isFalse();
      assertThat(rs.getDouble("threshold")).isEqualTo(0.42);
      assertThat((Double[]) rs.getArray("window_scores").getArray()).containsExactly(0.003, 0.5, 3 / 7.0);
      assertThat(rs.getString("source")).isEqualTo("api");
      assertThat(rs.getDouble("latency_ms")).isEqualTo(4.25);
      assertThat(rs.getBoolean("cached")).isFalse();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("request_id")).isEqualTo("cols-4");
      assertThat(rs.getString("asset_id")).isEqualTo("press-4");
      assertThat(rs.getBoolean("is_anomaly")).isTrue();
      assertThat(rs.getBoolean("cached")).isTrue();
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void a_request_id_written_twice_is_one_row() throws Exception {
    try (BufferedResultStore store = BufferedResultStore.forPostgres(settings(TestDatabase.url()))) {
      store.record(Results.number("dup", 1));
      store.record(Results.number("dup", 1));
      store.close(Duration.ofSeconds(10));
      assertThat(store.status().written()).isEqualTo(2);
    }
    assertThat(db.count("")).isEqualTo(1);
  }

  @Test
  void poisoned_rows_are_dead_lettered_with_the_reason_and_every_good_row_is_stored() throws Exception {
    String nul = "press\u0000-7";
    String lone = "a\ud800b";
    String huge = randomText(10_000); // past PostgreSQL's index row limit on asset_id
    try (BufferedResultStore store = BufferedResultStore.forPostgres(settings(TestDatabase.url()))) {
      store.record(Results.withAsset(Results.number("bad", 0), nul));
      for (int i = 0; i < 300; i++) {
        store.record(Results.number("good", i));
        if (i == 100) {
          store.record(Results.withAsset(Results.number("bad", 1), lone));
        }
        if (i == 200) {
          store.record(Results.withAsset(Results.number("bad", 2), huge));
        }
      }
      awaitRows(300, Duration.ofSeconds(30));
      store.close(Duration.ofSeconds(10));
      assertThat(store.status().deadLettered()).isEqualTo(3);
      assertThat(store.status().errors()).containsKeys("rejected:22021", "rejected:54000");
      assertThat(store.status().pending()).isZero();
      assertThat(store.status().healthy()).isTrue();
    }
    assertThat(db.count("WHERE request_id LIKE 'bad-%'")).isZero();
    try (Connection c = DriverManager.getConnection(TestDatabase.url()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT request_id, sql_state, reason, payload FROM " + db.schema
            + ".result_dead_letters ORDER BY request_id")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1) + " " + rs.getString(2));
        if (rs.getString(1).equals("bad-0")) {
          assertThat(rs.getString(4)).contains("press\\u0000-7");
          assertThat(rs.getString(3)).contains("NUL");
        }
        if (rs.getString(1).equals("bad-1")) {
          assertThat(rs.getString(4)).contains("a\\uD800b");
        }
      }
      assertThat(rows).containsExactly("bad-0 22021", "bad-1 22021", "bad-2 54000");
    }
  }

  @Test
  void loses_no_result_when_the_database_is_cut_off_mid_run() throws Exception {
    int before = 200;
    int during = 700;
    try (LoopbackProxy proxy = new LoopbackProxy(TestDatabase.port());
        BufferedResultStore store = BufferedResultStore.forPostgres(
            settings(TestDatabase.urlThrough(proxy.port())).withQueue(300, 50))) {
      for (int i = 0; i < before; i++) {
        store.record(Results.number("outage", i));
      }
      awaitRows(before, Duration.ofSeconds(20));

      proxy.cut();
      for (int i = before; i < before + during; i++) {
        store.record(Results.number("outage", i));
      }
      Thread.sleep(1500);
      assertThat(store.status().databaseUp()).isFalse();
      assertThat(store.status().pending()).isEqualTo(during);
      assertThat(store.status().healthy()).isFalse();
      assertThat(db.count("")).isEqualTo(before);

      proxy.restore();
      awaitRows(before + during, Duration.ofSeconds(30));
      assertThat(store.status().dropped()).isZero();
      assertThat(store.status().databaseUp()).isTrue();
    }
    assertThat(ids()).hasSize(before + during).contains("outage-0", "outage-" + (before + during - 1));
  }

  @Test
  void an_outage_in_the_middle_of_a_replay_loses_nothing_and_writes_each_result_once()
      throws Exception {
    int n = 3_000;
    DatabaseSettings s = settings(TestDatabase.url()).withQueue(100, 100);
    try (SpillJournal left = new SpillJournal(s.spillFile(), s.spillMaxBytes(), s.spillSync())) {
      for (int i = 0; i < n; i++) {
        left.append(List.of(Results.number("replay", i)));
      }
    }
    try (LoopbackProxy proxy = new LoopbackProxy(TestDatabase.port())) {
      PostgresResultWriter writer = new PostgresResultWriter(settings(TestDatabase.urlThrough(proxy.port())));
      writer.migrate();
      AtomicInteger batches = new AtomicInteger();
      // the database goes away after the replay's fifth batch of 100
      ResultDatabase cutting = new ResultDatabase() {
        @Override
        public void write(List<InferenceResult> batch) throws Exception {
          if (batches.incrementAndGet() == 6) {
            proxy.cut();
          }
          writer.write(batch);
        }

        @Override
        public void deadLetter(List<DeadLetter> letters) throws Exception {
          writer.deadLetter(letters);
        }

        @Override
        public void close() {
          writer.close();
        }
      };
      BufferedResultStore store = new BufferedResultStore(cutting,
          new SpillJournal(s.spillFile(), s.spillMaxBytes(), s.spillSync()), 100, 100,
          Duration.ofMillis(200), true);
      Poll.until(() -> !store.status().databaseUp(), Duration.ofSeconds(10));
      Thread.sleep(600); // a few attempts against the cut connection
      long stored = db.count("");
      assertThat(stored).isEqualTo(500);
      assertThat(store.status().pending()).isEqualTo(n - 500);

      proxy.restore();
      awaitRows(n, Duration.ofSeconds(30));
      Poll.until(() -> store.status().pending() == 0, Duration.ofSeconds(5));
      assertThat(store.status().dropped()).isZero();
      store.close(Duration.ofSeconds(5));
    }
    Set<String> ids = ids();
    assertThat(ids).hasSize(n).contains("replay-0", "replay-2999");
  }

  private Set<String> ids() throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection c = DriverManager.getConnection(TestDatabase.url()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT request_id FROM " + db.schema + ".inference_results")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private static String randomText(int n) {
    Random random = new Random(42);
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('a' + random.nextInt(26)));
    }
    return b.toString();
  }

  private void awaitRows(long n, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long rows = 0;
    while (System.nanoTime() < deadline) {
      rows = db.count("");
      if (rows == n) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(rows).as("rows after %s", timeout).isEqualTo(n);
  }
}
