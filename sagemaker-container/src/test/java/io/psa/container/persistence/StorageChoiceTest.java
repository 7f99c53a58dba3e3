package io.psa.container.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where results go, from --db, PSA_DB_URL and PSA_DB. */
class StorageChoiceTest {
  private static final String URL = "jdbc:postgresql://db:5432/psa?user=psa";
  private static final Map<String, String> HOME = Map.of("PSA_HOME", "/data/psa");

  @Test
  void with_nothing_set_results_go_to_the_embedded_database_under_psa_home() {
    StorageChoice c = StorageChoice.resolve(null, HOME);

    assertThat(c.kind()).isEqualTo(StorageChoice.Kind.EMBEDDED);
    assertThat(c.directory()).isEqualTo(Path.of("/data/psa/postgres"));
    assertThat(c.describe()).isEqualTo("the embedded PostgreSQL in /data/psa/postgres");
    assertThat(c.settings("jdbc:postgresql://localhost:1/postgres", HOME).spillFile())
        .isEqualTo(Path.of("/data/psa/spill.jsonl"));
  }

  @Test
  void psa_db_url_wins_over_psa_db_so_the_stateless_image_stores_once_a_url_is_given() {
    assertThat(StorageChoice.resolve(null, Map.of("PSA_DB", "none")).kind())
        .isEqualTo(StorageChoice.Kind.NONE);
    StorageChoice c = StorageChoice.resolve(null, Map.of("PSA_DB", "none", "PSA_DB_URL", URL));
    assertThat(c.kind()).isEqualTo(StorageChoice.Kind.SERVER);
    assertThat(c.jdbcUrl()).isEqualTo(URL);
  }

  @Test
  void the_db_option_wins_over_the_environment() {
    Map<String, String> env = Map.of("PSA_DB_URL", URL);

    assertThat(StorageChoice.resolve("none", env).kind()).isEqualTo(StorageChoice.Kind.NONE);
    assertThat(StorageChoice.resolve("embedded", env).kind()).isEqualTo(StorageChoice.Kind.EMBEDDED);
    assertThat(StorageChoice.resolve("jdbc:postgresql://other/x", env).jdbcUrl())
        .isEqualTo("jdbc:postgresql://other/x");
  }

  @Test
  void a_value_it_cannot_use_is_refused_naming_where_it_came_from() {
    assertThatThrownBy(() -> StorageChoice.resolve("mysql", Map.of()))
        .hasMessage("--db: expected none, embedded or a jdbc:postgresql: URL, got 'mysql'");
    assertThatThrownBy(() -> StorageChoice.resolve(null, Map.of("PSA_DB_URL", "postgres://x")))
        .hasMessage("PSA_DB_URL: expected a jdbc:postgresql: URL, got 'postgres://x'");
    assertThatThrownBy(() -> StorageChoice.resolve(null, Map.of("PSA_DB", "yes")))
        .hasMessage("PSA_DB: expected none or embedded, got 'yes'");
  }

  @Test
  void a_password_is_not_shown() {
    assertThat(StorageChoice.resolve("jdbc:postgresql://db/psa?user=psa&password=s3cret&ssl=true", Map.of())
        .describe()).isEqualTo("jdbc:postgresql://db/psa?user=psa&password=***&ssl=true");
  }
}
