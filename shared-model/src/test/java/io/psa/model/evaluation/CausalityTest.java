package io.psa.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No look-ahead: the predictions and scores of the first k rows are the same whether the file
 * ends after row k or goes on, for several k, for each detector of this module. (The neural
 * detectors are checked where their trainers are on the classpath, in sagemaker-container.)
 */
class CausalityTest {

  private static final int[] CUTS = {61, 75, 99, 130, 170};

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"pca", "isolation_forest"})
  void predictions_of_the_first_k_rows_do_not_depend_on_later_rows(String detector)
      throws IOException {
    SyntheticSkab.noisy(dir, "0", 200, 120, 11);
    SkabFile full = SkabReader.readFolder(dir).getFirst();
    SkabConfig config = TestConfigs.small(List.of(TestConfigs.detector(detector)),
        TestConfigs.alarm(0.99, 0, 2, 3));
    FileResult whole = NoLookAhead.assertFor(config, full, CUTS);

    // the check is not vacuous: the shift after row 120 is found
    assertThat(Arrays.stream(whole.predictions(), 130 - 60, 140).sum()).isPositive();
  }
}
