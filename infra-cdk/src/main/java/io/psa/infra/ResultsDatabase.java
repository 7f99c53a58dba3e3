package io.psa.infra;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.BackupProps;
import software.amazon.awscdk.services.rds.CfnDBCluster;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.constructs.Construct;

/**
 * Aurora PostgreSQL Serverless v2 with the Data API (ADR 15), in isolated subnets of the stack's
 * own VPC. No function reaches it over the network: they call the Data API with a secret that RDS
 * creates, keeps in Secrets Manager and rotates itself ({@code ManageMasterUserPassword}).
 */
public final class ResultsDatabase extends Construct {
  /** The database and schema the server's migrations and the functions use. */
  public static final String DATABASE = "psa";
  public static final String SCHEMA = "psa";

  private final DatabaseCluster cluster;

  public ResultsDatabase(Construct scope, String id, PsaSettings settings) {
    super(scope, id);
    Vpc vpc = isolatedVpc();
    String clusterId = settings.stackName().toLowerCase(Locale.ROOT) + "-results";
    cluster = DatabaseCluster.Builder.create(this, "Cluster")
        .engine(DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
            .version(AuroraPostgresEngineVersion.VER_16_9).build()))
        .writer(ClusterInstance.serverlessV2("writer"))
        .serverlessV2MinCapacity(settings.dbMinCapacity())
        .serverlessV2MaxCapacity(settings.dbMaxCapacity())
        .vpc(vpc)
        .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
        .enableDataApi(true)
        .credentials(Credentials.fromUsername("psa_admin"))
        .manageMasterUserPassword(true)
        .defaultDatabaseName(DATABASE)
        .storageEncrypted(true)
        // cdk-nag's RDS6; nothing signs in with IAM today (the Data API uses the secret)
        .iamAuthentication(true)
        .deletionProtection(settings.dbDeletionProtection())
        .backup(BackupProps.builder().retention(Duration.days(7)).build())
        .clusterIdentifier(clusterId)
        .cloudwatchLogsExports(List.of("postgresql"))
        .removalPolicy(RemovalPolicy.SNAPSHOT)
        .build();
    // the log group RDS would create never expires: create it first, with a retention, under the
    // name RDS writes to (cloudwatchLogsRetention would add a custom-resource Lambda for this)
    LogGroup postgresLog = LogGroup.Builder.create(this, "PostgresLog")
        .logGroupName("/aws/rds/cluster/" + clusterId + "/postgresql")
        .retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.DESTROY).build();
    cluster.getNode().addDependency(postgresLog);
    if (!settings.dbDeletionProtection()) {
      Nag.suppress(cluster, "AwsSolutions-RDS10", "Deletion protection was turned off on purpose with"
          + " -c dbDeletionProtection=false, the step before cdk destroy (docs/deploy.md).");
    }
  }

  // two zones of isolated subnets, no NAT, no internet gateway: nothing in this VPC needs to
  // leave it, and nothing outside reaches in; flow logs record what tries
  private Vpc isolatedVpc() {
    return Vpc.Builder.create(this, "Vpc")
        .maxAzs(2)
        .natGateways(0)
        .subnetConfiguration(List.of(SubnetConfiguration.builder()
            .name("database").subnetType(SubnetType.PRIVATE_ISOLATED).cidrMask(24).build()))
        .flowLogs(Map.of("all", FlowLogOptions.builder()
            .destination(FlowLogDestination.toCloudWatchLogs(LogGroup.Builder.create(this, "FlowLogs")
                .retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.DESTROY).build()))
            .build()))
        .build();
  }

  public DatabaseCluster cluster() {
    return cluster;
  }

  /** The ARN of the secret RDS manages and rotates for the master user. */
  public String secretArn() {
    return ((CfnDBCluster) cluster.getNode().getDefaultChild()).getAttrMasterUserSecretSecretArn();
  }

  /** What a function needs to reach the database: the variables lambda-predict reads. */
  public Map<String, String> environment() {
    return Map.of(
        "PSA_DB_CLUSTER_ARN", cluster.getClusterArn(),
        "PSA_DB_SECRET_ARN", secretArn(),
        "PSA_DB_NAME", DATABASE,
        "PSA_DB_SCHEMA", SCHEMA);
  }

  /** Data API statements on this cluster and reading its secret: nothing else of RDS. */
  public void grantDataApi(IGrantable grantee) {
    grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("rds-data:ExecuteStatement", "rds-data:BatchExecuteStatement",
            "rds-data:BeginTransaction", "rds-data:CommitTransaction", "rds-data:RollbackTransaction"))
        .resources(List.of(cluster.getClusterArn()))
        .build());
    grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"))
        .resources(List.of(secretArn()))
        .build());
  }
}
