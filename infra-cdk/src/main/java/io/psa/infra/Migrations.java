package io.psa.infra;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * Applies the server's SQL migrations to the cluster on deploy (ADR 16): the custom resource
 * {@code Custom::PsaMigrations} calls {@code io.psa.lambda.MigrationHandler} through CDK's
 * Provider framework. Its properties carry the jar's SHA-256, so every deploy that ships new code
 * (and so possibly new migrations) runs them again before the functions' aliases move.
 */
public final class Migrations extends Construct {
  public static final String HANDLER = "io.psa.lambda.MigrationHandler";
  public static final String RESOURCE_TYPE = "Custom::PsaMigrations";

  private final CustomResource resource;

  public Migrations(Construct scope, String id, Code code, String jarSha256, ResultsDatabase database) {
    super(scope, id);
    // 512 MB: a handful of statements through the Data API, no scoring. 5 minutes: a paused
    // cluster (dbMinCapacity 0) takes up to about a minute to resume, then the scripts run.
    JavaFunction migrate = new JavaFunction(this, "Handler", code, new JavaFunction.Spec(
        HANDLER, "psa: apply the SQL migrations through the Data API", 512, Duration.minutes(5),
        null, database.environment(), false, null));
    database.grantDataApi(migrate.role());

    LogGroup providerLogs = LogGroup.Builder.create(this, "ProviderLogs")
        .retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.DESTROY).build();
    Provider provider = Provider.Builder.create(this, "Provider")
        .onEventHandler(migrate.function())
        .logGroup(providerLogs)
        .build();
    Nag.suppress(provider, "AwsSolutions-IAM4", "CDK's Provider framework function uses the"
        + " AWSLambdaBasicExecutionRole managed policy (logs only); its code and role are CDK's own.");
    Nag.suppressOnly(provider, "AwsSolutions-IAM5", "The Provider framework may invoke only the migration"
        + " function and its versions (the ARN's ':*').", "^Resource::<.*Function[0-9A-F]{8}\\.Arn>:\\*$");

    Map<String, Object> properties = new TreeMap<>(database.environment());
    properties.put("CodeSha256", jarSha256);
    resource = CustomResource.Builder.create(this, "Resource")
        .serviceToken(provider.getServiceToken())
        .resourceType(RESOURCE_TYPE)
        .properties(properties)
        .build();
    // the writer instance, not just the cluster, must be up before the Data API answers
    resource.getNode().addDependency(database.cluster());
  }

  public CustomResource resource() {
    return resource;
  }
}
