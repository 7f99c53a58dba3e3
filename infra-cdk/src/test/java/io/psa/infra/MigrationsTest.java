package io.psa.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.services.lambda.Function;

class MigrationsTest {
  private final Synth synth = Synth.defaults();
  private final Migrations migrations = synth.stack.migrations();
  private final JavaFunction handler = (JavaFunction) migrations.getNode().findChild("Handler");

  @Test
  void the_custom_resource_carries_the_database_and_the_jar_checksum_so_new_code_runs_it_again() {
    assertThat(synth.resource(migrations.resource())).containsEntry("Type", "Custom::PsaMigrations");
    assertThat(synth.properties(migrations.resource())).containsAllEntriesOf(Map.of(
        "CodeSha256", BuiltArtifact.sha256(TestJars.lambdaJar()),
        "PSA_DB_CLUSTER_ARN", synth.resolve(synth.stack.database().cluster().getClusterArn()),
        "PSA_DB_SECRET_ARN", synth.resolve(synth.stack.database().secretArn()),
        "PSA_DB_NAME", "psa", "PSA_DB_SCHEMA", "psa"));
  }

  @Test
  void the_provider_framework_calls_the_migration_handler_of_the_jar() {
    Function framework = (Function) migrations.getNode().findChild("Provider").getNode().findChild("framework-onEvent");
    assertThat(synth.properties(migrations.resource()))
        .containsEntry("ServiceToken", Map.of("Fn::GetAtt", List.of(synth.logicalId(framework), "Arn")));
    assertThat(synth.properties(framework).get("Environment")).asString()
        .contains(synth.logicalId(handler.function()));
    assertThat(synth.properties(handler.function())).containsAllEntriesOf(Map.of(
        "Handler", "io.psa.lambda.MigrationHandler", "Runtime", "java25", "Architectures", List.of("arm64"),
        "Timeout", 300, "MemorySize", 512));
    assertThat(synth.properties(handler.function())).doesNotContainKey("SnapStart");
  }

  @Test
  void it_runs_after_the_writer_instance_is_up() {
    String writer = synth.resourcesOfType("AWS::RDS::DBInstance").keySet().iterator().next();
    assertThat(synth.resource(migrations.resource()).get("DependsOn")).asInstanceOf(
        InstanceOfAssertFactories.LIST).contains(writer, synth.logicalId(synth.stack.database().cluster()));
  }

  @Test
  void the_handler_may_use_the_data_api_on_this_cluster_and_nothing_else() {
    assertThat(Policies.of(synth, handler.role())).containsExactlyInAnyOrder(
        FunctionsTest.logsIn(synth, handler), FunctionsTest.dataApiIn(synth), FunctionsTest.secretIn(synth));
  }
}
