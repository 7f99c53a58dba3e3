package io.psa.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class PredictApiTest {
  private final Synth synth = Synth.defaults();

  @Test
  void post_predict_is_the_only_route_and_it_needs_a_sigv4_signature() {
    synth.template.resourceCountIs("AWS::ApiGatewayV2::Route", 1);
    synth.template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of(
        "RouteKey", "POST /predict", "AuthorizationType", "AWS_IAM",
        "ApiId", Match.anyValue(), "Target", Match.anyValue()));
    synth.template.resourceCountIs("AWS::ApiGatewayV2::Authorizer", 0);
    synth.template.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of(
        "ProtocolType", "HTTP", "Name", Match.anyValue(), "Description", Match.anyValue()));
  }

  @Test
  void the_stage_throttles_and_writes_a_json_access_log_line_per_request() {
    Map<String, Object> stage = synth.resourcesOfType("AWS::ApiGatewayV2::Stage").values().iterator().next();
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = (Map<String, Object>) stage.get("Properties");
    assertThat(properties)
        .containsEntry("StageName", "$default")
        .containsEntry("AutoDeploy", true)
        .containsEntry("DefaultRouteSettings", Map.of("ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 100));
    @SuppressWarnings("unchecked")
    Map<String, Object> accessLogs = (Map<String, Object>) properties.get("AccessLogSettings");
    String logGroup = synth.logicalId(synth.stack.api().getNode().findChild("AccessLogs"));
    assertThat(accessLogs.get("DestinationArn")).isEqualTo(Map.of("Fn::GetAtt", List.of(logGroup, "Arn")));
    assertThat((String) accessLogs.get("Format")).contains(
        "\"requestId\":\"$context.requestId\"", "\"caller\":\"$context.identity.userArn\"",
        "\"status\":\"$context.status\"", "\"integrationError\":\"$context.integrationErrorMessage\"");
  }

  @Test
  void throttling_follows_the_context() {
    Synth tight = Synth.with(Synth.TUNED);
    tight.template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Match.objectLike(Map.of(
        "DefaultRouteSettings", Map.of("ThrottlingRateLimit", 5, "ThrottlingBurstLimit", 10))));
  }

  @Test
  void jwt_mode_checks_the_issuer_and_audience_instead_of_iam() {
    Synth jwt = Synth.with(Synth.ENDPOINT_AND_JWT);
    jwt.template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", Map.of(
        "AuthorizerType", "JWT", "IdentitySource", List.of("$request.header.Authorization"),
        "JwtConfiguration", Map.of("Issuer", "https://issuer.example.com/pool", "Audience", List.of("psa-api", "psa-cli")),
        "ApiId", Match.anyValue(), "Name", Match.anyValue()));
    jwt.template.hasResourceProperties("AWS::ApiGatewayV2::Route", Match.objectLike(Map.of(
        "RouteKey", "POST /predict", "AuthorizationType", "JWT")));
  }
}
