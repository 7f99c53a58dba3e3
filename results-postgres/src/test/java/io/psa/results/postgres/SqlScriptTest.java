package io.psa.results.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

  @Test
  void splits_at_semicolons_outside_quotes_comments_and_dollar_bodies() {
    String sql = """
        -- a comment; with a semicolon
        CREATE TABLE a (s text DEFAULT 'x;y', "odd;name" int); /* block; */
        CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
        INSERT INTO a VALUES ('it''s; fine')
        """;
    assertThat(SqlScript.statements(sql)).containsExactly(
        "-- a comment; with a semicolon\nCREATE TABLE a (s text DEFAULT 'x;y', \"odd;name\" int)",
        "/* block; */\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql",
        "INSERT INTO a VALUES ('it''s; fine')");
  }

  @Test
  void a_script_of_comments_only_has_no_statement() {
    assertThat(SqlScript.statements("-- nothing\n/* here */\n;\n")).isEmpty();
  }

  @Test
  void migration_names_give_flyway_versions_and_descriptions() {
    Migration m = Migration.of("V4__file_results.sql", "SELECT 1;\r\nSELECT 2;");
    assertThat(m.version()).isEqualTo("4");
    assertThat(m.description()).isEqualTo("file results");
    // line endings do not count, as in Flyway
    assertThat(m.checksum()).isEqualTo(Migration.of("V4__x.sql", "SELECT 1;\nSELECT 2;").checksum());
    assertThat(Migration.of("V10__b.sql", "").compareVersion("2")).isPositive();
  }
}
