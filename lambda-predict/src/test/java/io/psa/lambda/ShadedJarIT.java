package io.psa.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** What the java25 runtime gets: one jar, under 30 MB, without DJL, natives, Javalin or picocli. */
class ShadedJarIT {
  private static final Path JAR = Path.of(System.getProperty("psa.lambdaJar", "target/lambda-predict.jar"));

  @Test
  void the_jar_is_small_and_holds_only_what_the_functions_run() throws Exception {
    assertThat(Files.size(JAR)).isLessThan(30L * 1024 * 1024);
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> names = jar.stream().map(ZipEntry::getName).toList();
      assertThat(names).noneMatch(n -> n.startsWith("ai/djl/") || n.startsWith("io/javalin/")
          || n.startsWith("picocli/") || n.startsWith("org/eclipse/jetty/")
          || n.startsWith("org/flywaydb/") || n.startsWith("com/zaxxer/")
          || n.startsWith("io/netty/") || n.startsWith("org/apache/http/"));
      assertThat(names).noneMatch(n -> n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib")
          || n.endsWith(".jnilib"));
      assertThat(names).contains("io/psa/lambda/PredictHandler.class", "io/psa/lambda/S3BatchHandler.class",
          "io/psa/lambda/MigrationHandler.class", "io/psa/lambda/default-model/manifest.json",
          "db/migration/psa/V1__inference_results.sql", "db/migration/psa/V4__file_results.sql");
      String loaders = new String(jar.getInputStream(jar.getEntry("META-INF/services/io.psa.model.DetectorLoader"))
          .readAllBytes());
      assertThat(loaders).contains("io.psa.model.iforest.IsolationForestLoader", "io.psa.model.pca.PcaLoader");
    }
  }
}
