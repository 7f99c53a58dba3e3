package io.psa.container.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL on a folder of its own: real servers, started and stopped here. */
class EmbeddedDatabaseTest {
  @TempDir Path home;

  @Test
  void rows_survive_a_restart_on_the_same_folder_and_a_second_owner_is_refused() throws Exception {
    Path dir = home.resolve("postgres");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir)) {
      assertThat(EmbeddedDatabase.exists(dir)).isTrue();
      execute(db.jdbcUrl(), "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");

      assertThatThrownBy(() -> EmbeddedDatabase.start(dir))
          .isInstanceOf(EmbeddedDatabaseException.class)
          .hasMessage("the embedded database " + dir + " is in use by another psa process"
              + " (psa serve?); stop it, or use --db none or PSA_DB_URL");
      // another process (psa results) reads the owner's server
      EmbeddedDatabase shared = EmbeddedDatabase.running(dir).orElseThrow();
      assertThat(shared.jdbcUrl()).isEqualTo(db.jdbcUrl());
      assertThat(single(shared.jdbcUrl(), "SELECT v FROM kept")).isEqualTo(42);
    }
    assertThat(EmbeddedDatabase.running(dir)).isEmpty();
    assertThat(Files.exists(dir.resolve("postmaster.pid"))).as("server stopped").isFalse();

    try (EmbeddedDatabase again = EmbeddedDatabase.start(dir)) {
      assertThat(single(again.jdbcUrl(), "SELECT v FROM kept")).isEqualTo(42);
    }
  }

  @Test
  void a_folder_made_by_another_postgresql_version_is_refused_with_what_to_do() throws Exception {
    Path dir = Files.createDirectories(home.resolve("postgres"));
    Files.writeString(dir.resolve("PG_VERSION"), "16\n");

    assertThatThrownBy(() -> EmbeddedDatabase.start(dir))
        .isInstanceOf(EmbeddedDatabaseException.class)
        .hasMessage("the embedded database " + dir + " holds a PostgreSQL 16 database and psa"
            + " embeds PostgreSQL 17; move the folder away (or set PSA_HOME) to start a new one");
  }

  @Test
  void the_folder_is_postgres_under_psa_home_else_under_dot_psa_in_the_home_directory() {
    assertThat(EmbeddedDatabase.defaultDirectory(Map.of("PSA_HOME", home.toString())))
        .isEqualTo(home.resolve("postgres"));
    assertThat(EmbeddedDatabase.defaultDirectory(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".psa", "postgres"));
  }

  private static void execute(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static int single(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
