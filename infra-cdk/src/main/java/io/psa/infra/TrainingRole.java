package io.psa.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.ecr.assets.DockerImageAsset;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * The role a SageMaker training job runs with when it trains on the endpoint's own image
 * (docs/deploy.md): it reads {@code training/}, writes {@code training-output/}, pulls the image
 * and writes the training jobs' logs. Promoting a trained model into {@code models/} stays a
 * deliberate step of the operator, so a training job can never replace a served model.
 */
public final class TrainingRole extends Construct {
  public static final String TRAINING = "training/";
  public static final String TRAINING_OUTPUT = "training-output/";

  private final Role role;

  public TrainingRole(Construct scope, String id, ProductBucket bucket, DockerImageAsset image) {
    super(scope, id);
    role = Role.Builder.create(this, "Role")
        .assumedBy(new ServicePrincipal("sagemaker.amazonaws.com"))
        .description("psa: SageMaker training jobs read training/, write training-output/")
        .build();
    image.getRepository().grantPull(role);
    bucket.grant(role, TRAINING, "s3:GetObject");
    bucket.grant(role, TRAINING_OUTPUT, "s3:PutObject");
    // File mode lists the channel's prefix before it downloads it
    role.addToPolicy(PolicyStatement.Builder.create()
        .actions(List.of("s3:ListBucket"))
        .resources(List.of(bucket.bucket().getBucketArn()))
        .conditions(Map.of("StringLike", Map.of("s3:prefix", List.of(TRAINING + "*"))))
        .build());
    role.addToPolicy(PolicyStatement.Builder.create()
        .actions(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"))
        .resources(List.of("arn:" + Aws.PARTITION + ":logs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID
            + ":log-group:/aws/sagemaker/TrainingJobs:*"))
        .build());
    Nag.ecrAuthorizationToken(role);
    Nag.suppressOnly(role, "AwsSolutions-IAM5", "The streams of SageMaker's training-job log group only.",
        "^Resource::arn:.*:log-group:/aws/sagemaker/TrainingJobs:\\*$");
    Nag.suppressOnly(role, "AwsSolutions-IAM5", "Object actions on exactly the training/ and"
        + " training-output/ prefixes.", "^Resource::<.*Bucket[0-9A-F]{8}\\.Arn>/training(-output)?/\\*$");
  }

  public Role role() {
    return role;
  }
}
