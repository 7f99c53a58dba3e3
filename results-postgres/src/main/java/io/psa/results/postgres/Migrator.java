package io.psa.results.postgres;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the migrations a database lacks, in one transaction, under an advisory lock so that two
 * deploys at once apply each script once; running it again changes nothing. The server (at start)
 * and the Lambda migration handler (on deploy) both run it. It keeps Flyway's own history table
 * ({@code flyway_schema_history}, same columns, description and checksum), so a schema that an
 * earlier psa migrated with Flyway is accepted, and Flyway accepts one migrated here. A script
 * changed after it was applied, or a failed migration, stops it with a {@link
 * MigrationMismatchException}.
 */
public final class Migrator {

  /** The history table, as Flyway names it. */
  public static final String HISTORY = "flyway_schema_history";

  private static final List<String> RECORD = List.of("installed_rank", "version", "description",
      "script", "checksum", "execution_time");

  /**
   * @param applied the scripts applied by this run, in order (empty when none was missing)
   * @param version the schema's version afterwards
   */
  public record Outcome(List<String> applied, String version) {}

  private Migrator() {}

  /** Brings {@code schema} to the latest of {@code migrations}, creating it if needed. */
  public static Outcome migrate(SqlSession db, String schema, List<Migration> migrations)
      throws Exception {
    String s = ResultRow.checkSchema(schema);
    String recordSql = recordSql(s, db.namedParameters());
    List<String> applied = new ArrayList<>();
    String[] version = {null};
    db.inTransaction(tx -> {
      // count(*) so that the lock's void result is never returned (the Data API has no such type)
      tx.query("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('psa-migrations/"
          + s + "'))) AS locked");
      tx.execute("CREATE SCHEMA IF NOT EXISTS " + s);
      tx.execute("CREATE TABLE IF NOT EXISTS " + s + "." + HISTORY + " ("
          + "installed_rank INT NOT NULL CONSTRAINT " + HISTORY + "_pk PRIMARY KEY,"
          + " version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL,"
          + " script VARCHAR(1000) NOT NULL, checksum INTEGER, installed_by VARCHAR(100) NOT NULL,"
          + " installed_on TIMESTAMP NOT NULL DEFAULT now(), execution_time INTEGER NOT NULL,"
          + " success BOOLEAN NOT NULL)");
      tx.execute("CREATE INDEX IF NOT EXISTS " + HISTORY + "_s_idx ON " + s + "." + HISTORY
          + " (success)");
      Map<String, List<Object>> done = new HashMap<>();
      long rank = 0;
      for (List<Object> row : tx.query("SELECT installed_rank, version, checksum, success, script"
          + " FROM " + s + "." + HISTORY + " ORDER BY installed_rank")) {
        rank = Math.max(rank, ((Number) row.get(0)).longValue());
        if (row.get(1) != null) {
          done.put((String) row.get(1), row);
        }
      }
      for (Migration m : migrations) {
        List<Object> row = done.get(m.version());
        if (row != null) {
          check(s, m, row);
        } else {
          long start = System.nanoTime();
          tx.execute("SET LOCAL search_path TO " + s);
          for (String statement : SqlScript.statements(m.sql())) {
            tx.execute(statement);
          }
          int millis = (int) ((System.nanoTime() - start) / 1_000_000);
          tx.execute(recordSql, RECORD, new Object[] {(int) ++rank, m.version(), m.description(),
              m.script(), m.checksum(), millis});
          applied.add(m.script());
        }
        version[0] = m.version();
      }
    });
    return new Outcome(List.copyOf(applied), version[0]);
  }

  private static void check(String schema, Migration m, List<Object> row) {
    if (!Boolean.TRUE.equals(row.get(3))) {
      throw new MigrationMismatchException(schema, "migration " + row.get(4) + " failed earlier");
    }
    Object sum = row.get(2);
    if (sum == null || ((Number) sum).intValue() != m.checksum()) {
      throw new MigrationMismatchException(schema, "migration " + m.script() + " was changed"
          + " after it was applied: checksum " + sum + " in the database, " + m.checksum()
          + " in this build");
    }
  }

  /** The history row of an applied script, as Flyway writes it. */
  private static String recordSql(String schema, boolean named) {
    StringBuilder values = new StringBuilder();
    for (String c : RECORD) {
      values.append(ResultRow.parameter(c, named)).append(", ");
    }
    return "INSERT INTO " + schema + "." + HISTORY + " (" + String.join(", ", RECORD)
        + ", type, installed_by, success) VALUES (" + values + "'SQL', current_user, true)";
  }
}
