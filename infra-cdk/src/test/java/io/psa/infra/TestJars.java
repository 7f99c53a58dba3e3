package io.psa.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The functions' jar for the stack tests: the real {@code lambda-predict/target/lambda-predict.jar}
 * that the reactor built before this module (its POM-type test dependency fixes the order), so
 * the template the tests check is the template a deploy would get.
 */
final class TestJars {

  private TestJars() {
  }

  static Path lambdaJar() {
    Path jar = Synth.INFRA_DIR.resolve("../lambda-predict/target/lambda-predict.jar").normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build it first (./mvnw -B -DskipTests"
          + " package builds every module in order)");
    }
    return jar;
  }
}
