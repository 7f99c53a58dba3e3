package io.psa.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code npm ci} and {@code npx cdk synth} exactly as docs/deploy.md tells a user, with the CLI
 * pinned in package.json: no AWS credentials (every AWS_ variable removed, instance metadata off),
 * no Docker engine, and no network: the synth runs in a network namespace of its own
 * ({@code unshare --net}) where the machine allows one, else behind a dead proxy. Skipped, with
 * the reason, only where npm is not installed.
 */
class CdkSynthIT {
  private static final long SYNTH_LIMIT_SECONDS = 240;
  /** No AWS account, no telemetry, and a proxy that refuses every connection. */
  private static final Map<String, String> OFFLINE_ENV = Map.of(
      "CDK_DISABLE_CLI_TELEMETRY", "true",
      "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20",
      "AWS_EC2_METADATA_DISABLED", "true",
      "HTTPS_PROXY", "http://127.0.0.1:9", "HTTP_PROXY", "http://127.0.0.1:9",
      "https_proxy", "http://127.0.0.1:9", "http_proxy", "http://127.0.0.1:9", "NO_PROXY", "");

  /** Whether this machine lets the synth run in a network namespace with no interface up. */
  private static boolean networkNamespaces;

  @TempDir
  static Path out;

  @BeforeAll
  static void install_the_pinned_cli() throws Exception {
    assumeTrue(onPath("npm") && onPath("node"),
        "node and npm are not on the PATH: cdk synth through the CLI cannot run here (the stack tests still ran)");
    Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
    assertThat(install.exitCode()).as("npm ci: %s", install.output()).isZero();
    networkNamespaces = onPath("unshare") && run(List.of("unshare", "--net", "true"), Map.of(), 10).exitCode() == 0;
    if (!networkNamespaces) {
      System.err.println("CdkSynthIT: no network namespace here (unshare --net refused); synth runs behind a dead proxy only");
    }
  }

  @Test
  void synth_writes_the_template_and_stages_both_assets_with_no_credentials_docker_or_network() throws Exception {
    Path cdkOut = out.resolve("cdk.out");
    Result synth = run(offline("npx", "cdk", "synth", "--no-notices", "-q", "-o", cdkOut.toString(),
        "-c", "lambdaJar=" + TestJars.lambdaJar()), OFFLINE_ENV, SYNTH_LIMIT_SECONDS);

    assertThat(synth.exitCode()).as("cdk synth: %s", synth.output()).isZero();
    assertThat(synth.output()).doesNotContain("AwsSolutions-").doesNotContain("ERROR");
    JsonNode template = new ObjectMapper().readTree(cdkOut.resolve("Psa.template.json").toFile());
    List<String> types = new ArrayList<>();
    template.get("Resources").forEach(resource -> types.add(resource.get("Type").asText()));
    assertThat(types).contains("AWS::S3::Bucket", "AWS::RDS::DBCluster", "Custom::PsaMigrations",
        "AWS::Lambda::Alias", "AWS::ApiGatewayV2::Route", "AWS::SageMaker::Endpoint");

    JsonNode assets = new ObjectMapper().readTree(cdkOut.resolve("Psa.assets.json").toFile());
    List<Path> stagedJars = new ArrayList<>();
    assets.get("files").forEach(file -> stagedJars.add(cdkOut.resolve(file.at("/source/path").asText())));
    assertThat(stagedJars).filteredOn(path -> path.toString().endsWith(".jar"))
        .singleElement().satisfies(jar -> assertThat(jar).hasSameBinaryContentAs(TestJars.lambdaJar()));

    JsonNode image = assets.get("dockerImages").elements().next();
    assertThat(image.at("/source/platform").asText()).isEqualTo("linux/amd64");
    Path staged = cdkOut.resolve(image.at("/source/directory").asText());
    assertThat(staged.resolve("Dockerfile")).exists();
    assertThat(staged.resolve("docker/entrypoint.sh")).exists();
    assertThat(staged.resolve("target/psa.jar")).hasSize(Files.size(Synth.INFRA_DIR.resolve("../sagemaker-container/target/psa.jar")));
    try (var files = Files.walk(staged)) {
      assertThat(files.filter(Files::isRegularFile).count()).as("only what the Dockerfile copies is staged").isEqualTo(3);
    }
  }

  @Test
  void a_missing_jar_fails_the_synth_with_the_build_command() throws Exception {
    Result synth = run(offline("npx", "cdk", "synth", "--no-notices", "-q", "-o", out.resolve("missing").toString(),
        "-c", "lambdaJar=" + out.resolve("absent.jar")), OFFLINE_ENV, SYNTH_LIMIT_SECONDS);
    assertThat(synth.exitCode()).isNotZero();
    assertThat(synth.output()).contains("psa infra: The Lambda jar " + out.resolve("absent.jar")
        + " is missing: build it with ./mvnw -B -DskipTests package");
  }

  private static List<String> offline(String... command) {
    List<String> full = new ArrayList<>();
    if (networkNamespaces) {
      full.addAll(List.of("unshare", "--net"));
    }
    full.addAll(List.of(command));
    return full;
  }

  private record Result(int exitCode, String output) {
  }

  private static Result run(List<String> command, Map<String, String> extraEnv, long limitSeconds)
      throws IOException, InterruptedException {
    File log = Files.createTempFile(out, "command", ".log").toFile();
    ProcessBuilder builder = new ProcessBuilder(command).directory(Synth.INFRA_DIR.toFile())
        .redirectErrorStream(true).redirectOutput(log);
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("CDK_"));
    builder.environment().putAll(extraEnv);
    Process process = builder.start();
    if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish in " + limitSeconds + " s: " + Files.readString(log.toPath()));
    }
    return new Result(process.exitValue(), Files.readString(log.toPath()));
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
