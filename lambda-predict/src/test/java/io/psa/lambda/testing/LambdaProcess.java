package io.psa.lambda.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The shaded jar started exactly as Lambda's java25 runtime starts a function: the runtime
 * interface client's {@code AWSLambda} main with {@code _HANDLER} and {@code
 * AWS_LAMBDA_RUNTIME_API} set, the jar on the class path.
 */
public final class LambdaProcess implements AutoCloseable {
  public final Process process;
  public final Path log;
  public final long startNanos;

  private LambdaProcess(Process process, Path log, long startNanos) {
    this.process = process;
    this.log = log;
    this.startNanos = startNanos;
  }

  public static LambdaProcess start(String handler, RuntimeApi api, Map<String, String> env,
      String... jvmOptions) throws IOException {
    Path jar = Path.of(System.getProperty("psa.lambdaJar", "target/lambda-predict.jar"));
    Path tools = Path.of(System.getProperty("psa.testTools", "target/test-tools"));
    Assumptions.assumeTrue(Files.isRegularFile(jar), jar + " is not built: ./mvnw -B verify builds it");
    String cp = String.join(java.io.File.pathSeparator, jar.toString(),
        tools.resolve("aws-lambda-java-runtime-interface-client.jar").toString(),
        tools.resolve("aws-lambda-java-serialization.jar").toString(),
        tools.resolve("utils-lite.jar").toString());
    java.util.List<String> cmd = new java.util.ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.addAll(java.util.List.of(jvmOptions));
    cmd.addAll(java.util.List.of("-cp", cp, "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler));
    Path log = Files.createTempFile("lambda-", ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("PSA_") || k.startsWith("AWS_"));
    e.put("_HANDLER", handler);
    e.put("AWS_LAMBDA_RUNTIME_API", api.address());
    e.put("AWS_LAMBDA_FUNCTION_NAME", "psa-test");
    e.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    e.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
    e.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/psa-test");
    e.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/29/[$LATEST]test");
    e.put("AWS_REGION", "eu-west-1");
    e.putAll(env);
    long start = System.nanoTime();
    return new LambdaProcess(pb.start(), log, start);
  }

  public String logText() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
