package io.psa.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Smile is GPL-3.0: only {@code io.psa.model.iforest} may import it (STYLE.md, issue 4). */
class SmileConfinementTest {

  @Test
  void only_the_iforest_package_imports_smile() throws IOException {
    Path main = Path.of("src/main/java");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(main)) {
      offenders = files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.startsWith(main.resolve("io/psa/model/iforest")))
          .filter(f -> {
            try {
              return Files.readString(f).lines().anyMatch(l -> l.startsWith("import smile.")
                  || l.startsWith("import static smile."));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .map(Path::toString)
          .toList();
    }
    assertThat(main.resolve("io/psa/model/iforest/IsolationForestTrainer.java")).exists();
    assertThat(offenders).isEmpty();
  }
}
