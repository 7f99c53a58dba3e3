package io.psa.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.s3.Bucket;

class StorageTest {
  private static final Map<String, Object> ENCRYPTED = Map.of("ServerSideEncryptionConfiguration",
      List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256"))));
  private static final Map<String, Object> ALL_PUBLIC_ACCESS_BLOCKED = Map.of(
      "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true);

  private final Synth synth = Synth.defaults();
  private final Bucket bucket = synth.stack.storage().bucket();
  private final Bucket accessLogs = (Bucket) synth.stack.storage().getNode().findChild("AccessLogs");

  @Test
  void both_buckets_are_encrypted_private_and_kept_when_the_stack_goes() {
    for (Bucket each : List.of(bucket, accessLogs)) {
      assertThat(synth.properties(each))
          .containsEntry("BucketEncryption", ENCRYPTED)
          .containsEntry("PublicAccessBlockConfiguration", ALL_PUBLIC_ACCESS_BLOCKED);
      assertThat(synth.resource(each)).containsEntry("DeletionPolicy", "Retain");
    }
  }

  @Test
  void both_bucket_policies_deny_every_request_without_tls() {
    for (Bucket each : List.of(bucket, accessLogs)) {
      synth.template.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of(
          "Bucket", Map.of("Ref", synth.logicalId(each)),
          "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
              "Effect", "Deny", "Principal", Map.of("AWS", "*"), "Action", "s3:*",
              "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
    }
  }

  @Test
  void the_product_bucket_is_versioned_and_logs_its_access_to_the_log_bucket() {
    assertThat(synth.properties(bucket))
        .containsEntry("VersioningConfiguration", Map.of("Status", "Enabled"))
        .containsEntry("LoggingConfiguration", Map.of(
            "DestinationBucketName", Map.of("Ref", synth.logicalId(accessLogs)), "LogFilePrefix", "product-bucket/"));
  }

  @Test
  void results_age_out_after_a_year_failed_files_after_ninety_days_old_versions_after_thirty() {
    assertThat(synth.properties(bucket)).containsEntry("LifecycleConfiguration", Map.of("Rules", List.of(
        Map.of("Id", "results", "Prefix", "results/", "Status", "Enabled", "ExpirationInDays", 365,
            "Transitions", List.of(Map.of("StorageClass", "STANDARD_IA", "TransitionInDays", 30))),
        Map.of("Id", "failed", "Prefix", "failed/", "Status", "Enabled", "ExpirationInDays", 90),
        Map.of("Id", "old-versions-and-uploads", "Status", "Enabled",
            "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 30),
            "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 7)))));
  }

  @Test
  void only_objects_created_under_incoming_notify_the_batch_alias() {
    synth.template.resourceCountIs("Custom::S3BucketNotifications", 1);
    synth.template.hasResourceProperties("Custom::S3BucketNotifications", Map.of(
        "BucketName", Map.of("Ref", synth.logicalId(bucket)),
        "NotificationConfiguration", Map.of("LambdaFunctionConfigurations", List.of(Map.of(
            "Events", List.of("s3:ObjectCreated:*"),
            "Filter", Map.of("Key", Map.of("FilterRules", List.of(Map.of("Name", "prefix", "Value", "incoming/")))),
            "LambdaFunctionArn", Map.of("Ref", synth.logicalId(synth.stack.batch().alias()))))),
        "Managed", true, "ServiceToken", Match.anyValue(), "SkipDestinationValidation", false));
    synth.template.hasResourceProperties("AWS::Lambda::Permission", Map.of(
        "Action", "lambda:InvokeFunction", "Principal", "s3.amazonaws.com",
        "FunctionName", Map.of("Ref", synth.logicalId(synth.stack.batch().alias())),
        "SourceAccount", Map.of("Ref", "AWS::AccountId"),
        "SourceArn", Map.of("Fn::GetAtt", List.of(synth.logicalId(bucket), "Arn"))));
  }
}
