package io.psa.lambda.testing;

import io.psa.lambda.runtime.AwsClients;
import io.psa.lambda.runtime.Env;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Adobe S3Mock (an S3-compatible server, the standalone jar Maven copied to {@code
 * target/test-tools}) as a process on loopback ports of its choosing, started once per test JVM
 * and stopped when it exits. Clients are the function's own (path-style, URL-connection) with
 * test credentials.
 */
public final class S3Mock {
  private static final Pattern HTTP_PORT = Pattern.compile("Tomcat started on ports? \\d+ \\(https\\), (\\d+) \\(http\\)");
  private static S3Mock shared;

  private final Process process;
  private final int port;

  private S3Mock(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The one server of this JVM, started on first use (about 8 s). */
  public static synchronized S3Mock shared() throws Exception {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy));
    }
    return shared;
  }

  private static S3Mock start() throws Exception {
    Path jar = Path.of(System.getProperty("psa.testTools", "target/test-tools"), "s3mock-exec.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: Maven copies it in generate-test-resources");
    }
    Path root = Files.createTempDirectory("s3mock-");
    Path log = root.resolve("s3mock.log");
    Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
        "-jar", jar.toString(), "--server.port=0", "--server.address=127.0.0.1",
        "--com.adobe.testing.s3mock.httpPort=0", "--com.adobe.testing.s3mock.store.root=" + root.resolve("store"),
        "--spring.main.banner-mode=off")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline && p.isAlive()) {
      Matcher m = HTTP_PORT.matcher(Files.readString(log));
      if (m.find()) {
        return new S3Mock(p, Integer.parseInt(m.group(1)));
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new IOException("S3Mock did not start: " + Files.readString(log));
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The environment a function needs to use this server through the standard variables. */
  public Map<String, String> env() {
    return Map.of("AWS_ENDPOINT_URL_S3", endpoint().toString(), "AWS_ACCESS_KEY_ID", "test",
        "AWS_SECRET_ACCESS_KEY", "test-secret", "AWS_REGION", "eu-west-1");
  }

  /** A client built as the function builds its own, pointed here. */
  public S3Client client() {
    return AwsClients.s3Builder(new Env(env())).endpointOverride(endpoint())
        .credentialsProvider(Aws.CREDENTIALS).build();
  }

  /** A new bucket with a unique name. */
  public String bucket(S3Client s3) {
    String name = "psa-test-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    s3.createBucket(b -> b.bucket(name));
    return name;
  }
}
