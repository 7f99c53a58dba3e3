package io.psa.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

/**
 * The causality check for a detector (used here and, through this module's test-jar, by the
 * neural detectors' test in sagemaker-container): the predictions and scores of the first k rows
 * are the same whether the file ends after row k or goes on.
 */
public final class NoLookAhead {

  private NoLookAhead() {}

  /**
   * Runs {@code config}'s first detector on {@code full} and on {@code full} cut after each row in
   * {@code cuts}, and asserts the cut runs agree with the whole one; returns the whole file's result.
   */
  public static FileResult assertFor(SkabConfig config, SkabFile full, int... cuts) {
    SkabProtocol protocol = new SkabProtocol(config);
    SkabConfig.DetectorSpec detector = config.detectors().getFirst();
    FileResult whole = protocol.run(full, detector, 1);
    for (int k : cuts) {
      FileResult cut = protocol.run(full.head(k + 1), detector, 1);
      int n = k + 1 - config.trainRows();
      assertThat(cut.predictions()).as("k=%d", k)
          .containsExactly(Arrays.copyOf(whole.predictions(), n));
      assertThat(cut.scores()).as("k=%d", k).containsExactly(Arrays.copyOf(whole.scores(), n));
    }
    return whole;
  }
}
