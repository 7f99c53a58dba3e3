package io.psa.container.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real PostgreSQL ({@link TestDatabase}), each test in its own schema. */
class PostgresResultStoreTest {
  @TempDir Path dir;
  private TestDatabase db;

  @BeforeEach
  void database() {
    db = TestDatabase.require();
  }

  @AfterEach
  void drop() throws Exception {
    if (db != null) { // null when the set-up skipped the test
      db.dropSchema();
    }
  }

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
  void loses_no_result_when_the_database_is_cut_off_mid_run() throws Exception {
    int before = 200;
    int during = 700; // more than the queue holds: the rest goes through the spill file
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
      assertThat(store.status().spilled()).isPositive();
      assertThat(db.count("")).isEqualTo(before);

      proxy.restore();
      awaitRows(before + during, Duration.ofSeconds(30));
      assertThat(store.status().dropped()).isZero();
      assertThat(store.status().databaseUp()).isTrue();
    }
    Set<String> ids = new HashSet<>();
    try (Connection c = DriverManager.getConnection(TestDatabase.url()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT request_id FROM " + db.schema + ".inference_results")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    assertThat(ids).hasSize(before + during).contains("outage-0", "outage-" + (before + during - 1));
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
