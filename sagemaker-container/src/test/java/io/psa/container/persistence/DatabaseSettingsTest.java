package io.psa.container.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  @Test
  void no_psa_db_url_means_no_database() {
    assertThat(DatabaseSettings.fromEnv(Map.of())).isNull();
    assertThat(DatabaseSettings.fromEnv(Map.of("PSA_DB_URL", "  "))).isNull();
  }

  @Test
  void reads_url_schema_queue_and_spill_file_from_the_environment() {
    DatabaseSettings s = DatabaseSettings.fromEnv(Map.of(
        "PSA_DB_URL", "jdbc:postgresql://db:5432/psa", "PSA_DB_SCHEMA", "results",
        "PSA_DB_QUEUE", "5000", "PSA_DB_SPILL", "/var/tmp/spill.jsonl"));

    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/psa");
    assertThat(s.schema()).isEqualTo("results");
    assertThat(s.queueCapacity()).isEqualTo(5000);
    assertThat(s.spillFile()).isEqualTo(Path.of("/var/tmp/spill.jsonl"));
    assertThat(s.batchSize()).isEqualTo(500);
  }

  @Test
  void defaults_are_schema_psa_a_memory_queue_of_10000_and_a_journal_of_1_gib() {
    DatabaseSettings s = DatabaseSettings.fromEnv(Map.of("PSA_DB_URL", "jdbc:postgresql://h/d"));

    assertThat(s.schema()).isEqualTo("psa");
    assertThat(s.queueCapacity()).isEqualTo(10_000);
    assertThat(s.spillMaxBytes()).isEqualTo(1L << 30);
    assertThat(s.spillSync()).hasSeconds(1);
  }

  @Test
  void reads_the_journal_cap_in_megabytes() {
    DatabaseSettings s = DatabaseSettings.fromEnv(Map.of("PSA_DB_URL", "jdbc:postgresql://h/d",
        "PSA_DB_SPILL_MAX_MB", "64"));

    assertThat(s.spillMaxBytes()).isEqualTo(64L * 1024 * 1024);
  }

  @Test
  void rejects_a_schema_that_is_not_a_plain_identifier_and_urls_of_other_databases() {
    DatabaseSettings ok = DatabaseSettings.of("jdbc:postgresql://h/d");
    assertThatThrownBy(() -> ok.withSchema("psa; DROP TABLE x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema");
    assertThatThrownBy(() -> ok.withSchema("Psa"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DatabaseSettings.of("jdbc:mysql://h/d"))
        .hasMessageContaining("jdbc:postgresql:");
  }
}
