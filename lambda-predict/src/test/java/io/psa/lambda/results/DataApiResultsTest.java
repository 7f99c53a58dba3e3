package io.psa.lambda.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.container.persistence.TestDatabase;
import io.psa.lambda.testing.CapturedLog;
import io.psa.lambda.testing.DataApiDatabase;
import io.psa.lambda.testing.DataApiShim;
import io.psa.model.Episode;
import io.psa.model.results.InferenceResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.model.BadRequestException;

/** The RDS Data API adapters, through the real SDK client, against the shim over PostgreSQL. */
class DataApiResultsTest {
  private DataApiDatabase data;
  private TestDatabase db;
  private DataApiShim shim;
  private Databases databases;

  @BeforeEach
  void start() throws Exception {
    data = new DataApiDatabase();
    db = data.db;
    shim = data.shim;
    databases = data.databases;
  }

  @AfterEach
  void stop() throws Exception {
    data.close();
  }

  private static InferenceResult row(String id, String asset) {
    return new InferenceResult(id, asset, "default", "v7", Instant.parse("2026-11-29T15:10:00.125Z"),
        1_000, 10_990, 1_000, 37, 0.9991, true, 0.995, new double[] {0.12, 0.5, 0.9991, 1e-9},
        "api", 3.25, false);
  }

  @Test
  void migrates_through_transactions_and_a_second_run_applies_nothing() throws Exception {
    assertThat(databases.migrate().applied()).contains("V1__inference_results.sql");
    assertThat(databases.migrate().applied()).isEmpty();
    assertThat(shim.calls.get("BeginTransaction").get()).isEqualTo(2);
    assertThat(shim.calls.get("CommitTransaction").get()).isEqualTo(2);
    assertThat(db.count("")).isZero();
  }

  @Test
  void writes_every_column_as_the_jdbc_writer_does_and_each_request_id_once() throws Exception {
    databases.migrate();
    databases.writer().write(List.of(row("d1", null), row("d2", "press-07")));
    databases.writer().write(List.of(row("d2", "press-07")));

    assertThat(db.count("")).isEqualTo(2);
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT * FROM " + db.schema + ".inference_results ORDER BY request_id")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("asset_id")).isNull();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("request_id")).isEqualTo("d2");
      assertThat(rs.getString("asset_id")).isEqualTo("press-07");
      assertThat(rs.getTimestamp("received_at").toInstant()).isEqualTo(Instant.parse("2026-11-29T15:10:00.125Z"));
      assertThat(rs.getLong("first_ts_ms")).isEqualTo(1_000);
      assertThat(rs.getInt("window_count")).isEqualTo(37);
      assertThat(rs.getDouble("anomaly_score")).isEqualTo(0.9991);
      assertThat(rs.getBoolean("is_anomaly")).isTrue();
      assertThat((Double[]) rs.getArray("window_scores").getArray()).containsExactly(0.12, 0.5, 0.9991, 1e-9);
      assertThat(rs.getDouble("latency_ms")).isEqualTo(3.25);
    }
  }

  @Test
  void writes_episodes_with_quoted_names_through_text_array_literals() throws Exception {
    databases.migrate();
    InferenceResult base = row("d3", "press-07");
    InferenceResult r = new InferenceResult(base.requestId(), base.assetId(), base.modelName(),
        base.modelVersion(), base.receivedAt(), base.firstTsMs(), base.lastTsMs(),
        base.sampleCount(), base.windowCount(), base.anomalyScore(), base.isAnomaly(),
        base.threshold(), base.windowScores(), base.source(), base.latencyMs(), base.cached(),
        List.of(new Episode(3_250, 6_700, 10, 0.99999, 5_450,
            List.of("Volume Flow RateRMS", "odd \"name\\"), List.of("pressure.ptp"), false,
            false)));
    databases.writer().write(List.of(r));
    databases.writer().write(List.of(r));

    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT * FROM " + db.schema + ".anomaly_episodes")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("request_id")).isEqualTo("d3");
      assertThat(rs.getLong("peak_ts_ms")).isEqualTo(5_450);
      assertThat((String[]) rs.getArray("channels").getArray())
          .containsExactly("Volume Flow RateRMS", "odd \"name\\");
      assertThat(rs.next()).as("written twice, stored once").isFalse();
    }
  }

  @Test
  void a_database_error_reaches_the_caller_and_the_sink_logs_the_rows_instead() throws Exception {
    // no migration: the table does not exist
    assertThatThrownBy(() -> databases.writer().write(List.of(row("x", null))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("does not exist");
    var sink = new ResultSink(databases.writer(), 2, java.time.Duration.ofMillis(10));
    try (CapturedLog log = CapturedLog.start()) {
      assertThat(sink.record(List.of(row("x", null)), "req-1")).isFalse();
      assertThat(log.lines()).anyMatch(l -> l.contains("\"level\":\"ERROR\"")
          && l.contains("results database unavailable after 2 attempts"));
      assertThat(log.lines()).anyMatch(l -> l.contains("result not stored")
          && l.contains("\"request_id\":\"x\""));
    }
    assertThat(shim.calls.get("BatchExecute").get()).isEqualTo(3);
  }
}
