package io.psa.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The functions' jar for the stack tests. Until lambda-predict is part of this build, a small real
 * jar file written once per test run stands in for {@code lambda-predict/target/lambda-predict.jar}:
 * the stack only stages it and hashes it, it never runs it.
 */
final class TestJars {
  private static Path lambdaJar;

  private TestJars() {
  }

  static synchronized Path lambdaJar() {
    if (lambdaJar == null) {
      try {
        lambdaJar = Files.createTempDirectory("psa-infra-test").resolve("lambda-predict.jar");
        lambdaJar.getParent().toFile().deleteOnExit();
        lambdaJar.toFile().deleteOnExit();
        write(lambdaJar);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return lambdaJar;
  }

  private static void write(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new JarEntry("io/psa/lambda/README.txt"));
      out.write("stand-in for lambda-predict.jar in the infra-cdk tests\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }
}
