package io.psa.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.psa.container.persistence.DatabaseSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repository's {@code compose.yaml}, checked without a Docker engine: it parses, uses only
 * keys of the Compose specification, and its parts fit together: the server's database URL
 * names the database service and its credentials, the server starts once the database's health
 * check passes, and the server's own health check asks {@code /ping} on the port it exposes.
 */
class ComposeFileTest {
  private static final Path COMPOSE = Path.of("").toAbsolutePath().getParent().resolve("compose.yaml");
  private static final Set<String> SERVICE_KEYS = Set.of("image", "build", "command", "environment",
      "ports", "depends_on", "healthcheck", "volumes", "stop_grace_period", "restart");
  private static final Pattern JDBC =
      Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)\\?user=([^&]+)&password=([^&]+)");

  private static JsonNode compose;
  private static JsonNode db;
  private static JsonNode psa;

  @BeforeAll
  static void read() throws Exception {
    compose = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
    db = compose.at("/services/db");
    psa = compose.at("/services/psa");
  }

  @Test
  void there_are_two_services_using_only_keys_of_the_compose_specification() {
    List<String> services = new ArrayList<>();
    compose.get("services").fieldNames().forEachRemaining(services::add);
    assertThat(services).containsExactly("db", "psa");
    for (JsonNode service : List.of(db, psa)) {
      service.fieldNames().forEachRemaining(k -> assertThat(SERVICE_KEYS).as("service key").contains(k));
    }
    assertThat(db.get("image").asText()).matches("postgres:\\d+(\\.\\d+)?(-alpine)?");
  }

  @Test
  void the_server_is_built_from_the_container_folder_and_serves_on_8080() throws Exception {
    Path context = COMPOSE.getParent().resolve(psa.get("build").asText()).normalize();
    assertThat(context.resolve("Dockerfile")).exists();
    assertThat(Files.readString(context.resolve("Dockerfile"))).contains("EXPOSE 8080");
    assertThat(psa.get("command").get(0).asText()).isEqualTo("serve");
    assertThat(psa.get("ports").get(0).asText()).endsWith(":8080");
  }

  @Test
  void the_database_url_names_the_database_service_with_its_own_credentials() {
    String url = psa.at("/environment/PSA_DB_URL").asText();
    Matcher m = JDBC.matcher(url);

    assertThat(m.matches()).as(url).isTrue();
    assertThat(m.group(1)).isEqualTo("db");
    assertThat(m.group(2)).isEqualTo("5432");
    assertThat(m.group(3)).isEqualTo(db.at("/environment/POSTGRES_DB").asText());
    assertThat(m.group(4)).isEqualTo(db.at("/environment/POSTGRES_USER").asText());
    assertThat(m.group(5)).isEqualTo(db.at("/environment/POSTGRES_PASSWORD").asText());
    assertThat(DatabaseSettings.of(url).jdbcUrl()).isEqualTo(url); // psa accepts it
  }

  @Test
  void the_server_waits_for_a_healthy_database_whose_check_asks_that_user_and_database() {
    assertThat(psa.at("/depends_on/db/condition").asText()).isEqualTo("service_healthy");
    List<String> check = strings(db.at("/healthcheck/test"));
    assertThat(check).containsExactly("CMD", "pg_isready", "-U", db.at("/environment/POSTGRES_USER").asText(),
        "-d", db.at("/environment/POSTGRES_DB").asText());
    String volume = db.get("volumes").get(0).asText();
    assertThat(volume).endsWith(":/var/lib/postgresql/data");
    assertThat(compose.at("/volumes").has(volume.substring(0, volume.indexOf(':')))).isTrue();
  }

  @Test
  void the_server_health_check_asks_ping_on_its_port_and_allows_for_the_default_model() {
    List<String> check = strings(psa.at("/healthcheck/test"));
    assertThat(check.get(0)).isEqualTo("CMD");
    URI ping = URI.create(check.get(check.size() - 1));
    assertThat(ping.getPath()).isEqualTo("/ping");
    assertThat(ping.getPort()).isEqualTo(8080);
    assertThat(psa.at("/healthcheck/start_period").asText()).matches("\\d+s");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
