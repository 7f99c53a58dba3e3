package io.psa.lambda.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/** A real {@code psa serve --port 0} process (the SageMaker container's jar) with a given model. */
public final class PsaServe implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
  private final Process process;
  private final Path log;
  private final int port;

  private PsaServe(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts it and waits until {@code /ping} answers 200. */
  public static PsaServe start(Path model) throws Exception {
    Path jar = Path.of(System.getProperty("psa.psaJar", "../sagemaker-container/target/psa.jar"));
    Assumptions.assumeTrue(Files.isRegularFile(jar), jar + " is not built: ./mvnw -B verify builds it");
    Path log = Files.createTempFile("psa-serve", ".log");
    ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
        "-jar", jar.toString(), "serve", "--port", "0", "--model", model.toString(), "--cache-entries", "0")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    // stateless, as the image runs it (PSA_DB=none): never the embedded database in ~/.psa
    pb.environment().remove("PSA_DB_URL");
    pb.environment().put("PSA_DB", "none");
    Process p = pb.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && p.isAlive()) {
      Matcher m = LISTENING.matcher(Files.readString(log));
      if (m.find()) {
        PsaServe s = new PsaServe(p, log, Integer.parseInt(m.group(1)));
        s.awaitPing(deadline);
        return s;
      }
      Thread.sleep(50);
    }
    p.destroyForcibly();
    throw new IllegalStateException("psa serve did not start: " + Files.readString(log));
  }

  private void awaitPing(long deadline) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(HttpRequest.newBuilder(uri().resolve("/ping")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("psa serve never answered /ping: " + Files.readString(log));
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
