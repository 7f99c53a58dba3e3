package io.psa.infra;

import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.ecr.assets.DockerImageAsset;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sagemaker.CfnEndpoint;
import software.amazon.awscdk.services.sagemaker.CfnEndpointConfig;
import software.amazon.awscdk.services.sagemaker.CfnModel;
import software.constructs.Construct;

/**
 * The SageMaker side: the image built from {@code sagemaker-container}'s Dockerfile (staged at
 * synth, built and pushed by {@code cdk deploy}), a model that reads
 * {@code models/<name>/<version>/model.tar.gz} from the bucket (or, with no model configured,
 * serves the default model the container trains at start), and a serverless endpoint, which
 * costs nothing while idle.
 */
public final class ScoringEndpoint extends Construct {
  private final DockerImageAsset image;
  private final CfnEndpoint endpoint;

  public ScoringEndpoint(Construct scope, String id, PsaSettings settings, ProductBucket bucket) {
    super(scope, id);
    Path context = settings.imageDirectory();
    BuiltArtifact.require(context.resolve("target/psa.jar"), "The SageMaker image's jar", "imageDirectory");
    image = DockerImageAsset.Builder.create(this, "Image")
        .directory(context.toString())
        // SageMaker Serverless Inference runs x86-64 only
        .platform(Platform.LINUX_AMD64)
        // the Dockerfile copies these three; the rest of target/ would only slow the upload
        .exclude(List.of("*", "!Dockerfile", "!docker/entrypoint.sh", "!target/psa.jar"))
        .build();

    Role role = Role.Builder.create(this, "Role")
        .assumedBy(new ServicePrincipal("sagemaker.amazonaws.com"))
        .description("psa: the SageMaker model pulls its image and model artifact, writes its logs")
        .build();
    image.getRepository().grantPull(role);
    bucket.grant(role, ProductBucket.MODELS, "s3:GetObject");
    role.addToPolicy(PolicyStatement.Builder.create()
        .actions(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"))
        .resources(List.of("arn:" + Aws.PARTITION + ":logs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID
            + ":log-group:/aws/sagemaker/Endpoints/" + settings.endpointName() + ":*"))
        .build());
    Nag.ecrAuthorizationToken(role);
    Nag.suppressOnly(role, "AwsSolutions-IAM5", "The streams of this endpoint's own log group only.",
        "^Resource::arn:.*:log-group:/aws/sagemaker/Endpoints/" + settings.endpointName() + ":\\*$");
    Nag.suppressOnly(role, "AwsSolutions-IAM5", "Read-only, on the models/ prefix the artifacts live under.",
        "^Resource::<.*Bucket[0-9A-F]{8}\\.Arn>/models/\\*$");

    CfnModel.ContainerDefinitionProperty.Builder container = CfnModel.ContainerDefinitionProperty.builder()
        .image(image.getImageUri());
    settings.model().ifPresent(model -> container.modelDataUrl(bucket.s3Uri(model.key())));
    // no VPC and no network isolation: Serverless Inference supports neither; the container makes
    // no outbound calls (no database from the endpoint: PredictHandler records the results)
    CfnModel model = CfnModel.Builder.create(this, "Model")
        .executionRoleArn(role.getRoleArn())
        .primaryContainer(container.build())
        .build();
    model.getNode().addDependency(role);

    CfnEndpointConfig config = CfnEndpointConfig.Builder.create(this, "Config")
        .productionVariants(List.of(CfnEndpointConfig.ProductionVariantProperty.builder()
            .variantName("AllTraffic")
            .modelName(model.getAttrModelName())
            .serverlessConfig(CfnEndpointConfig.ServerlessConfigProperty.builder()
                .memorySizeInMb(settings.endpointMemoryMb())
                .maxConcurrency(settings.endpointConcurrency())
                .build())
            .build()))
        .build();
    endpoint = CfnEndpoint.Builder.create(this, "Endpoint")
        .endpointName(settings.endpointName())
        .endpointConfigName(config.getAttrEndpointConfigName())
        .build();
  }

  /** The image, for training jobs that run the same code. */
  public DockerImageAsset image() {
    return image;
  }

  public CfnEndpoint endpoint() {
    return endpoint;
  }
}
