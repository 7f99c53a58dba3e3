package io.psa.lambda;

import static io.psa.lambda.testing.Lambdas.event;
import static io.psa.lambda.testing.Lambdas.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.psa.container.persistence.TestDatabase;
import io.psa.lambda.testing.CapturedLog;
import io.psa.lambda.testing.DataApiDatabase;
import io.psa.lambda.testing.DataApiShim;
import io.psa.lambda.testing.Lambdas;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The custom resource on the events/ file, through the Data API shim over PostgreSQL. */
class MigrationHandlerTest {
  private DataApiDatabase data;
  private TestDatabase db;
  private DataApiShim shim;
  private MigrationHandler handler;

  @BeforeEach
  void start() throws Exception {
    data = new DataApiDatabase();
    db = data.db;
    shim = data.shim;
    handler = new MigrationHandler(data.databases);
  }

  @AfterEach
  void stop() throws Exception {
    data.close();
  }

  @Test
  void create_migrates_and_every_later_deploy_finds_nothing_to_do() throws Exception {
    JsonNode create = invoke(handler, event("cloudformation-migrate-create.json"));
    ObjectNode update = (ObjectNode) Lambdas.JSON.readTree(Files.readAllBytes(event("cloudformation-migrate-create.json")));
    update.put("RequestType", "Update").put("PhysicalResourceId", create.path("PhysicalResourceId").asText());
    JsonNode again = invoke(handler, Lambdas.JSON.writeValueAsBytes(update));

    assertThat(create.path("Status").asText()).isEqualTo("SUCCESS");
    assertThat(create.path("PhysicalResourceId").asText()).isEqualTo("psa-migrations-" + db.schema);
    assertThat(create.at("/Data/Applied").asText()).contains("V1__inference_results.sql");
    assertThat(again.path("Status").asText()).isEqualTo("SUCCESS");
    assertThat(again.at("/Data/Applied").asText()).isEmpty();
    assertThat(again.at("/Data/SchemaVersion").asText()).isEqualTo(create.at("/Data/SchemaVersion").asText());
    assertThat(db.count("")).isZero();
  }

  @Test
  void delete_keeps_the_data() throws Exception {
    ObjectNode delete = (ObjectNode) Lambdas.JSON.readTree(Files.readAllBytes(event("cloudformation-migrate-create.json")));
    delete.put("RequestType", "Delete");
    JsonNode r = invoke(handler, Lambdas.JSON.writeValueAsBytes(delete));

    assertThat(r.path("Status").asText()).isEqualTo("SUCCESS");
    assertThat(shim.calls).doesNotContainKey("BeginTransaction");
  }

  @Test
  void as_a_service_token_it_puts_the_response_to_cloudformation_also_on_failure() throws Exception {
    BlockingQueue<String> puts = new ArrayBlockingQueue<>(4);
    HttpServer cfn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    cfn.createContext("/", ex -> {
      puts.add(ex.getRequestMethod() + " " + new String(ex.getRequestBody().readAllBytes()));
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    cfn.start();
    try {
      ObjectNode e = (ObjectNode) Lambdas.JSON.readTree(Files.readAllBytes(event("cloudformation-migrate-create.json")));
      e.put("ResponseURL", "http://127.0.0.1:" + cfn.getAddress().getPort() + "/presigned?X-Amz-Signature=x");
      invoke(handler, Lambdas.JSON.writeValueAsBytes(e));
      try (CapturedLog log = CapturedLog.start()) {
        invoke(new MigrationHandler(null), Lambdas.JSON.writeValueAsBytes(e));
        assertThat(log.lines()).anyMatch(l -> l.contains("migration failed"));
      }

      JsonNode ok = Lambdas.JSON.readTree(puts.poll(5, TimeUnit.SECONDS).substring(4));
      JsonNode failed = Lambdas.JSON.readTree(puts.poll(5, TimeUnit.SECONDS).substring(4));
      assertThat(ok.path("Status").asText()).isEqualTo("SUCCESS");
      assertThat(ok.path("LogicalResourceId").asText()).isEqualTo("ResultsMigrations");
      assertThat(failed.path("Status").asText()).isEqualTo("FAILED");
      assertThat(failed.path("Reason").asText()).contains("set PSA_DB_CLUSTER_ARN");
    } finally {
      cfn.stop(0);
    }
  }

  @Test
  void behind_a_cdk_provider_a_failure_is_thrown() {
    try (CapturedLog log = CapturedLog.start()) {
      assertThatThrownBy(() -> invoke(new MigrationHandler(null),
          event("cloudformation-migrate-create.json")))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("no database configured");
      assertThat(log.lines()).anyMatch(l -> l.contains("\"level\":\"ERROR\"")
          && l.contains("migration failed"));
    }
  }
}
