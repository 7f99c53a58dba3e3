package io.psa.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image without a Docker engine: the Dockerfile read as text, and the entrypoint script run
 * with a fake {@code java} that prints the arguments it was given.
 */
class DockerImageTest {
  /** Maven runs tests in the module directory. */
  private static final Path DOCKERFILE = Path.of("Dockerfile");
  private static final Path ENTRYPOINT = Path.of("docker/entrypoint.sh").toAbsolutePath();

  @TempDir Path dir;

  /** The instructions, continuation lines joined, comments dropped. */
  private static List<String> instructions() throws Exception {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(DOCKERFILE)) {
      String t = line.strip();
      if (t.startsWith("#") || t.isEmpty() && current.isEmpty()) {
        continue;
      }
      if (t.endsWith("\\")) {
        current.append(t, 0, t.length() - 1).append(' ');
        continue;
      }
      out.add(current.append(t).toString().strip());
      current.setLength(0);
    }
    return out;
  }

  private static String only(List<String> instructions, String keyword) {
    List<String> found = instructions.stream().filter(i -> i.startsWith(keyword + " ")).toList();
    assertThat(found).as(keyword).hasSize(1);
    return found.get(0).substring(keyword.length() + 1).strip();
  }

  @Test
  void the_dockerfile_runs_the_jar_on_a_java_25_base_as_a_non_root_user_on_8080() throws Exception {
    List<String> d = instructions();

    assertThat(only(d, "FROM")).matches("amazoncorretto:25[-.\\w]*|eclipse-temurin:25[-.\\w]*");
    String user = only(d, "USER");
    assertThat(user.split(":")[0]).isNotIn("root", "0").matches("[1-9]\\d*|[a-z_][a-z0-9_-]*");
    assertThat(only(d, "EXPOSE")).isEqualTo("8080");
    assertThat(only(d, "ENTRYPOINT")).isEqualTo("[\"/opt/psa/entrypoint.sh\"]");
    assertThat(only(d, "CMD")).isEqualTo("[\"serve\"]");
    assertThat(d).anyMatch(i -> i.matches("COPY .*target/psa\\.jar /opt/psa/psa\\.jar"));
    assertThat(d).anyMatch(i -> i.matches("COPY .*docker/entrypoint\\.sh /opt/psa/entrypoint\\.sh"));
    // USER comes after every COPY, so the files are root's and read-only to the server
    assertThat(d.indexOf("USER " + user)).isGreaterThan(d.indexOf(d.stream()
        .filter(i -> i.startsWith("COPY")).reduce((a, b) -> b).orElseThrow()));
  }

  @Test
  void the_image_stores_no_results_unless_psa_db_url_names_a_database() throws Exception {
    String env = only(instructions(), "ENV");

    // PSA_DB=none turns psa serve's embedded default off; PSA_DB_URL, when set, wins over it
    assertThat(env).containsPattern("(^|\\s)PSA_DB=none(\\s|$)").doesNotContain("PSA_DB_URL");
  }

  private List<String> entrypoint(Map<String, String> env, String... args) throws Exception {
    Path java = dir.resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> command = new ArrayList<>(List.of("sh", ENTRYPOINT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("PATH", dir + ":" + System.getenv("PATH"));
    pb.environment().put("PSA_JAR", "/opt/psa/psa.jar");
    pb.environment().remove("JAVA_OPTS");
    pb.environment().remove("SAGEMAKER_BIND_TO_PORT");
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    List<String> out = new String(p.getInputStream().readAllBytes()).lines().toList();
    assertThat(p.exitValue()).as("exit status, output %s", out).isZero();
    return out;
  }

  @Test
  void serve_listens_on_all_interfaces_at_8080_or_sagemakers_port() throws Exception {
    assertThat(entrypoint(Map.of(), "serve")).containsExactly(
        "-jar", "/opt/psa/psa.jar", "serve", "--host", "0.0.0.0", "--port", "8080");
    assertThat(entrypoint(Map.of("SAGEMAKER_BIND_TO_PORT", "9001"), "serve", "--timeout", "5s"))
        .containsExactly("-jar", "/opt/psa/psa.jar", "serve", "--host", "0.0.0.0", "--port", "9001",
            "--timeout", "5s");
  }

  @Test
  void no_argument_means_serve_and_java_opts_come_before_the_jar() throws Exception {
    assertThat(entrypoint(Map.of("JAVA_OPTS", "-Xmx1g -XX:+UseZGC"))).containsExactly(
        "-Xmx1g", "-XX:+UseZGC", "-jar", "/opt/psa/psa.jar", "serve", "--host", "0.0.0.0",
        "--port", "8080");
  }

  @Test
  void train_runs_the_sagemaker_training_contract_and_other_commands_pass_through() throws Exception {
    assertThat(entrypoint(Map.of(), "train")).containsExactly("-jar", "/opt/psa/psa.jar", "train");
    assertThat(entrypoint(Map.of(), "simulate", "--duration", "1s")).containsExactly(
        "-jar", "/opt/psa/psa.jar", "simulate", "--duration", "1s");
  }
}
