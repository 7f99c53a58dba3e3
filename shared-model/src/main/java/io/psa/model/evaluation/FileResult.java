package io.psa.model.evaluation;

import java.util.List;

/**
 * One detector on one file: the test rows' predictions and what the pictures draw.
 *
 * @param file the experiment
 * @param detector the detector's name as configured
 * @param testDatetimes the test rows' datetime strings as in the file
 * @param labels the test rows' {@code anomaly} labels
 * @param predictions the test rows' 0/1 predictions
 * @param scores per test row, the raw score of the window that labels it, rescaled so that the
 *     training windows' median is 0 and the alarm threshold is 1 (0 for a row without a window);
 *     the same reading for every detector, which the pictures draw
 * @param counts predictions against labels
 * @param seconds wall time of fitting and scoring, s
 */
public record FileResult(
    SkabFile file,
    String detector,
    List<String> testDatetimes,
    int[] labels,
    int[] predictions,
    double[] scores,
    Counts counts,
    double seconds) {

  public FileResult {
    testDatetimes = List.copyOf(testDatetimes);
  }
}
