package io.psa.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.infra.Policies.Statement;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.ecr.assets.DockerImageAsset;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.sagemaker.CfnEndpointConfig;
import software.amazon.awscdk.services.sagemaker.CfnModel;

class ScoringEndpointTest {
  private final Synth synth = Synth.defaults();
  private final ScoringEndpoint scoring = synth.stack.scoring();
  private final CfnModel model = (CfnModel) scoring.getNode().findChild("Model");

  @Test
  void a_serverless_endpoint_config_with_memory_and_concurrency_from_the_context() {
    CfnEndpointConfig config = (CfnEndpointConfig) scoring.getNode().findChild("Config");
    assertThat(synth.properties(config)).isEqualTo(Map.of("ProductionVariants", List.of(Map.of(
        "VariantName", "AllTraffic",
        "ModelName", Map.of("Fn::GetAtt", List.of(synth.logicalId(model), "ModelName")),
        "ServerlessConfig", Map.of("MemorySizeInMB", 2048, "MaxConcurrency", 5)))));
    assertThat(synth.properties(scoring.endpoint())).isEqualTo(Map.of(
        "EndpointName", "psa-scoring",
        "EndpointConfigName", Map.of("Fn::GetAtt", List.of(synth.logicalId(config), "EndpointConfigName"))));

    Synth bigger = Synth.with(Synth.TUNED);
    assertThat(bigger.properties(bigger.stack.scoring().getNode().findChild("Config"))).asString()
        .contains("MemorySizeInMB=4096", "MaxConcurrency=20");
  }

  @Test
  void the_model_runs_the_image_asset_and_without_a_configured_model_serves_the_default_one() {
    @SuppressWarnings("unchecked")
    Map<String, Object> container = (Map<String, Object>) synth.properties(model).get("PrimaryContainer");
    DockerImageAsset image = (DockerImageAsset) scoring.getNode().findChild("Image");
    assertThat(container).containsOnlyKeys("Image");
    assertThat(container.get("Image")).isEqualTo(synth.resolve(image.getImageUri()));
    assertThat(container.get("Image")).asString().contains("container-assets", image.getAssetHash());
    assertThat(synth.properties(model).get("ExecutionRoleArn")).asString().contains(synth.logicalId(role()));
  }

  @Test
  void a_configured_model_is_read_from_its_place_in_the_bucket() {
    Synth withModel = Synth.with(Synth.TUNED);
    CfnModel configured = (CfnModel) withModel.stack.scoring().getNode().findChild("Model");
    assertThat(withModel.properties(configured).get("PrimaryContainer")).asInstanceOf(
            InstanceOfAssertFactories.MAP)
        .containsEntry("ModelDataUrl", withModel.resolve(
            withModel.stack.storage().s3Uri("models/press-line/2026-11-30/model.tar.gz")));
  }

  @Test
  void the_role_pulls_the_image_reads_models_and_writes_its_endpoint_logs_only() {
    Object bucketArn = synth.resolve(synth.stack.storage().bucket().getBucketArn());
    assertThat(Policies.of(synth, role())).containsExactlyInAnyOrder(
        Statement.of(List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
            Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":ecr:",
                Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"), ":repository/",
                Map.of("Fn::Sub", "cdk-hnb659fds-container-assets-${AWS::AccountId}-${AWS::Region}"))))),
        Statement.of(List.of("ecr:GetAuthorizationToken"), "*"),
        Statement.of(List.of("s3:GetObject"), FunctionsTest.objects(bucketArn, "models/*")),
        Statement.of(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
            Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":logs:",
                Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"),
                ":log-group:/aws/sagemaker/Endpoints/psa-scoring:*")))));
  }

  @Test
  void training_jobs_read_training_write_training_output_pull_the_image_and_log_nothing_more() {
    Object bucketArn = synth.resolve(synth.stack.storage().bucket().getBucketArn());
    Statement pull = Policies.of(synth, role()).stream()
        .filter(statement -> statement.actions().contains("ecr:BatchGetImage")).findFirst().orElseThrow();
    assertThat(Policies.of(synth, synth.stack.training().role())).containsExactlyInAnyOrder(
        pull,
        Statement.of(List.of("ecr:GetAuthorizationToken"), "*"),
        Statement.of(List.of("s3:GetObject"), FunctionsTest.objects(bucketArn, "training/*")),
        Statement.of(List.of("s3:PutObject"), FunctionsTest.objects(bucketArn, "training-output/*")),
        Statement.of(List.of("s3:ListBucket"), bucketArn)
            .when(Map.of("StringLike", Map.of("s3:prefix", List.of("training/*")))),
        Statement.of(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
            Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":logs:",
                Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"),
                ":log-group:/aws/sagemaker/TrainingJobs:*")))));
    synth.template.hasOutput("TrainingRoleArn", Map.of("Value",
        Map.of("Fn::GetAtt", List.of(synth.logicalId(synth.stack.training().role()), "Arn")), "Description", Match.anyValue()));
  }

  private Role role() {
    return (Role) scoring.getNode().findChild("Role");
  }
}
