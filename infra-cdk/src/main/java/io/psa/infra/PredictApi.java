package io.psa.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The HTTP API: {@code POST /predict} and nothing else, signed with SigV4 (IAM) by default or
 * carrying a JWT from the configured issuer, throttled, with a JSON access log line per request.
 */
public final class PredictApi extends Construct {
  private final HttpApi api;

  public PredictApi(Construct scope, String id, PsaSettings settings, IFunction predict) {
    super(scope, id);
    api = HttpApi.Builder.create(this, "HttpApi")
        .description("psa: POST /predict")
        .createDefaultStage(false)
        .build();
    LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
        .retention(RetentionDays.THREE_MONTHS).removalPolicy(RemovalPolicy.DESTROY).build();
    api.addStage("Stage", HttpStageOptions.builder()
        .stageName("$default")
        .autoDeploy(true)
        .throttle(ThrottleSettings.builder()
            .rateLimit(settings.apiRateLimit()).burstLimit(settings.apiBurstLimit()).build())
        .accessLogSettings(new AccessLogSettingsWithFormat(new LogGroupLogDestination(accessLogs), accessLogFormat()))
        .build());
    api.addRoutes(AddRoutesOptions.builder()
        .path("/predict")
        .methods(List.of(HttpMethod.POST))
        .authorizer(authorizer(settings))
        // the API's own limit is 30 s; the function's timeout (20 s) answers first
        .integration(HttpLambdaIntegration.Builder.create("Predict", predict)
            .payloadFormatVersion(PayloadFormatVersion.VERSION_2_0)
            .timeout(Duration.seconds(29))
            .build())
        .build());
  }

  private IHttpRouteAuthorizer authorizer(PsaSettings settings) {
    return switch (settings.auth()) {
      case IAM -> new HttpIamAuthorizer();
      case JWT -> HttpJwtAuthorizer.Builder.create("Jwt", settings.jwtIssuer().orElseThrow())
          .jwtAudience(settings.jwtAudience())
          .build();
    };
  }

  // who called (the IAM caller or the token's subject), what, and how it ended
  private static AccessLogFormat accessLogFormat() {
    return AccessLogFormat.custom("{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
        + "\"caller\":\"$context.identity.userArn\",\"sub\":\"$context.authorizer.claims.sub\","
        + "\"requestTime\":\"$context.requestTime\",\"routeKey\":\"$context.routeKey\","
        + "\"status\":\"$context.status\",\"responseLength\":\"$context.responseLength\","
        + "\"latencyMs\":\"$context.responseLatency\",\"integrationError\":\"$context.integrationErrorMessage\"}");
  }

  /**
   * Access-log settings are an interface in CDK; this is the whole implementation (a plain class:
   * jsii would take a record's accessors for methods overriding the properties).
   */
  private static final class AccessLogSettingsWithFormat implements IAccessLogSettings {
    private final IAccessLogDestination destination;
    private final AccessLogFormat format;

    AccessLogSettingsWithFormat(IAccessLogDestination destination, AccessLogFormat format) {
      this.destination = destination;
      this.format = format;
    }

    @Override
    public IAccessLogDestination getDestination() {
      return destination;
    }

    @Override
    public AccessLogFormat getFormat() {
      return format;
    }
  }

  public HttpApi api() {
    return api;
  }
}
