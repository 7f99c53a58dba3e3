package io.psa.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.psa.lambda.testing.Lambdas;
import io.psa.lambda.testing.S3Events;
import io.psa.lambda.testing.S3Mock;
import io.psa.container.persistence.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code bin/psa invoke-lambda} answers every file of {@code events/}: the API Gateway events
 * with no configuration, the S3 events against S3Mock (objects uploaded to the keys the events
 * name), the CloudFormation event against PostgreSQL.
 */
class InvokeLambdaIT {
  private static final Path PSA = Path.of("..", "bin", "psa").toAbsolutePath().normalize();

  private record Run(int exit, String out, String err) {}

  private static Run psa(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(PSA.toString(), "invoke-lambda"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("invoke", ".out");
    Path err = Files.createTempFile("invoke", ".err");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("PSA_") || k.startsWith("AWS_"));
    pb.environment().putAll(env);
    int exit = pb.start().waitFor();
    return new Run(exit, Files.readString(out), Files.readString(err));
  }

  @Test
  void every_api_gateway_event_is_answered_on_standard_output() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(Lambdas.events())) {
      files = s.filter(p -> p.getFileName().toString().contains("-api-predict-")).sorted().toList();
    }
    assertThat(files).hasSize(7);
    for (Path f : files) {
      Run r = psa(Map.of(), f.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode response = Lambdas.JSON.readTree(r.out());
      assertThat(response.path("statusCode").asInt()).as(f.toString())
          .isEqualTo(f.toString().contains("malformed") ? 400 : 200);
      assertThat(r.err()).contains("\"message\":\"predict\"");
    }
  }

  @Test
  void a_handler_that_fails_is_one_line_and_exit_1_not_a_stack_trace() throws Exception {
    // nothing listens on port 1: the S3 handler cannot read the object the event names
    Run r = psa(Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:1", "AWS_ACCESS_KEY_ID", "x",
        "AWS_SECRET_ACCESS_KEY", "x", "AWS_REGION", "eu-west-1"),
        Lambdas.events().resolve("s3-object-created-csv.json").toString(), "--handler", "s3");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).doesNotContain("Exception in thread");
    List<String> lines = r.err().lines().toList();
    assertThat(lines.getLast()).startsWith("psa invoke-lambda: the handler failed: ")
        .endsWith("(an S3 event needs its object in a bucket you can reach: see events/README.md)");
  }

  @Test
  void the_s3_events_are_answered_against_an_s3_compatible_server() throws Exception {
    S3Mock mock = S3Mock.shared();
    S3Client s3 = mock.client();
    String bucket = mock.bucket(s3);
    String body = io.psa.dsp.testing.BatchText.csv(new io.psa.dsp.sim.SensorSimulator(
        io.psa.dsp.sim.SimulationSpec.of(30_000)).generate());
    for (String[] e : new String[][] {
        {"s3-object-created-csv.json", "incoming/line-3/press-07/2026-11-29T14:00.csv"},
        {"s3-object-created-jsonl.json", "incoming/line-3/pump-02 run 2.jsonl"}}) {
      String content = e[1].endsWith(".jsonl") ? io.psa.dsp.testing.BatchText.jsonLines(
          new io.psa.dsp.sim.SensorSimulator(io.psa.dsp.sim.SimulationSpec.of(30_000)).generate()) : body;
      var put = s3.putObject(b -> b.bucket(bucket).key(e[1]), RequestBody.fromString(content));
      Path event = Files.createTempFile("s3", ".json");
      Files.write(event, S3Events.forObject(e[0], bucket, e[1], content.length(), put));

      Run r = psa(mock.env(), event.toString(), "--handler", "s3");
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(Lambdas.JSON.readTree(r.out()).at("/files/0/status").asText()).as(r.err()).isEqualTo("scored");
    }
  }

  @Test
  void the_cloudformation_event_migrates_the_database() throws Exception {
    TestDatabase db = TestDatabase.require();
    try {
      Run r = psa(Map.of("PSA_DB_URL", TestDatabase.url(), "PSA_DB_SCHEMA", db.schema),
          Lambdas.event("cloudformation-migrate-create.json").toString(), "--handler", "migrate");
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(Lambdas.JSON.readTree(r.out()).path("Status").asText()).isEqualTo("SUCCESS");
    } finally {
      db.dropSchema();
    }
  }

  @Test
  void a_missing_file_or_handler_is_a_usage_error() throws Exception {
    assertThat(psa(Map.of(), "no-such-event.json").exit()).isEqualTo(2);
    Run bad = psa(Map.of(), Lambdas.event("http-api-predict-normal.json").toString(), "--handler", "sqs");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("Usage: psa invoke-lambda EVENT.json [--handler predict|s3|migrate]");
  }
}
