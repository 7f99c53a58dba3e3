package io.psa.model.iforest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Smile is GPL-3.0: in the whole repository only {@code io.psa.model.iforest}, in this module,
 * may import it (STYLE.md, ADR 5), so that a build without this module has no Smile at all.
 */
class SmileConfinementTest {

  @Test
  void only_the_iforest_package_of_this_module_imports_smile() throws IOException {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    Path own = repo.resolve("model-iforest/src/main/java/io/psa/model/iforest");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(repo, 12)) {
      offenders = files
          .filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
          .filter(f -> !f.startsWith(own) && !f.toString().contains("/target/"))
          .filter(SmileConfinementTest::importsSmile)
          .map(f -> repo.relativize(f).toString())
          .toList();
    }
    assertThat(own.resolve("IsolationForestTrainer.java")).exists();
    assertThat(importsSmile(own.resolve("IsolationForestTrainer.java"))).isTrue();
    assertThat(offenders).isEmpty();
  }

  private static boolean importsSmile(Path f) {
    try {
      return Files.readString(f).lines()
          .anyMatch(l -> l.startsWith("import smile.") || l.startsWith("import static smile."));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
