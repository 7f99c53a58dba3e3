package io.psa.lambda.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.container.persistence.TestDatabase;
import io.psa.lambda.testing.DataApiDatabase;
import io.psa.model.Episode;
import io.psa.model.scoring.SegmentedScorer;
import io.psa.results.postgres.JdbcSession;
import io.psa.results.postgres.Migrations;
import io.psa.results.postgres.Migrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The file ledger through both of its adapters, JDBC and the RDS Data API (the real SDK client
 * against the shim over PostgreSQL): what comes from outside (object keys, error messages,
 * channel names) is stored exactly as given, however it is quoted.
 */
class FileLedgerTest {
  // quotes, a backslash, dollar quoting, a statement separator and a comment: stored as text
  private static final String KEY =
      "incoming/line 3/o'brien \\ \"x\" $$; DROP TABLE file_results; --/ü.csv";
  private static final FileKey FILE = new FileKey("psa-data", KEY, "v'1", null, 10);

  private AutoCloseable resources;
  private TestDatabase db;
  private FileLedger ledger;
  private List<String> sentSql = List.of(); // what the Data API received, as SQL text

  private void open(String adapter) throws Exception {
    if (adapter.equals("jdbc")) {
      TestDatabase test = TestDatabase.require();
      JdbcSession session = new JdbcSession(() -> DriverManager.getConnection(TestDatabase.url()));
      Migrator.migrate(session, test.schema, Migrations.load(getClass().getClassLoader()));
      db = test;
      ledger = new FileLedger(session, test.schema);
      resources = test::dropSchema;
    } else {
      DataApiDatabase data = new DataApiDatabase();
      resources = data;
      data.databases.migrate();
      db = data.db;
      ledger = new FileLedger(data.databases.session(), db.schema);
      sentSql = data.shim.statements;
    }
  }

  @AfterEach
  void close() throws Exception {
    resources.close();
  }

  private static FileSummary summary(List<Episode> episodes) {
    return new FileSummary(360_000, 2, List.of(new SegmentedScorer.Gap(1_000, 10_000, 40_000)),
        List.of(), 3_590, 12, 0.99991, Double.NaN, episodes, 0, 3_599_990);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdbc", "data-api"})
  void a_scored_file_and_its_episodes_are_stored_as_given(String adapter) throws Exception {
    open(adapter);
    Episode e = new Episode(50_000, 61_000, 12, 0.99991, 55_000,
        List.of("pres'sure", "a,b \"c\" {d}"), List.of("pres'sure.ptp"), false, false);
    assertThat(ledger.status(FILE)).isNull();

    ledger.scored(FILE, "default", "v'7", summary(List.of(e)), 950.5);

    assertThat(ledger.status(FILE)).isEqualTo("scored");
    assertThat(ledger.status(new FileKey("psa-data", KEY, "v'2", null, 10))).isNull();
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + db.schema + ".file_results")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("object_key")).isEqualTo(KEY);
      assertThat(rs.getString("object_version")).isEqualTo("v'1");
      assertThat(rs.getString("model_version")).isEqualTo("v'7");
      assertThat(rs.getLong("rows_read")).isEqualTo(360_000);
      assertThat(rs.getInt("gaps")).isEqualTo(1);
      assertThat(rs.getDouble("max_score")).isEqualTo(0.99991);
      assertThat(rs.getObject("threshold")).as("NaN stored as NULL").isNull();
      assertThat(rs.getLong("last_ts_ms")).isEqualTo(3_599_990);
      assertThat(rs.getString("output_key")).isEqualTo("results/" + KEY.substring(9) + ".jsonl");
      assertThat(rs.getString("error_code")).isNull();
      assertThat(rs.getDouble("duration_ms")).isEqualTo(950.5);
      assertThat(rs.next()).isFalse();
    }
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT * FROM " + db.schema + ".anomaly_episodes")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("request_id")).isEqualTo("s3://psa-data/" + KEY + "#v'1");
      assertThat(rs.getString("asset_id")).isNull();
      assertThat((String[]) rs.getArray("channels").getArray())
          .containsExactly("pres'sure", "a,b \"c\" {d}");
      assertThat((String[]) rs.getArray("features").getArray()).containsExactly("pres'sure.ptp");
      assertThat(rs.getLong("peak_ts_ms")).isEqualTo(55_000);
      assertThat(rs.next()).isFalse();
    }
    if (adapter.equals("data-api")) {
      // the values went as parameters: no statement text holds them
      assertThat(sentSql).anyMatch(sql -> sql.startsWith("INSERT INTO " + db.schema + ".file_results"))
          .noneMatch(sql -> sql.contains("brien") || sql.contains("pres'sure"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdbc", "data-api"})
  void a_failed_file_keeps_its_reason_and_a_second_record_changes_nothing(String adapter)
      throws Exception {
    open(adapter);
    String message = "line 7: pressure: 'x' is not a number; \\N";
    ledger.failed(FILE, "invalid_value", message, "pressure", 7L, 12.0);
    ledger.scored(FILE, "default", "v7", summary(List.of()), 1.0);

    assertThat(ledger.status(FILE)).isEqualTo("failed");
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + db.schema + ".file_results")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("error_message")).isEqualTo(message);
      assertThat(rs.getLong("error_line")).isEqualTo(7);
      assertThat(rs.getString("model_name")).isNull();
      assertThat(rs.getObject("max_score")).isNull();
      assertThat(rs.getString("output_key")).isEqualTo("failed/" + KEY.substring(9));
      assertThat(rs.next()).isFalse();
    }
  }
}
