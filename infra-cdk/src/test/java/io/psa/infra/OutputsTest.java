package io.psa.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputsTest {
  private final Synth synth = Synth.defaults();

  @Test
  void the_outputs_name_the_api_bucket_endpoint_database_image_and_training_role() {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> outputs = (Map<String, Map<String, Object>>) (Map<String, ?>) synth.json.get("Outputs");
    PsaStack stack = synth.stack;
    assertThat(outputs).containsOnlyKeys("ApiUrl", "BucketName", "EndpointName", "DatabaseClusterArn",
        "DatabaseSecretArn", "ImageUri", "TrainingRoleArn");
    assertThat(outputs.get("ApiUrl").get("Value"))
        .isEqualTo(Map.of("Fn::GetAtt", List.of(synth.logicalId(stack.api().api()), "ApiEndpoint")));
    assertThat(outputs.get("BucketName").get("Value")).isEqualTo(Map.of("Ref", synth.logicalId(stack.storage().bucket())));
    assertThat(outputs.get("EndpointName").get("Value"))
        .isEqualTo(Map.of("Fn::GetAtt", List.of(synth.logicalId(stack.scoring().endpoint()), "EndpointName")));
    assertThat(outputs.get("DatabaseClusterArn").get("Value"))
        .isEqualTo(synth.resolve(stack.database().cluster().getClusterArn()));
    assertThat(outputs.get("DatabaseSecretArn").get("Value")).isEqualTo(synth.resolve(stack.database().secretArn()));
  }
}
