package io.psa.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.rds.DatabaseCluster;

class ResultsDatabaseTest {
  private final Synth synth = Synth.defaults();
  private final DatabaseCluster cluster = synth.stack.database().cluster();

  @Test
  void aurora_postgresql_serverless_v2_with_the_data_api_encrypted_and_protected() {
    assertThat(synth.properties(cluster)).containsAllEntriesOf(Map.of(
        "Engine", "aurora-postgresql", "EngineVersion", "16.9",
        "EnableHttpEndpoint", true, "StorageEncrypted", true, "DeletionProtection", true,
        "ServerlessV2ScalingConfiguration", Map.of("MinCapacity", 0.5, "MaxCapacity", 4),
        "DatabaseName", "psa", "BackupRetentionPeriod", 7, "EnableIAMDatabaseAuthentication", true));
    assertThat(synth.resource(cluster)).containsEntry("DeletionPolicy", "Snapshot");
    synth.template.hasResourceProperties("AWS::RDS::DBInstance", Map.of(
        "DBClusterIdentifier", Map.of("Ref", synth.logicalId(cluster)),
        "DBInstanceClass", "db.serverless", "PubliclyAccessible", false, "Engine", "aurora-postgresql",
        "PromotionTier", 0));
  }

  @Test
  void rds_keeps_the_credentials_in_secrets_manager_and_rotates_them_so_no_password_is_in_the_template() {
    assertThat(synth.properties(cluster))
        .containsEntry("ManageMasterUserPassword", true)
        .containsEntry("MasterUsername", "psa_admin")
        .doesNotContainKey("MasterUserPassword");
    assertThat(synth.resolve(synth.stack.database().secretArn()))
        .isEqualTo(Map.of("Fn::GetAtt", List.of(synth.logicalId(cluster), "MasterUserSecret.SecretArn")));
    synth.template.resourceCountIs("AWS::SecretsManager::Secret", 0);
  }

  @Test
  void the_cluster_lives_in_isolated_subnets_of_its_own_vpc_with_no_way_in_or_out() {
    synth.template.resourceCountIs("AWS::EC2::VPC", 1);
    synth.template.resourceCountIs("AWS::EC2::Subnet", 2);
    synth.template.resourceCountIs("AWS::EC2::InternetGateway", 0);
    synth.template.resourceCountIs("AWS::EC2::NatGateway", 0);
    synth.template.hasResourceProperties("AWS::EC2::Subnet", Map.of(
        "MapPublicIpOnLaunch", false, "CidrBlock", "10.0.0.0/24",
        "VpcId", Match.anyValue(),
        "AvailabilityZone", Match.anyValue(),
        "Tags", Match.arrayWith(List.of(Map.of("Key", "aws-cdk:subnet-type", "Value", "Isolated")))));
    Map<String, Map<String, Object>> groups = synth.resourcesOfType("AWS::EC2::SecurityGroup");
    assertThat(groups).hasSize(1);
    assertThat(groups.values().iterator().next().get("Properties")).asString().doesNotContain("SecurityGroupIngress");
    synth.template.resourceCountIs("AWS::EC2::SecurityGroupIngress", 0);
    synth.template.hasResourceProperties("AWS::EC2::FlowLog", Map.of(
        "ResourceType", "VPC", "TrafficType", "ALL", "LogDestinationType", "cloud-watch-logs",
        "ResourceId", Match.anyValue(),
        "DeliverLogsPermissionArn", Match.anyValue(),
        "LogGroupName", Match.anyValue(),
        "Tags", Match.anyValue()));
  }

  @Test
  void postgres_logs_go_to_a_log_group_created_first_with_a_retention() {
    assertThat(synth.properties(cluster))
        .containsEntry("EnableCloudwatchLogsExports", List.of("postgresql"))
        .containsEntry("DBClusterIdentifier", "psa-results");
    synth.template.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
        "LogGroupName", "/aws/rds/cluster/psa-results/postgresql", "RetentionInDays", 30));
    assertThat(synth.resource(cluster).get("DependsOn")).asString().contains("ResultsPostgresLog");
  }

  @Test
  void capacity_and_deletion_protection_follow_the_context() {
    Synth teardown = Synth.with(Synth.TEARDOWN);
    assertThat(teardown.properties(teardown.stack.database().cluster()))
        .containsEntry("ServerlessV2ScalingConfiguration", Map.of("MinCapacity", 0, "MaxCapacity", 8))
        .containsEntry("DeletionProtection", false);
  }
}
