package io.psa.results.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.container.persistence.TestDatabase;
import java.sql.DriverManager;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The migrator against the real PostgreSQL, and against Flyway on the same schema: earlier psa
 * servers migrated with Flyway, and their schemas must go on working.
 */
class MigratorTest {
  static {
    System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "warn"); // its banner
  }

  @RegisterExtension final TestDatabase db = TestDatabase.perTest();
  private final SqlSession jdbc = new JdbcSession(() -> DriverManager.getConnection(TestDatabase.url()));

  private Flyway flyway() {
    return Flyway.configure().dataSource(TestDatabase.url(), null, null).schemas(db.schema)
        .defaultSchema(db.schema).createSchemas(true).locations("classpath:db/migration/psa").load();
  }

  @Test
  void applies_every_script_once_and_a_second_run_changes_nothing() throws Exception {
    List<Migration> all = Migrations.load(getClass().getClassLoader());
    Migrator.Outcome first = Migrator.migrate(jdbc, db.schema, all);
    Migrator.Outcome again = Migrator.migrate(jdbc, db.schema, all);

    assertThat(first.applied()).first().isEqualTo("V1__inference_results.sql");
    assertThat(first.applied()).hasSize(all.size());
    assertThat(again.applied()).isEmpty();
    assertThat(again.version()).isEqualTo(all.getLast().version());
    assertThat(db.count("")).isZero(); // the table exists, in the schema
  }

  @Test
  void flyway_accepts_a_schema_the_migrator_made_and_applies_nothing() throws Exception {
    Migrator.migrate(jdbc, db.schema, Migrations.load(getClass().getClassLoader()));

    flyway().validate();
    assertThat(flyway().migrate().migrationsExecuted).isZero();
  }

  @Test
  void the_migrator_accepts_a_schema_flyway_made_and_applies_nothing() throws Exception {
    assertThat(flyway().migrate().migrationsExecuted).isPositive();

    Migrator.Outcome o = Migrator.migrate(jdbc, db.schema, Migrations.load(getClass().getClassLoader()));
    assertThat(o.applied()).isEmpty();
  }

  @Test
  void a_script_changed_after_it_was_applied_is_refused_naming_it() throws Exception {
    Migrator.migrate(jdbc, db.schema, Migrations.load(getClass().getClassLoader()));
    Migration edited = Migration.of("V1__inference_results.sql", "SELECT 1;");

    assertThatThrownBy(() -> Migrator.migrate(jdbc, db.schema, List.of(edited)))
        .isInstanceOf(MigrationMismatchException.class)
        .hasMessageContaining("V1__inference_results.sql was changed after it was applied");
  }

  @Test
  void a_failing_script_leaves_nothing_behind() throws Exception {
    List<Migration> bad = List.of(Migration.of("V1__half.sql",
        "CREATE TABLE t1 (a int); CREATE TABLE t2 (b nosuchtype);"));

    assertThatThrownBy(() -> Migrator.migrate(jdbc, db.schema, bad)).hasMessageContaining("nosuchtype");
    try (var c = DriverManager.getConnection(TestDatabase.url());
        var rs = c.createStatement().executeQuery("SELECT count(*) FROM information_schema.schemata"
            + " WHERE schema_name = '" + db.schema + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }
}
