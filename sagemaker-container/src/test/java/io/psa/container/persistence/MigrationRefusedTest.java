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
 * A migration the database refuses with a data-class SQLSTATE (here a check constraint on the
 * history table, class 23) is the schema's failure, not the rows': the results wait in the
 * journal, nothing is dead-lettered or dropped, and all are written once the schema is fixed.
 */
class MigrationRefusedTest {
  @TempDir Path dir;
  @RegisterExtension final TestDatabase db = TestDatabase.perTest();

  private void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @Test
  void a_refused_migration_keeps_every_result_until_the_schema_is_fixed() throws Exception {
    // a history table that refuses every row the migrator records
    sql("CREATE SCHEMA " + db.schema);
    sql("CREATE TABLE " + db.schema + ".flyway_schema_history (installed_rank INT NOT NULL"
        + " CONSTRAINT flyway_schema_history_pk PRIMARY KEY, version VARCHAR(50), description"
        + " VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL,"
        + " checksum INTEGER, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL"
        + " DEFAULT now(), execution_time INTEGER NOT NULL, success BOOLEAN NOT NULL,"
        + " CONSTRAINT nothing_recorded CHECK (execution_time < 0))");
    DatabaseSettings settings = DatabaseSettings.of(TestDatabase.url()).withSchema(db.schema)
        .withSpillFile(dir.resolve("spill.jsonl")).withMaxBackoff(Duration.ofMillis(200));

    BufferedResultStore[] store = new BufferedResultStore[1];
    String log = StandardError.capture(() -> {
      store[0] = BufferedResultStore.forPostgres(settings);
      for (int i = 0; i < 5; i++) {
        store[0].record(Results.number("kept", i));
      }
      Thread.sleep(1_000); // several write attempts, each refused by the migration
    });

    StoreStatus s = store[0].status();
    assertThat(s.dropped()).isZero();
    assertThat(s.deadLettered()).isZero();
    assertThat(s.pending()).isEqualTo(5);
    assertThat(log.lines().filter(l -> l.contains("ERROR")).toList()).singleElement().asString()
        .contains("schema " + db.schema + " could not be migrated", "nothing_recorded",
            "results are kept in " + dir.resolve("spill.jsonl"));

    sql("ALTER TABLE " + db.schema + ".flyway_schema_history DROP CONSTRAINT nothing_recorded");
    Poll.until(() -> store[0].status().written() == 5, Duration.ofSeconds(10));
    store[0].close(Duration.ofSeconds(5));
    assertThat(db.count("WHERE request_id LIKE 'kept-%'")).isEqualTo(5);
    assertThat(store[0].status().dropped()).isZero();
  }
}
