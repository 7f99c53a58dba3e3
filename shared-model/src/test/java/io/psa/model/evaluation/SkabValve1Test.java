package io.psa.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On the real SKAB valve1 files (GPL data, read from the shared folder, never copied): runs when
 * {@code ${psa.sharedDir}/data/skab} exists, and is skipped with the reason otherwise. Only the
 * fast PCA detector; {@code psa evaluate} runs them all.
 */
class SkabValve1Test {

  private static Path skab() {
    String shared = System.getProperty("psa.sharedDir", "../shared");
    return Path.of(shared, "data", "skab");
  }

  @Test
  void pca_under_skab_v2_beats_the_published_pca_on_valve1_without_alarming_all_the_time()
      throws IOException {
    Path dir = skab();
    assumeTrue(Files.isDirectory(dir.resolve("valve1")),
        "needs SKAB's valve1 folder, GPL-3.0 data kept outside the repository; not found at "
            + dir.toAbsolutePath() + " (get it as docs/evaluation.md says, then -Dpsa.sharedDir=DIR"
            + " for DIR/data/skab)");
    List<SkabFile> files = SkabReader.readFolder(dir);
    SkabConfig config = SkabConfig.load("skab-v2").only("pca");

    SkabReport report = new SkabEvaluation(config, 2).run(files, (f, d, t) -> { });

    assertThat(files).hasSize(16);
    assertThat(report.failures()).isEmpty();
    Counts pca = report.totals().get("pca");
    // 11,760 test rows, 6,309 of them labelled anomalous (counted independently from the CSVs)
    assertThat(pca.rows()).isEqualTo(11_760);
    assertThat(pca.tp() + pca.fn()).isEqualTo(6_309);
    // the published T2+Q reaches F1 0.76 at FAR 26.6 %; flagging every row gives F1 0.70
    assertThat(pca.f1()).isGreaterThan(0.76);
    assertThat(pca.far()).isLessThan(0.30);
  }
}
