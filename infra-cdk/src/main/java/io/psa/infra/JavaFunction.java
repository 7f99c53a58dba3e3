package io.psa.infra;

import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.lambda.VersionOptions;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * One handler of {@code lambda-predict.jar} as a function the way every psa function runs: Java 25
 * on arm64 (about 20 % cheaper per GB-second than x86 at the same price list; not measured
 * otherwise), JSON logs into a log group kept a month, and a role of its own that starts with
 * nothing but writing that log group. With SnapStart, callers invoke the alias {@code live}, which
 * moves to the version published from each deploy's code and configuration.
 */
public final class JavaFunction extends Construct {
  /** What differs between the functions; see the call sites for why each value. */
  public record Spec(String handler, String description, int memoryMb, Duration timeout,
      Integer reservedConcurrency, Map<String, String> environment, boolean snapStart,
      IQueue deadLetterQueue) {
  }

  public static final String ALIAS = "live";

  private final Role role;
  private final Function function;
  private final IFunction entryPoint;

  public JavaFunction(Construct scope, String id, Code code, Spec spec) {
    super(scope, id);
    role = Role.Builder.create(this, "Role")
        .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
        .description(spec.description())
        .build();
    LogGroup logs = LogGroup.Builder.create(this, "Logs")
        .retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.DESTROY).build();
    logs.grantWrite(role);

    function = Function.Builder.create(this, "Function")
        .runtime(Runtime.JAVA_25)
        .architecture(Architecture.ARM_64)
        .code(code)
        .handler(spec.handler())
        .description(spec.description())
        .memorySize(spec.memoryMb())
        .timeout(spec.timeout())
        .reservedConcurrentExecutions(spec.reservedConcurrency())
        .environment(spec.environment())
        .deadLetterQueue(spec.deadLetterQueue())
        .role(role)
        .logGroup(logs)
        .loggingFormat(LoggingFormat.JSON)
        .applicationLogLevelV2(ApplicationLogLevel.INFO)
        .systemLogLevelV2(SystemLogLevel.WARN)
        .snapStart(spec.snapStart() ? SnapStartConf.ON_PUBLISHED_VERSIONS : null)
        // a replaced version is deleted once the alias has moved: old jars do not pile up
        .currentVersionOptions(VersionOptions.builder().removalPolicy(RemovalPolicy.DESTROY).build())
        .build();
    if (spec.snapStart()) {
      // the alias below publishes a version on every change, which is what SnapStart needs
      Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
          "versions are published through the alias " + ALIAS);
    }
    entryPoint = spec.snapStart()
        ? Alias.Builder.create(this, "Alias").aliasName(ALIAS).version(function.getCurrentVersion()).build()
        : function;
  }

  public Role role() {
    return role;
  }

  public Function function() {
    return function;
  }

  /** What callers invoke: the alias {@code live} with SnapStart, else the function. */
  public IFunction entryPoint() {
    return entryPoint;
  }

  /** The alias; only for SnapStart functions. */
  public Alias alias() {
    if (!(entryPoint instanceof Alias alias)) {
      throw new IllegalStateException(getNode().getPath() + " has no alias: it runs without SnapStart");
    }
    return alias;
  }
}
