package io.psa.lambda.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/** Real SDK clients pointed at local stand-ins, with test credentials. */
public final class Aws {
  public static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test-secret"));
  public static final String CLUSTER = "arn:aws:rds:eu-west-1:123456789012:cluster:psa";
  public static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:psa-db-AbCdEf";

  private Aws() {}

  public static RdsDataClient rdsData(URI endpoint) {
    return RdsDataClient.builder().endpointOverride(endpoint).region(Region.EU_WEST_1)
        .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
  }
}
