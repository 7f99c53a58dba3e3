package io.psa.lambda;

import static io.psa.lambda.testing.Lambdas.body;
import static io.psa.lambda.testing.Lambdas.event;
import static io.psa.lambda.testing.Lambdas.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.psa.container.persistence.TestDatabase;
import io.psa.lambda.results.ResultSink;
import io.psa.results.postgres.JdbcResultWriter;
import io.psa.results.postgres.JdbcSession;
import io.psa.results.postgres.Migrations;
import io.psa.results.postgres.Migrator;
import java.sql.DriverManager;
import io.psa.lambda.runtime.AwsClients;
import io.psa.lambda.runtime.Env;
import io.psa.lambda.runtime.Metrics;
import io.psa.lambda.scoring.EndpointScoring;
import io.psa.lambda.testing.Aws;
import io.psa.lambda.testing.PsaServe;
import io.psa.lambda.testing.SageMakerFront;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * PredictHandler with PSA_SAGEMAKER_ENDPOINT: the real SDK client (the function's own retry and
 * timeout settings) against a real {@code psa serve} process behind a loopback stand-in for
 * SageMaker's front end, serving the same model the function packages.
 */
class SageMakerModeIT {
  private static final Path MODEL = Path.of("target/classes/io/psa/lambda/default-model");
  private static PsaServe serve;
  private static SageMakerFront front;
  private static PredictHandler inFunction;

  @BeforeAll
  static void start() throws Exception {
    serve = PsaServe.start(MODEL);
    front = new SageMakerFront("psa-endpoint", serve.uri());
    inFunction = new PredictHandler(new Env(Map.of()));
  }

  @AfterAll
  static void stop() throws Exception {
    front.close();
    serve.close();
  }

  private static PredictHandler forwarding(String endpoint, URI to, Duration timeout) {
    SageMakerRuntimeClient client = AwsClients.sageMakerBuilder(new Env(Map.of()), timeout, 3)
        .endpointOverride(to).credentialsProvider(Aws.CREDENTIALS).build();
    return new PredictHandler(new EndpointScoring(client, endpoint, 6 << 20, timeout),
        ResultSink.NONE, new Metrics("psa", "predict"), 6 << 20);
  }

  @Test
  void the_endpoint_answer_is_passed_through_and_equals_scoring_in_the_function() {
    PredictHandler h = forwarding("psa-endpoint", front.uri(), Duration.ofSeconds(10));
    JsonNode viaEndpoint = invoke(h, event("http-api-predict-spike.json"));
    JsonNode here = invoke(inFunction, event("http-api-predict-spike.json"));

    assertThat(viaEndpoint.path("statusCode").asInt()).isEqualTo(200);
    assertThat(body(viaEndpoint).at("/details/window_scores"))
        .isEqualTo(body(here).at("/details/window_scores"));
    assertThat(body(viaEndpoint).path("is_anomaly").asBoolean()).isTrue();
  }

  @Test
  void the_function_records_what_the_endpoint_answered() throws Exception {
    TestDatabase db = TestDatabase.require();
    try {
      JdbcSession session = new JdbcSession(() -> DriverManager.getConnection(TestDatabase.url()));
      Migrator.migrate(session, db.schema, Migrations.load(getClass().getClassLoader()));
      SageMakerRuntimeClient client = AwsClients.sageMakerBuilder(new Env(Map.of()), Duration.ofSeconds(10), 3)
          .endpointOverride(front.uri()).credentialsProvider(Aws.CREDENTIALS).build();
      ResultSink sink = new ResultSink(new JdbcResultWriter(() -> DriverManager.getConnection(TestDatabase.url()),
          db.schema), 3, Duration.ofMillis(100));
      PredictHandler h = new PredictHandler(new EndpointScoring(client, "psa-endpoint", 6 << 20,
          Duration.ofSeconds(10)), sink, new Metrics("psa", "predict"), 6 << 20);

      JsonNode answer = body(invoke(h, event("rest-api-predict-spike.json")));
      invoke(h, event("rest-api-predict-malformed.json"));

      assertThat(db.count("")).isEqualTo(1);
      try (var c = DriverManager.getConnection(TestDatabase.url());
          var rs = c.createStatement().executeQuery("SELECT * FROM " + db.schema + ".inference_results")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("request_id")).isEqualTo(answer.path("request_id").asText());
        assertThat(rs.getString("asset_id")).isEqualTo("press-07");
        assertThat(rs.getInt("sample_count")).isEqualTo(1000);
        assertThat(rs.getLong("first_ts_ms")).isZero();
        assertThat(rs.getLong("last_ts_ms")).isEqualTo(9_990);
        assertThat(rs.getInt("window_count")).isEqualTo(answer.at("/details/window_scores").size());
        assertThat(rs.getDouble("anomaly_score")).isEqualTo(answer.path("anomaly_score").asDouble());
        assertThat(rs.getBoolean("is_anomaly")).isTrue();
      }
    } finally {
      db.dropSchema();
    }
  }

  @Test
  void the_containers_400_reaches_the_client_unchanged() {
    JsonNode r = invoke(forwarding("psa-endpoint", front.uri(), Duration.ofSeconds(10)),
        event("rest-api-predict-malformed.json"));

    assertThat(r.path("statusCode").asInt()).isEqualTo(400);
    assertThat(body(r).at("/error/field").asText()).isEqualTo("sensor_batch[1].pressure");
  }

  @Test
  void throttling_is_retried_with_backoff_and_then_answered() {
    front.throttleNext(2);
    int before = front.calls.get();
    JsonNode r = invoke(forwarding("psa-endpoint", front.uri(), Duration.ofSeconds(20)),
        event("http-api-predict-normal.json"));

    assertThat(r.path("statusCode").asInt()).isEqualTo(200);
    assertThat(front.calls.get() - before).isEqualTo(3);
  }

  @Test
  void throttling_past_the_attempts_is_a_503_saying_so() {
    front.throttleNext(5);
    try {
      JsonNode r = invoke(forwarding("psa-endpoint", front.uri(), Duration.ofSeconds(20)),
          event("http-api-predict-normal.json"));
      assertThat(r.path("statusCode").asInt()).isEqualTo(503);
      assertThat(r.path("headers").path("Retry-After").asText()).isEqualTo("1");
      assertThat(body(r).at("/error/code").asText()).isEqualTo("endpoint_unavailable");
      assertThat(body(r).at("/error/message").asText())
          .isEqualTo("the SageMaker endpoint psa-endpoint is throttling requests; retry shortly");
    } finally {
      front.throttleNext(0);
    }
  }

  @Test
  void an_unknown_endpoint_a_dead_one_and_a_slow_one_are_503s_naming_why() throws Exception {
    JsonNode unknown = invoke(forwarding("no-such-endpoint", front.uri(), Duration.ofSeconds(5)),
        event("http-api-predict-normal.json"));
    JsonNode dead = invoke(forwarding("psa-endpoint", URI.create("http://127.0.0.1:9"), Duration.ofSeconds(5)),
        event("http-api-predict-normal.json"));
    front.delay(3_000);
    JsonNode slow;
    try {
      slow = invoke(forwarding("psa-endpoint", front.uri(), Duration.ofMillis(800)),
          event("http-api-predict-normal.json"));
    } finally {
      front.delay(0);
    }

    assertThat(unknown.path("statusCode").asInt()).isEqualTo(503);
    assertThat(body(unknown).at("/error/message").asText())
        .contains("no-such-endpoint refused the call (ValidationError: Endpoint no-such-endpoint of account");
    assertThat(dead.path("statusCode").asInt()).isEqualTo(503);
    assertThat(body(dead).at("/error/message").asText()).contains("could not be reached");
    assertThat(slow.path("statusCode").asInt()).isEqualTo(503);
    assertThat(body(slow).at("/error/message").asText()).contains("did not answer within 800 ms");
  }

  @Test
  void types_and_size_are_refused_before_the_endpoint_is_called() {
    int before = front.calls.get();
    JsonNode r = invoke(forwarding("psa-endpoint", front.uri(), Duration.ofSeconds(5)),
        io.psa.lambda.testing.Lambdas.httpApiEvent("POST", "text/plain", "x", false));

    assertThat(r.path("statusCode").asInt()).isEqualTo(415);
    assertThat(front.calls.get()).isEqualTo(before);
  }
}
