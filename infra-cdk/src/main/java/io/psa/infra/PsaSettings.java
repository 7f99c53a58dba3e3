package io.psa.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every deploy-time choice of the stack, read from CDK context ({@code -c key=value} or
 * {@code cdk.json}) and validated here, so a bad value fails the synth with the key's name.
 *
 * @param stackName            CloudFormation stack name ({@code stackName}, default {@code psa})
 * @param lambdaJar            the functions' jar ({@code lambdaJar}, default
 *                             {@code ../lambda-predict/target/lambda-predict.jar}, relative to infra-cdk)
 * @param imageDirectory       the SageMaker image's Docker context ({@code imageDirectory}, default
 *                             {@code ../sagemaker-container})
 * @param auth                 {@code apiAuth}: {@code iam} (default, SigV4) or {@code jwt}
 * @param jwtIssuer            {@code jwtIssuer}: required with {@code apiAuth=jwt}
 * @param jwtAudience          {@code jwtAudience}: comma-separated, required with {@code apiAuth=jwt}
 * @param predictMode          {@code predictMode}: {@code function} (default, score in the Lambda) or
 *                             {@code endpoint} (the Lambda calls the SageMaker endpoint)
 * @param model                {@code modelName} + {@code modelVersion}: the bucket's
 *                             {@code models/<name>/<version>/model.tar.gz}; empty = the built-in default model
 * @param dbMinCapacity        {@code dbMinCapacity}: Aurora capacity units at idle, 0 (pauses) to 256, default 0.5
 * @param dbMaxCapacity        {@code dbMaxCapacity}: capacity units at peak, default 4
 * @param dbDeletionProtection {@code dbDeletionProtection}: default true; false before {@code cdk destroy}
 * @param predictConcurrency   {@code predictConcurrency}: reserved concurrency of the API function, default 20
 * @param batchConcurrency     {@code batchConcurrency}: reserved concurrency of the S3 function, default 5
 * @param endpointMemoryMb     {@code endpointMemoryMb}: serverless endpoint memory, 1024-6144 in steps of 1024, default 2048
 * @param endpointConcurrency  {@code endpointMaxConcurrency}: serverless endpoint concurrency, 1-200, default 5
 * @param apiRateLimit         {@code apiRateLimit}: steady requests per second over the whole API, default 50
 * @param apiBurstLimit        {@code apiBurstLimit}: burst requests, default 100
 */
public record PsaSettings(
    String stackName, Path lambdaJar, Path imageDirectory,
    ApiAuth auth, Optional<String> jwtIssuer, List<String> jwtAudience,
    PredictMode predictMode, Optional<ModelRef> model,
    double dbMinCapacity, double dbMaxCapacity, boolean dbDeletionProtection,
    int predictConcurrency, int batchConcurrency,
    int endpointMemoryMb, int endpointConcurrency,
    int apiRateLimit, int apiBurstLimit) {

  /** How callers of {@code POST /predict} authenticate. */
  public enum ApiAuth { IAM, JWT }

  /** Where {@code PredictHandler} scores. */
  public enum PredictMode { FUNCTION, ENDPOINT }

  /** A model in the bucket: {@code models/<name>/<version>/model.tar.gz}. */
  public record ModelRef(String name, String version) {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public ModelRef {
      requireMatch("modelName", name, PART);
      requireMatch("modelVersion", version, PART);
    }

    /** The object key under the bucket. */
    public String key() {
      return "models/" + name + "/" + version + "/model.tar.gz";
    }
  }

  private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,39}");

  public PsaSettings {
    requireMatch("stackName", stackName, STACK_NAME);
    if (auth == ApiAuth.JWT && (jwtIssuer.isEmpty() || jwtAudience.isEmpty())) {
      throw invalid("jwtIssuer", "apiAuth=jwt needs jwtIssuer (an https URL) and jwtAudience");
    }
    jwtIssuer.filter(issuer -> !issuer.startsWith("https://")).ifPresent(issuer -> {
      throw invalid("jwtIssuer", "must be an https URL, got '" + issuer + "'");
    });
    // Aurora Serverless v2 scales in half units; 0 lets the cluster pause when idle
    requireRange("dbMinCapacity", dbMinCapacity, 0, 256);
    requireRange("dbMaxCapacity", dbMaxCapacity, Math.max(1, dbMinCapacity), 256);
    requireHalfUnits("dbMinCapacity", dbMinCapacity);
    requireHalfUnits("dbMaxCapacity", dbMaxCapacity);
    requireRange("predictConcurrency", predictConcurrency, 1, 1000);
    requireRange("batchConcurrency", batchConcurrency, 1, 1000);
    if (endpointMemoryMb % 1024 != 0) {
      throw invalid("endpointMemoryMb", "must be 1024, 2048, 3072, 4096, 5120 or 6144, got " + endpointMemoryMb);
    }
    requireRange("endpointMemoryMb", endpointMemoryMb, 1024, 6144);
    requireRange("endpointMaxConcurrency", endpointConcurrency, 1, 200);
    requireRange("apiRateLimit", apiRateLimit, 1, 10_000);
    requireRange("apiBurstLimit", apiBurstLimit, 1, 5_000);
    jwtAudience = List.copyOf(jwtAudience);
  }

  /** The SageMaker endpoint's name: fixed from the stack name so its log group can be named in IAM. */
  public String endpointName() {
    return stackName + "-scoring";
  }

  /**
   * Reads every setting from a context lookup (values arrive as strings from {@code -c}, or as
   * JSON values from {@code cdk.json}); relative paths resolve against {@code baseDir}.
   */
  public static PsaSettings fromContext(Function<String, Object> context, Path baseDir) {
    ContextReader read = new ContextReader(context);
    return new PsaSettings(
        read.string("stackName", "psa"),
        baseDir.resolve(read.string("lambdaJar", "../lambda-predict/target/lambda-predict.jar")).normalize(),
        baseDir.resolve(read.string("imageDirectory", "../sagemaker-container")).normalize(),
        read.choice("apiAuth", ApiAuth.class, ApiAuth.IAM),
        read.optional("jwtIssuer"),
        read.list("jwtAudience"),
        read.choice("predictMode", PredictMode.class, PredictMode.FUNCTION),
        read.model(),
        read.number("dbMinCapacity", 0.5),
        read.number("dbMaxCapacity", 4),
        read.bool("dbDeletionProtection", true),
        read.integer("predictConcurrency", 20),
        read.integer("batchConcurrency", 5),
        read.integer("endpointMemoryMb", 2048),
        read.integer("endpointMaxConcurrency", 5),
        read.integer("apiRateLimit", 50),
        read.integer("apiBurstLimit", 100));
  }

  static void requireMatch(String key, String value, Pattern pattern) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw invalid(key, "must match " + pattern.pattern() + ", got '" + value + "'");
    }
  }

  private static void requireRange(String key, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw invalid(key, "must be between " + ContextReader.plain(min) + " and " + ContextReader.plain(max)
          + ", got " + ContextReader.plain(value));
    }
  }

  private static void requireHalfUnits(String key, double value) {
    if (value * 2 != Math.rint(value * 2)) {
      throw invalid(key, "must be a whole or half capacity unit, got " + ContextReader.plain(value));
    }
  }

  static IllegalArgumentException invalid(String key, String message) {
    return new IllegalArgumentException("context " + key + ": " + message);
  }
}
