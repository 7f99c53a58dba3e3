package io.psa.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

class BuiltArtifactTest {
  @Test
  void a_missing_jar_names_itself_the_build_command_and_the_context_key(@TempDir Path dir) {
    Path jar = dir.resolve("lambda-predict.jar");
    assertThatThrownBy(() -> BuiltArtifact.require(jar, "The Lambda jar", "lambdaJar"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The Lambda jar " + jar + " is missing: build it with ./mvnw -B -DskipTests package"
            + " from the repository root (or point -c lambdaJar=PATH at it)");
  }

  @Test
  void the_stack_refuses_to_synthesize_without_the_lambda_jar(@TempDir Path dir) {
    App app = App.Builder.create().context(Map.of("lambdaJar", dir.resolve("absent.jar").toString())).build();
    assertThatThrownBy(() -> PsaApp.create(app, Synth.INFRA_DIR, false))
        .hasMessageContaining("absent.jar is missing: build it with ./mvnw -B -DskipTests package");
  }

  @Test
  void the_stack_refuses_to_synthesize_without_the_image_jar(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("docker"));
    App app = App.Builder.create().context(Map.of("lambdaJar", TestJars.lambdaJar().toString(),
        "imageDirectory", dir.toString())).build();
    assertThatThrownBy(() -> PsaApp.create(app, Synth.INFRA_DIR, false))
        .hasMessage("The SageMaker image's jar " + dir.resolve("target/psa.jar") + " is missing: build it with"
            + " ./mvnw -B -DskipTests package from the repository root (or point -c imageDirectory=PATH at it)");
  }

  @Test
  void sha256_is_the_standard_digest_of_the_bytes(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("abc"), "abc");
    assertThat(BuiltArtifact.sha256(file))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
