package io.psa.container.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.psa.dsp.ValidationException;
import io.psa.dsp.input.StoredText;
import io.psa.model.results.InferenceResult;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches to {@code <schema>.inference_results} through a small Hikari pool, one
 * transaction per batch, and refused rows to {@code <schema>.result_dead_letters}. The Flyway
 * migrations run before the first write, so a server started while the database is away still
 * starts and migrates once it answers.
 */
public final class PostgresResultWriter implements ResultDatabase {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresResultWriter.class);

  private final HikariDataSource pool;
  private final String schema;
  private final String insert;
  private final String insertDeadLetter;
  private volatile boolean migrated;

  public PostgresResultWriter(DatabaseSettings settings) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(settings.jdbcUrl());
    c.setPoolName("psa-results");
    // one writer thread; a second connection covers a migration racing a health check
    c.setMaximumPoolSize(2);
    c.setMinimumIdle(0);
    c.setConnectionTimeout(settings.connectTimeout().toMillis());
    c.setValidationTimeout(Math.max(250, settings.connectTimeout().toMillis() / 2));
    // never fail construction: an unreachable database is a state the store retries through
    c.setInitializationFailTimeout(-1);
    c.addDataSourceProperty("reWriteBatchedInserts", "true");
    c.addDataSourceProperty("socketTimeout", "30");
    this.pool = new HikariDataSource(c);
    this.schema = settings.schema();
    this.insert = "INSERT INTO " + schema + ".inference_results (request_id, asset_id, model_name,"
        + " model_version, received_at, first_ts_ms, last_ts_ms, sample_count, window_count,"
        + " anomaly_score, is_anomaly, threshold, window_scores, source, latency_ms, cached)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (request_id) DO NOTHING";
    this.insertDeadLetter = "INSERT INTO " + schema + ".result_dead_letters (request_id, failed_at,"
        + " sql_state, reason, payload, payload_sha256) VALUES (?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (payload_sha256) DO NOTHING";
  }

  /** Runs the migrations now (also done lazily before the first write). */
  public synchronized void migrate() {
    if (migrated) {
      return;
    }
    var result = Flyway.configure()
        .dataSource(pool)
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .locations("classpath:db/migration/psa")
        .load()
        .migrate();
    if (result.migrationsExecuted > 0) {
      LOG.info("database schema {} migrated to version {} ({} migrations applied)",
          schema, result.targetSchemaVersion, result.migrationsExecuted);
    } else {
      LOG.info("database schema {} is up to date", schema);
    }
    migrated = true;
  }

  @Override
  public void write(List<InferenceResult> batch) throws SQLException {
    migrate();
    try (Connection conn = pool.getConnection()) {
      conn.setAutoCommit(false);
      try (PreparedStatement ps = conn.prepareStatement(insert)) {
        for (InferenceResult r : batch) {
          bind(conn, ps, r);
          ps.addBatch();
        }
        ps.executeBatch();
        conn.commit();
      } catch (SQLException e) {
        try {
          conn.rollback();
        } catch (SQLException lost) {
          e.addSuppressed(lost); // the connection is gone: the write's own error says why
        }
        throw e;
      }
    }
  }

  private static void bind(Connection conn, PreparedStatement ps, InferenceResult r)
      throws SQLException {
    ps.setString(1, storable("request_id", r.requestId()));
    if (r.assetId() == null) {
      ps.setNull(2, Types.VARCHAR);
    } else {
      ps.setString(2, storable("asset_id", r.assetId()));
    }
    ps.setString(3, storable("model_name", r.modelName()));
    ps.setString(4, storable("model_version", r.modelVersion()));
    ps.setTimestamp(5, Timestamp.from(r.receivedAt()));
    ps.setLong(6, r.firstTsMs());
    ps.setLong(7, r.lastTsMs());
    ps.setInt(8, r.sampleCount());
    ps.setInt(9, r.windowCount());
    ps.setDouble(10, r.anomalyScore());
    ps.setBoolean(11, r.isAnomaly());
    ps.setDouble(12, r.threshold());
    Double[] boxed = new Double[r.windowScores().length];
    for (int i = 0; i < boxed.length; i++) {
      boxed[i] = r.windowScores()[i];
    }
    Array scores = conn.createArrayOf("float8", boxed);
    ps.setArray(13, scores);
    ps.setString(14, storable("source", r.source()));
    ps.setDouble(15, r.latencyMs());
    ps.setBoolean(16, r.cached());
  }

  /**
   * A text PostgreSQL would refuse (NUL) or silently alter (an unpaired surrogate becomes {@code
   * ?}) is refused here as the database refuses a character it cannot encode, SQLSTATE 22021, so
   * that the row is dead-lettered rather than stored differently from its answer.
   */
  private static String storable(String field, String value) throws SQLException {
    try {
      return StoredText.check(field, value, Integer.MAX_VALUE);
    } catch (ValidationException e) {
      throw new SQLException(e.getMessage(), "22021");
    }
  }

  @Override
  public void deadLetter(List<DeadLetter> letters) throws SQLException {
    migrate();
    try (Connection conn = pool.getConnection();
        PreparedStatement ps = conn.prepareStatement(insertDeadLetter)) {
      for (DeadLetter d : letters) {
        ps.setString(1, d.requestId());
        ps.setTimestamp(2, Timestamp.from(d.failedAt()));
        ps.setString(3, d.sqlState());
        ps.setString(4, ResultLines.ascii(d.reason()));
        ps.setString(5, d.payload());
        ps.setString(6, sha256(d.payload()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
