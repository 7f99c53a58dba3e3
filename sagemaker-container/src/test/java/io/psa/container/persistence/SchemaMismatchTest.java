package io.psa.container.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.container.StandardError;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema migrated by other scripts than this build's (a migration edited after it was applied)
 * is named as such, with the version and both checksums, not reported as an unreachable
 * database; answers wait in the journal and are written once the history is repaired.
 */
class SchemaMismatchTest {
  @TempDir Path dir;
  @RegisterExtension final TestDatabase db = TestDatabase.perTest();

  private DatabaseSettings settings() {
    return DatabaseSettings.of(TestDatabase.url()).withSchema(db.schema)
        .withSpillFile(dir.resolve("spill.jsonl")).withMaxBackoff(Duration.ofMillis(200));
  }

  private void setChecksum(String version, String checksumSql) throws Exception {
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE " + db.schema + ".flyway_schema_history SET checksum = " + checksumSql
          + " WHERE version = '" + version + "'");
    }
  }

  @Test
  void an_edited_migration_is_named_and_nothing_is_lost_until_the_history_is_repaired()
      throws Exception {
    new PostgresResultWriter(settings()).migrate();
    int applied;
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT checksum FROM " + db.schema
            + ".flyway_schema_history WHERE version = '4'")) {
      rs.next();
      applied = rs.getInt(1);
    }
    setChecksum("4", "12345");

    BufferedResultStore[] store = new BufferedResultStore[1];
    String log = StandardError.capture(() -> {
      store[0] = BufferedResultStore.forPostgres(settings());
      store[0].record(Results.number("kept", 1));
    });

    assertThat(log.lines().filter(l -> l.contains("BufferedResultStore")).toList()).containsExactly(
        "[main] ERROR io.psa.container.persistence.BufferedResultStore - schema " + db.schema
            + " was migrated by scripts that differ from this build's (migration"
            + " V4__file_results.sql was changed after it was applied: checksum 12345 in the"
            + " database, " + applied + " in this build); restore the applied script, repair its"
            + " flyway_schema_history row, or set PSA_DB_SCHEMA to a new schema; results are kept"
            + " in " + dir.resolve("spill.jsonl") + " until then");
    assertThat(db.count("")).isZero();

    setChecksum("4", String.valueOf(applied));
    Poll.until(() -> db.count("WHERE request_id = 'kept-1'") == 1, Duration.ofSeconds(10));
    store[0].close(Duration.ofSeconds(5));
    assertThat(db.count("WHERE request_id = 'kept-1'")).isEqualTo(1);
  }
}
