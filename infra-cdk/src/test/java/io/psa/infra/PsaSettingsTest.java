package io.psa.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PsaSettingsTest {
  private static final Path BASE = Path.of("/repo/infra-cdk");

  private static PsaSettings read(Map<String, Object> context) {
    return PsaSettings.fromContext(context::get, BASE);
  }

  @Test
  void defaults_need_no_context_at_all() {
    PsaSettings settings = read(Map.of());
    assertThat(settings.stackName()).isEqualTo("psa");
    assertThat(settings.lambdaJar()).isEqualTo(Path.of("/repo/lambda-predict/target/lambda-predict.jar"));
    assertThat(settings.imageDirectory()).isEqualTo(Path.of("/repo/sagemaker-container"));
    assertThat(settings.auth()).isEqualTo(PsaSettings.ApiAuth.IAM);
    assertThat(settings.predictMode()).isEqualTo(PsaSettings.PredictMode.FUNCTION);
    assertThat(settings.model()).isEmpty();
    assertThat(List.of(settings.dbMinCapacity(), settings.dbMaxCapacity())).containsExactly(0.5, 4.0);
    assertThat(settings.dbDeletionProtection()).isTrue();
    assertThat(List.of(settings.predictConcurrency(), settings.batchConcurrency(), settings.endpointMemoryMb(),
        settings.endpointConcurrency(), settings.apiRateLimit(), settings.apiBurstLimit()))
        .containsExactly(20, 5, 2048, 5, 50, 100);
    assertThat(settings.endpointName()).isEqualTo("psa-scoring");
  }

  @Test
  void command_line_strings_and_cdk_json_values_read_the_same() {
    PsaSettings fromStrings = read(Map.of("dbMinCapacity", "0", "dbDeletionProtection", "FALSE",
        "predictConcurrency", "7", "predictMode", "Endpoint", "jwtAudience", " a , b ,", "apiAuth", "jwt",
        "jwtIssuer", "https://issuer.example.com", "lambdaJar", "/abs/x.jar"));
    PsaSettings fromJson = read(Map.of("dbMinCapacity", 0, "dbDeletionProtection", false,
        "predictConcurrency", 7.0, "predictMode", "endpoint", "jwtAudience", "a,b", "apiAuth", "JWT",
        "jwtIssuer", "https://issuer.example.com", "lambdaJar", "/abs/x.jar"));
    assertThat(fromStrings).isEqualTo(fromJson);
    assertThat(fromStrings.jwtAudience()).containsExactly("a", "b");
    assertThat(fromStrings.lambdaJar()).isEqualTo(Path.of("/abs/x.jar"));
  }

  @Test
  void a_model_is_named_by_name_and_version_under_models() {
    PsaSettings settings = read(Map.of("modelName", "press-line", "modelVersion", "2026-11-30.1"));
    assertThat(settings.model()).map(PsaSettings.ModelRef::key)
        .isEqualTo(Optional.of("models/press-line/2026-11-30.1/model.tar.gz"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "dbMinCapacity|0.3|must be a whole or half capacity unit, got 0.3",
      "dbMinCapacity|-1|must be between 0 and 256, got -1",
      "dbMaxCapacity|0.5|must be between 1 and 256, got 0.5",
      "dbMinCapacity|lots|must be a number, got 'lots'",
      "dbDeletionProtection|yes|must be true or false, got 'yes'",
      "predictConcurrency|2.5|must be a whole number, got 2.5",
      "predictConcurrency|0|must be between 1 and 1000, got 0",
      "batchConcurrency|5000|must be between 1 and 1000, got 5000",
      "endpointMemoryMb|1500|must be 1024, 2048, 3072, 4096, 5120 or 6144, got 1500",
      "endpointMemoryMb|8192|must be between 1024 and 6144, got 8192",
      "endpointMaxConcurrency|201|must be between 1 and 200, got 201",
      "apiRateLimit|0|must be between 1 and 10000, got 0",
      "apiAuth|cognito|must be one of [iam, jwt], got 'cognito'",
      "predictMode|sagemaker|must be one of [function, endpoint], got 'sagemaker'",
      "stackName|9lives|must match [A-Za-z][A-Za-z0-9-]{0,39}, got '9lives'",
  })
  void a_bad_value_fails_with_a_message_naming_its_key(String key, String value, String message) {
    assertThatThrownBy(() -> read(Map.of(key, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("context " + key + ": " + message);
  }

  @Test
  void jwt_needs_an_https_issuer_and_an_audience() {
    assertThatThrownBy(() -> read(Map.of("apiAuth", "jwt", "jwtIssuer", "https://id.example.com")))
        .hasMessage("context jwtIssuer: apiAuth=jwt needs jwtIssuer (an https URL) and jwtAudience");
    assertThatThrownBy(() -> read(Map.of("apiAuth", "jwt", "jwtIssuer", "http://id.example.com", "jwtAudience", "a")))
        .hasMessage("context jwtIssuer: must be an https URL, got 'http://id.example.com'");
  }

  @Test
  void model_name_and_version_come_together_and_stay_inside_models() {
    assertThatThrownBy(() -> read(Map.of("modelName", "press")))
        .hasMessage("context modelVersion: modelName and modelVersion are set together (models/<name>/<version>/model.tar.gz)");
    Map<String, Object> escaping = new HashMap<>(Map.of("modelName", "../secrets", "modelVersion", "1"));
    assertThatThrownBy(() -> read(escaping)).hasMessageStartingWith("context modelName: must match");
  }
}
