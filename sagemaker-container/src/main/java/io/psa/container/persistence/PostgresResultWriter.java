package io.psa.container.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.psa.model.results.InferenceResult;
import io.psa.model.results.ResultWriter;
import io.psa.results.postgres.JdbcResultWriter;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches to {@code <schema>.inference_results} through a small Hikari pool, one
 * transaction per batch, with results-postgres's {@link JdbcResultWriter} (the rows the Lambda
 * functions write too). The Flyway migrations (results-postgres's {@code db/migration/psa}) run
 * before the first write, so a server started while the database is away still starts and
 * migrates once it answers.
 */
public final class PostgresResultWriter implements ResultWriter, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresResultWriter.class);

  private final HikariDataSource pool;
  private final String schema;
  private final JdbcResultWriter rows;
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
    rows.write(batch);
  }

  @Override
  public void close() {
    pool.close();
  }
}
