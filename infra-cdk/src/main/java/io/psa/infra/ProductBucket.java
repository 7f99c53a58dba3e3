package io.psa.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * The product's one bucket: {@code incoming/} (files to score), {@code results/}, {@code failed/},
 * {@code models/}, and {@code training/} / {@code training-output/} for SageMaker training jobs; encrypted, private, TLS only, versioned, with server access logs in a
 * second bucket. Grants are per prefix and per action, never the whole bucket.
 */
public final class ProductBucket extends Construct {
  public static final String INCOMING = "incoming/";
  public static final String RESULTS = "results/";
  public static final String FAILED = "failed/";
  public static final String MODELS = "models/";

  private final Bucket bucket;

  public ProductBucket(Construct scope, String id) {
    super(scope, id);
    Bucket accessLogs = Bucket.Builder.create(this, "AccessLogs")
        .encryption(BucketEncryption.S3_MANAGED)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .enforceSsl(true)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
        .lifecycleRules(List.of(LifecycleRule.builder().id("expire-access-logs").expiration(Duration.days(365)).build()))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();

    bucket = Bucket.Builder.create(this, "Bucket")
        .encryption(BucketEncryption.S3_MANAGED)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .enforceSsl(true)
        .versioned(true)
        .serverAccessLogsBucket(accessLogs)
        .serverAccessLogsPrefix("product-bucket/")
        .lifecycleRules(lifecycleRules())
        // uploads, results and models outlive the stack: cdk destroy leaves the bucket
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
  }

  // results age into infrequent access and go after a year; failed files are kept 90 days for a
  // look; old versions of anything (overwritten models, re-uploaded files) 30 days
  private static List<LifecycleRule> lifecycleRules() {
    return List.of(
        LifecycleRule.builder().id("results").prefix(RESULTS)
            .transitions(List.of(Transition.builder()
                .storageClass(StorageClass.INFREQUENT_ACCESS).transitionAfter(Duration.days(30)).build()))
            .expiration(Duration.days(365)).build(),
        LifecycleRule.builder().id("failed").prefix(FAILED).expiration(Duration.days(90)).build(),
        LifecycleRule.builder().id("old-versions-and-uploads")
            .noncurrentVersionExpiration(Duration.days(30))
            .abortIncompleteMultipartUploadAfter(Duration.days(7)).build());
  }

  public Bucket bucket() {
    return bucket;
  }

  /** The s3:// URI of a key in this bucket. */
  public String s3Uri(String key) {
    return "s3://" + bucket.getBucketName() + "/" + key;
  }

  /** Allows exactly {@code actions} on the objects under {@code prefix}. */
  public void grant(IGrantable grantee, String prefix, String... actions) {
    grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of(actions))
        .resources(List.of(bucket.arnForObjects(prefix + "*")))
        .build());
  }
}
