package io.psa.results.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.container.persistence.TestDatabase;
import io.psa.model.Episode;
import io.psa.model.results.InferenceResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcResultWriterTest {
  @RegisterExtension final TestDatabase db = TestDatabase.perTest();

  @BeforeEach
  void database() throws Exception {
    Migrator.migrate(new JdbcSession(() -> DriverManager.getConnection(TestDatabase.url())),
        db.schema, Migrations.load(getClass().getClassLoader()));
  }

  static InferenceResult result(String id, String asset) {
    return new InferenceResult(id, asset, "default", "v1", Instant.ofEpochMilli(1_700_000_000_123L),
        0, 9_990, 1000, 3, 0.75, true, 0.7, new double[] {0.1, 0.75, 1 / 3.0}, "incoming/a.csv",
        2.5, false);
  }

  @Test
  void writes_every_column_and_a_request_id_once() throws Exception {
    JdbcResultWriter w = new JdbcResultWriter(() -> DriverManager.getConnection(TestDatabase.url()), db.schema);
    w.write(List.of(result("r1", null), result("r2", "press-7")));
    w.write(List.of(result("r1", null)));

    assertThat(db.count("")).isEqualTo(2);
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT * FROM " + db.schema + ".inference_results WHERE request_id = 'r2'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("asset_id")).isEqualTo("press-7");
      assertThat(rs.getTimestamp("received_at").toInstant()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
      assertThat(rs.getLong("last_ts_ms")).isEqualTo(9_990);
      assertThat(rs.getInt("sample_count")).isEqualTo(1000);
      assertThat(rs.getBoolean("is_anomaly")).isTrue();
      assertThat((Double[]) rs.getArray("window_scores").getArray()).containsExactly(0.1, 0.75, 1 / 3.0);
      assertThat(rs.getString("source")).isEqualTo("incoming/a.csv");
      assertThat(rs.getDouble("latency_ms")).isEqualTo(2.5);
    }
  }

  @Test
  void writes_the_episodes_with_their_result_in_one_transaction_and_each_once() throws Exception {
    InferenceResult base = result("r3", "press-7");
    InferenceResult r = new InferenceResult(base.requestId(), base.assetId(), base.modelName(),
        base.modelVersion(), base.receivedAt(), base.firstTsMs(), base.lastTsMs(),
        base.sampleCount(), base.windowCount(), base.anomalyScore(), base.isAnomaly(),
        base.threshold(), base.windowScores(), base.source(), base.latencyMs(), base.cached(),
        List.of(new Episode(250, 1_200, 4, 0.999, 950, List.of("Volume Flow RateRMS"),
                List.of("Volume Flow RateRMS.mean", "pressure.ptp"), false, false),
            new Episode(5_000, 9_990, 20, 0.97, 6_000, List.of("force"), List.of("force.rms"),
                true, false)));
    JdbcResultWriter w = new JdbcResultWriter(() -> DriverManager.getConnection(TestDatabase.url()), db.schema);
    w.write(List.of(r));
    w.write(List.of(r));

    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + db.schema
            + ".anomaly_episodes WHERE request_id = 'r3' ORDER BY ordinal")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt("ordinal")).isZero();
      assertThat(rs.getString("asset_id")).isEqualTo("press-7");
      assertThat(rs.getLong("start_ts_ms")).isEqualTo(250);
      assertThat(rs.getLong("end_ts_ms")).isEqualTo(1_200);
      assertThat(rs.getInt("windows")).isEqualTo(4);
      assertThat(rs.getDouble("peak_score")).isEqualTo(0.999);
      assertThat((String[]) rs.getArray("channels").getArray())
          .containsExactly("Volume Flow RateRMS");
      assertThat((String[]) rs.getArray("features").getArray())
          .containsExactly("Volume Flow RateRMS.mean", "pressure.ptp");
      assertThat(rs.getBoolean("open")).isFalse();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt("ordinal")).isEqualTo(1);
      assertThat(rs.getBoolean("open")).isTrue();
      assertThat(rs.next()).as("written twice, stored once").isFalse();
    }
  }
}
