package io.psa.lambda.runtime;

import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClientBuilder;

/**
 * The AWS SDK clients, built once per function instance (at init, so SnapStart snapshots them),
 * all on the small URL-connection HTTP client. Credentials and region come from the default
 * chains (Lambda's environment); the standard endpoint variables ({@code AWS_ENDPOINT_URL_S3},
 * {@code AWS_ENDPOINT_URL}, ...) are honoured by the SDK itself, and S3 switches to path-style
 * addressing when an endpoint is overridden, as local S3-compatible servers need.
 */
public final class AwsClients {
  private static final SdkHttpClient HTTP = UrlConnectionHttpClient.builder()
      .connectionTimeout(Duration.ofSeconds(2))
      .socketTimeout(Duration.ofSeconds(30))
      .build();

  private AwsClients() {}

  /** Whether S3 goes to another endpoint than AWS's (a local S3-compatible server). */
  public static boolean s3EndpointOverridden(Env env) {
    return env.get("AWS_ENDPOINT_URL_S3") != null || env.get("AWS_ENDPOINT_URL") != null;
  }

  public static S3Client s3(Env env) {
    return s3Builder(env).build();
  }

  /** The S3 client's settings, for tests that add an endpoint and credentials. */
  public static S3ClientBuilder s3Builder(Env env) {
    return S3Client.builder()
        .httpClient(HTTP)
        .region(region(env))
        .forcePathStyle(s3EndpointOverridden(env));
  }

  /**
   * SageMaker runtime with the given time budget per call (all attempts) and attempts; the SDK's
   * standard retry strategy backs off exponentially with jitter on throttling and 5xx (longer
   * after a throttle).
   */
  public static SageMakerRuntimeClient sageMaker(Env env, Duration callTimeout, int maxAttempts) {
    return sageMakerBuilder(env, callTimeout, maxAttempts).build();
  }

  /** The SageMaker runtime client's settings, for tests that add an endpoint and credentials. */
  public static SageMakerRuntimeClientBuilder sageMakerBuilder(Env env, Duration callTimeout,
      int maxAttempts) {
    return SageMakerRuntimeClient.builder()
        .httpClient(HTTP)
        .region(region(env))
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .apiCallTimeout(callTimeout)
            .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts).build())
            .build());
  }

  public static RdsDataClient rdsData(Env env) {
    return RdsDataClient.builder().httpClient(HTTP).region(region(env)).build();
  }

  /** Lambda sets {@code AWS_REGION}; a local run without one uses us-east-1. */
  static Region region(Env env) {
    String r = env.get("AWS_REGION", env.get("AWS_DEFAULT_REGION", "us-east-1"));
    return Region.of(r);
  }
}
