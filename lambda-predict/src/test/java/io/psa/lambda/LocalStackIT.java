package io.psa.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.dsp.testing.BatchText;
import io.psa.lambda.batch.SegmentedFileScorer;
import io.psa.lambda.model.ModelLoader;
import io.psa.lambda.runtime.AwsClients;
import io.psa.lambda.runtime.Env;
import io.psa.lambda.runtime.Metrics;
import io.psa.lambda.testing.Lambdas;
import io.psa.lambda.testing.S3Events;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 batch scoring against LocalStack's S3 where a Docker engine exists (Testcontainers). The
 * development and CI machines have none: the test is skipped with that reason, and S3BatchHandlerTest
 * covers the same behaviour against S3Mock.
 */
class LocalStackIT {

  @Test
  void a_csv_upload_is_scored_against_localstack_s3() throws Exception {
    Assumptions.assumeTrue(docker(), "no Docker engine on this machine: LocalStack cannot start;"
        + " S3BatchHandlerTest and S3BatchIT cover S3 against S3Mock");
    try (LocalStackContainer ls = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
        .withServices("s3")) {
      ls.start();
      S3Client s3 = AwsClients.s3Builder(new Env(Map.of("AWS_ENDPOINT_URL_S3", ls.getEndpoint().toString())))
          .endpointOverride(ls.getEndpoint())
          .credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create(ls.getAccessKey(), ls.getSecretKey()))).build();
      s3.createBucket(b -> b.bucket("psa-data"));
      String csv = BatchText.csv(new SensorSimulator(SimulationSpec.of(60_000)).generate());
      var put = s3.putObject(b -> b.bucket("psa-data").key("incoming/ls.csv"), RequestBody.fromString(csv));
      S3BatchHandler h = new S3BatchHandler(s3, new SegmentedFileScorer(ModelLoader.load(null, null)),
          null, new Metrics("psa", "s3"));

      var r = Lambdas.invoke(h, S3Events.forObject("s3-object-created-csv.json", "psa-data",
          "incoming/ls.csv", csv.length(), put));
      assertThat(r.at("/files/0/status").asText()).isEqualTo("scored");
    }
  }

  private static boolean docker() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
