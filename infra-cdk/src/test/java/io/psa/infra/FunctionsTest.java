package io.psa.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.infra.Policies.Statement;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.logs.LogGroup;

class FunctionsTest {
  private static final List<String> DATA_API = List.of("rds-data:ExecuteStatement", "rds-data:BatchExecuteStatement",
      "rds-data:BeginTransaction", "rds-data:CommitTransaction", "rds-data:RollbackTransaction");
  private static final List<String> SECRET = List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret");

  private final Synth synth = Synth.defaults();

  @Test
  void both_functions_run_java25_on_arm64_with_snapstart_json_logs_and_their_reserved_concurrency() {
    assertThat(synth.properties(synth.stack.predict().function())).containsAllEntriesOf(Map.of(
        "Runtime", "java25", "Architectures", List.of("arm64"), "Handler", "io.psa.lambda.PredictHandler",
        "SnapStart", Map.of("ApplyOn", "PublishedVersions"), "MemorySize", 1024, "Timeout", 20,
        "ReservedConcurrentExecutions", 20));
    assertThat(synth.properties(synth.stack.batch().function())).containsAllEntriesOf(Map.of(
        "Runtime", "java25", "Architectures", List.of("arm64"), "Handler", "io.psa.lambda.S3BatchHandler",
        "SnapStart", Map.of("ApplyOn", "PublishedVersions"), "MemorySize", 2048, "Timeout", 600,
        "ReservedConcurrentExecutions", 5));
    for (JavaFunction function : List.of(synth.stack.predict(), synth.stack.batch())) {
      LogGroup logs = (LogGroup) function.getNode().findChild("Logs");
      assertThat(synth.properties(function.function())).containsEntry("LoggingConfig", Map.of(
          "LogFormat", "JSON", "ApplicationLogLevel", "INFO", "SystemLogLevel", "WARN",
          "LogGroup", synth.resolve(logs.getLogGroupName())));
      assertThat(synth.properties(logs)).containsEntry("RetentionInDays", 30);
    }
  }

  @Test
  void callers_reach_each_function_through_the_alias_live_on_the_published_version() {
    for (JavaFunction function : List.of(synth.stack.predict(), synth.stack.batch())) {
      assertThat(synth.properties(function.alias())).isEqualTo(Map.of(
          "Name", "live",
          "FunctionName", Map.of("Ref", synth.logicalId(function.function())),
          "FunctionVersion", synth.resolve(function.function().getCurrentVersion().getVersion())));
    }
    Map<String, Object> integration = synth.resourcesOfType("AWS::ApiGatewayV2::Integration").values().iterator().next();
    assertThat(integration.get("Properties")).asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsEntry("IntegrationUri", Map.of("Ref", synth.logicalId(synth.stack.predict().alias())))
        .containsEntry("PayloadFormatVersion", "2.0");
  }

  @Test
  void the_aliases_move_only_after_the_migrations_ran() {
    String migrations = synth.logicalId(synth.stack.migrations().resource());
    assertThat(synth.resource(synth.stack.predict().alias()).get("DependsOn")).isEqualTo(List.of(migrations));
    assertThat(synth.resource(synth.stack.batch().alias()).get("DependsOn")).isEqualTo(List.of(migrations));
  }

  @Test
  void the_s3_function_retries_twice_then_sends_the_event_to_an_encrypted_dead_letter_queue() {
    String queue = synth.resourcesOfType("AWS::SQS::Queue").keySet().iterator().next();
    assertThat(synth.properties(synth.stack.batch().function()))
        .containsEntry("DeadLetterConfig", Map.of("TargetArn", Map.of("Fn::GetAtt", List.of(queue, "Arn"))));
    synth.template.hasResourceProperties("AWS::SQS::Queue", Map.of(
        "SqsManagedSseEnabled", true, "MessageRetentionPeriod", 14 * 24 * 3600));
    synth.template.hasResourceProperties("AWS::SQS::QueuePolicy", Match.objectLike(Map.of(
        "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
    synth.template.resourceCountIs("AWS::Lambda::EventInvokeConfig", 1);
    synth.template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Map.of(
        "FunctionName", Map.of("Ref", synth.logicalId(synth.stack.batch().function())),
        "Qualifier", Match.anyValue(), "MaximumRetryAttempts", 2, "MaximumEventAgeInSeconds", 6 * 3600));
  }

  @Test
  void the_predict_role_may_write_its_logs_and_use_the_database_and_nothing_else() {
    assertThat(Policies.of(synth, synth.stack.predict().role())).containsExactlyInAnyOrder(
        logs(synth.stack.predict()), dataApi(), secret());
  }

  @Test
  void the_batch_role_may_use_exactly_its_prefixes_its_queue_and_the_database() {
    Object bucketArn = synth.resolve(synth.stack.storage().bucket().getBucketArn());
    Object queueArn = Map.of("Fn::GetAtt", List.of(synth.resourcesOfType("AWS::SQS::Queue").keySet().iterator().next(), "Arn"));
    assertThat(Policies.of(synth, synth.stack.batch().role())).containsExactlyInAnyOrder(
        logs(synth.stack.batch()), dataApi(), secret(),
        Statement.of(List.of("sqs:SendMessage"), queueArn),
        Statement.of(List.of("s3:GetObject", "s3:DeleteObject"), objects(bucketArn, "incoming/*")),
        Statement.of(List.of("s3:PutObject"), objects(bucketArn, "results/*"), objects(bucketArn, "failed/*")));
  }

  @Test
  void environment_names_the_cluster_secret_database_and_schema_and_no_model_by_default() {
    Map<String, Object> expected = Map.of(
        "PSA_DB_CLUSTER_ARN", synth.resolve(synth.stack.database().cluster().getClusterArn()),
        "PSA_DB_SECRET_ARN", synth.resolve(synth.stack.database().secretArn()),
        "PSA_DB_NAME", "psa", "PSA_DB_SCHEMA", "psa");
    for (JavaFunction function : List.of(synth.stack.predict(), synth.stack.batch())) {
      assertThat(synth.properties(function.function())).containsEntry("Environment", Map.of("Variables", expected));
    }
  }

  @Test
  void reserved_concurrency_follows_the_context() {
    Synth tuned = Synth.with(Synth.TUNED);
    assertThat(tuned.properties(tuned.stack.predict().function())).containsEntry("ReservedConcurrentExecutions", 40);
    assertThat(tuned.properties(tuned.stack.batch().function())).containsEntry("ReservedConcurrentExecutions", 2);
  }

  @Test
  void a_configured_model_reaches_both_functions_with_read_access_to_models_only() {
    Synth withModel = Synth.with(Synth.TUNED);
    Object bucketArn = withModel.resolve(withModel.stack.storage().bucket().getBucketArn());
    Object uri = withModel.resolve(withModel.stack.storage().s3Uri("models/press-line/2026-11-30/model.tar.gz"));
    for (JavaFunction function : List.of(withModel.stack.predict(), withModel.stack.batch())) {
      assertThat(variables(withModel, function)).containsEntry("PSA_MODEL_S3_URI", uri);
      assertThat(Policies.of(withModel, function.role()))
          .contains(Statement.of(List.of("s3:GetObject"), objects(bucketArn, "models/*")));
    }
  }

  @Test
  void endpoint_mode_lets_the_predict_function_invoke_exactly_the_endpoint_instead_of_loading_a_model() {
    Synth endpointMode = Synth.with(Synth.ENDPOINT_AND_JWT);
    JavaFunction predict = endpointMode.stack.predict();
    String endpoint = endpointMode.logicalId(endpointMode.stack.scoring().endpoint());
    assertThat(variables(endpointMode, predict))
        .containsEntry("PSA_SAGEMAKER_ENDPOINT", Map.of("Fn::GetAtt", List.of(endpoint, "EndpointName")))
        .doesNotContainKey("PSA_MODEL_S3_URI");
    assertThat(Policies.of(endpointMode, predict.role())).containsExactlyInAnyOrder(
        logsIn(endpointMode, predict), dataApiIn(endpointMode), secretIn(endpointMode),
        Statement.of(List.of("sagemaker:InvokeEndpoint"), Map.of("Fn::GetAtt", List.of(endpoint, "EndpointArn"))));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variables(Synth synth, JavaFunction function) {
    return (Map<String, Object>) ((Map<String, Object>) synth.properties(function.function()).get("Environment")).get("Variables");
  }

  private Statement logs(JavaFunction function) {
    return logsIn(synth, function);
  }

  private Statement dataApi() {
    return dataApiIn(synth);
  }

  private Statement secret() {
    return secretIn(synth);
  }

  static Statement logsIn(Synth synth, JavaFunction function) {
    LogGroup logs = (LogGroup) function.getNode().findChild("Logs");
    return Statement.of(List.of("logs:CreateLogStream", "logs:PutLogEvents"), synth.resolve(logs.getLogGroupArn()));
  }

  static Statement dataApiIn(Synth synth) {
    return Statement.of(DATA_API, synth.resolve(synth.stack.database().cluster().getClusterArn()));
  }

  static Statement secretIn(Synth synth) {
    return Statement.of(SECRET, synth.resolve(synth.stack.database().secretArn()));
  }

  static Object objects(Object bucketArn, String pattern) {
    return Map.of("Fn::Join", List.of("", List.of(bucketArn, "/" + pattern)));
  }
}
