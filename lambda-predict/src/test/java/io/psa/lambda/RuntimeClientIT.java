package io.psa.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.psa.lambda.testing.LambdaProcess;
import io.psa.lambda.testing.Lambdas;
import io.psa.lambda.testing.RuntimeApi;
import io.psa.container.persistence.TestDatabase;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar under the real aws-lambda-java-runtime-interface-client, against a local
 * Runtime API, as Lambda runs it. Also prints the cold start (process start to first response)
 * for the README; it asserts no time.
 */
class RuntimeClientIT {

  private static String event(String name) throws Exception {
    return Files.readString(Lambdas.event(name));
  }

  @Test
  void predict_answers_events_one_after_another_with_json_logs_and_metrics() throws Exception {
    try (RuntimeApi api = new RuntimeApi();
        LambdaProcess fn = LambdaProcess.start("io.psa.lambda.PredictHandler", api, Map.of())) {
      String first = api.invoke(event("http-api-predict-normal.json"));
      RuntimeApi.Outcome a = api.await(first, 60, fn.process);
      assertThat(a).as("log: %s", fn.logText()).isNotNull();
      System.out.printf("cold start to first response under the runtime client: %d ms%n",
          (a.atNanos() - fn.startNanos) / 1_000_000);
      String second = api.invoke(event("rest-api-predict-spike.json"));
      String third = api.invoke(event("http-api-predict-malformed.json"));
      RuntimeApi.Outcome b = api.await(second, 30, fn.process);
      RuntimeApi.Outcome c = api.await(third, 30, fn.process);

      assertThat(a.kind()).isEqualTo("response");
      JsonNode normal = Lambdas.JSON.readTree(a.body());
      assertThat(normal.path("statusCode").asInt()).isEqualTo(200);
      assertThat(Lambdas.body(normal).path("request_id").asText()).isEqualTo(first);
      assertThat(Lambdas.body(normal).path("is_anomaly").asBoolean()).isFalse();
      assertThat(Lambdas.body(Lambdas.JSON.readTree(b.body())).path("is_anomaly").asBoolean()).isTrue();
      assertThat(Lambdas.JSON.readTree(c.body()).path("statusCode").asInt()).isEqualTo(400);

      String log = fn.logText();
      assertThat(log).contains("\"requestId\":\"" + first + "\",\"message\":\"predict\"");
      assertThat(log).contains("\"CloudWatchMetrics\":[{\"Namespace\":\"psa\"");
      assertThat(log).contains("\"ErrorCode\":\"invalid_value\"");
    }
  }

  @Test
  void without_a_model_to_load_the_same_jar_answers_its_first_request_too() throws Exception {
    // the baseline of the cold start figure: JVM, runtime client, handler and SDK client, no model
    try (RuntimeApi api = new RuntimeApi();
        LambdaProcess fn = LambdaProcess.start("io.psa.lambda.PredictHandler", api,
            Map.of("PSA_SAGEMAKER_ENDPOINT", "psa-endpoint"))) {
      String id = api.invoke(new String(Lambdas.httpApiEvent("POST", "text/plain", "x", false),
          java.nio.charset.StandardCharsets.UTF_8));
      RuntimeApi.Outcome r = api.await(id, 60, fn.process);
      assertThat(r).as("log: %s", fn.logText()).isNotNull();
      System.out.printf("cold start to first response without a model (baseline): %d ms%n",
          (r.atNanos() - fn.startNanos) / 1_000_000);
      assertThat(Lambdas.JSON.readTree(r.body()).path("statusCode").asInt()).isEqualTo(415);
    }
  }

  @Test
  void a_model_that_cannot_be_loaded_is_an_init_error_naming_it() throws Exception {
    try (RuntimeApi api = new RuntimeApi();
        LambdaProcess fn = LambdaProcess.start("io.psa.lambda.PredictHandler", api, Map.of(
            "PSA_MODEL_S3_URI", "s3://psa-models/models/default/1/model.tar.gz",
            "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9", "AWS_ACCESS_KEY_ID", "test",
            "AWS_SECRET_ACCESS_KEY", "test"))) {
      RuntimeApi.Outcome init = api.awaitInitError(60, fn.process);
      assertThat(init).as("log: %s", fn.logText()).isNotNull();
      assertThat(init.body()).contains("cannot load the model s3://psa-models/models/default/1/model.tar.gz");
    }
  }

  @Test
  void the_migration_handler_migrates_over_jdbc_under_the_runtime_client() throws Exception {
    TestDatabase db = TestDatabase.require();
    try (RuntimeApi api = new RuntimeApi();
        LambdaProcess fn = LambdaProcess.start("io.psa.lambda.MigrationHandler", api, Map.of(
            "PSA_DB_URL", TestDatabase.url(), "PSA_DB_SCHEMA", db.schema))) {
      String id = api.invoke(event("cloudformation-migrate-create.json"));
      RuntimeApi.Outcome r = api.await(id, 60, fn.process);
      assertThat(r).as("log: %s", fn.logText()).isNotNull();
      JsonNode response = Lambdas.JSON.readTree(r.body());
      assertThat(response.path("Status").asText()).isEqualTo("SUCCESS");
      assertThat(response.at("/Data/Applied").asText()).contains("V1__inference_results.sql");
      assertThat(db.count("")).isZero();
    } finally {
      db.dropSchema();
    }
  }
}
