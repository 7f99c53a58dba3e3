package io.psa.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol end to end on a synthetic folder whose answer is known by construction: a level
 * shift of 50 on rows [a, b) raises every 5 s window that holds one of its samples, so with the
 * causal labelling rows [a, b + 4) alarm: b - a true positives and 4 false positives (the windows
 * still holding the shift's tail), while labelled rows with no change are missed.
 */
class SkabProtocolTest {

  @TempDir Path dir;

  @Test
  void counts_f1_far_and_mar_exactly_on_a_folder_with_known_anomalies() throws IOException {
    SyntheticSkab.periodic(dir, "0", 120, 80, 90, -1, -1);
    SyntheticSkab.periodic(dir, "1", 120, 100, 104, 112, 114);
    SyntheticSkab.anomalyFree(dir);
    List<SkabFile> files = SkabReader.readFolder(dir);
    SkabConfig config = TestConfigs.small(List.of(TestConfigs.detector("pca")),
        TestConfigs.alarm(1.0, 1.0, 1, 1));

    SkabReport report = new SkabEvaluation(config, 2).run(files, List.of(), (f, done, total) -> { });

    assertThat(report.failures()).isEmpty();
    assertThat(report.of("pca")).extracting(r -> r.counts())
        .containsExactly(new Counts(10, 4, 0, 46), new Counts(4, 4, 2, 50));
    Counts total = report.totals().get("pca").all();
    assertThat(total).isEqualTo(new Counts(14, 8, 2, 96));
    assertThat(total.f1()).isEqualTo(14.0 / (14 + (2 + 8) / 2.0));
    assertThat(total.far()).isEqualTo(8.0 / 104);
    assertThat(total.mar()).isEqualTo(2.0 / 16);
  }

  @Test
  void labels_rows_from_the_first_test_row_with_the_window_ending_at_them() throws IOException {
    SyntheticSkab.periodic(dir, "0", 120, 80, 90, -1, -1);
    SkabConfig config = TestConfigs.small(List.of(TestConfigs.detector("pca")),
        TestConfigs.alarm(1.0, 1.0, 1, 1));
    FileResult r = new SkabEvaluation(config, 1).run(SkabReader.readFolder(dir), List.of(), (f, d, t) -> { })
        .results().getFirst();

    assertThat(r.testDatetimes()).hasSize(60).startsWith(SyntheticSkab.datetime(60));
    int[] expected = new int[60];
    for (int row = 80; row < 94; row++) {
      expected[row - 60] = 1;
    }
    assertThat(r.predictions()).containsExactly(expected);
    assertThat(r.scores()[85 - 60]).isGreaterThan(1);
    assertThat(r.scores()[70 - 60]).isLessThan(1);
  }

  @Test
  void a_detector_that_refuses_the_data_fails_only_its_own_results() throws IOException {
    SyntheticSkab.periodic(dir, "0", 120, 80, 90, -1, -1);
    SkabConfig.DetectorSpec bad = new SkabConfig.DetectorSpec("pca",
        java.util.Map.of("pca_variance", "7"), false);
    SkabConfig config = TestConfigs.small(List.of(bad, TestConfigs.detector("isolation_forest")),
        TestConfigs.alarm(1.0, 1.0, 1, 1));

    SkabReport report = new SkabEvaluation(config, 1).run(SkabReader.readFolder(dir), List.of(),
        (f, d, t) -> { });

    assertThat(report.failures()).containsOnlyKeys("g/0 pca");
    assertThat(report.failures().get("g/0 pca")).contains("pca_variance");
    // the failed pair still counts, as all-normal: the totals are over every file
    assertThat(report.results()).extracting(FileResult::detector)
        .containsExactly("pca", "isolation_forest");
    FileResult failed = report.of("pca").getFirst();
    assertThat(failed.predictions()).containsOnly(0);
    assertThat(failed.counts().rows()).isEqualTo(60);
    assertThat(report.of("isolation_forest").getFirst().failure()).isNull();
  }
}
