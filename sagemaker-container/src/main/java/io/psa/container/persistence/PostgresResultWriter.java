package io.psa.container.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.psa.model.artifact.Checksums;
import io.psa.model.results.InferenceResult;
import io.psa.results.postgres.JdbcResultWriter;
import io.psa.results.postgres.JdbcSession;
import io.psa.results.postgres.Migration;
import io.psa.results.postgres.MigrationMismatchException;
import io.psa.results.postgres.Migrations;
import io.psa.results.postgres.Migrator;
import io.psa.results.postgres.ResultRow;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches to {@code <schema>.inference_results} through a small Hikari pool, one
 * transaction per batch, with results-postgres's {@link JdbcResultWriter} (the rows the Lambda
 * functions write too), and refused rows to {@code <schema>.result_dead_letters}. The migrations
 * (results-postgres's {@code db/migration/psa}, applied by its {@link Migrator} as the Lambda
 * migration handler applies them) run before the first write, so a server started while the
 * database is away still starts and migrates once it answers.
 */
public final class PostgresResultWriter implements ResultDatabase {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresResultWriter.class);
  private static final List<Migration> MIGRATIONS =
      Migrations.load(PostgresResultWriter.class.getClassLoader());

  private final HikariDataSource pool;
  private final String schema;
  private final JdbcResultWriter rows;
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
    this.rows = new JdbcResultWriter(pool::getConnection, schema);
    this.insertDeadLetter = ResultRow.insertSql(schema, "result_dead_letters", List.of("request_id",
        "failed_at", "sql_state", "reason", "payload", "payload_sha256"), Map.of(), "payload_sha256",
        false);
  }

  /**
   * Runs the migrations now (also done lazily before the first write).
   *
   * @throws MigrationMismatchException when the schema was migrated by other scripts
   * @throws SchemaMigrationException when the database refuses a script or its history row
   * @throws SQLException when the database does not answer
   */
  public synchronized void migrate() throws SQLException {
    if (migrated) {
      return;
    }
    Migrator.Outcome result;
    try {
      result = Migrator.migrate(new JdbcSession(pool::getConnection), schema, MIGRATIONS);
    } catch (SQLException e) {
      if (WriteFailure.of(e).kind() == WriteFailure.Kind.UNREACHABLE) {
        throw e;
      }
      throw new SchemaMigrationException(schema, e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e); // the JDBC session throws nothing else
    }
    if (!result.applied().isEmpty()) {
      LOG.info("database schema {} migrated to version {} ({} migrations applied)",
          schema, result.version(), result.applied().size());
    } else {
      LOG.info("database schema {} is up to date", schema);
    }
    migrated = true;
  }

  @Override
  public void write(List<InferenceResult> batch) throws SQLException {
    migrate();
    rows.write(batch);
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
        ps.setString(6, Checksums.sha256(d.payload().getBytes(StandardCharsets.UTF_8)));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
