package io.psa.model.evaluation;

import io.psa.model.calibration.CalibrationFitter;
import io.psa.model.training.FittedDetector;
import java.util.Arrays;

/**
 * The EVALUATION.md protocol for one file and one detector: the scaler, the detector
 * and the alarm threshold are fitted on the windows that end within the first
 * {@code train_rows} rows only; every later row is labelled causally ({@link CausalLabels}).
 *
 * <p>The windows are scored in one call, in time order, so that sequence detectors see the
 * windows before each one, and never one after it. Stateless and thread-safe.
 */
public final class SkabProtocol {

  /** Held while an exclusive detector trains: one such training per process at a time. */
  private static final Object EXCLUSIVE = new Object();

  private final SkabConfig config;

  public SkabProtocol(SkabConfig config) {
    this.config = config;
  }

  private FittedDetector fit(SkabConfig.DetectorSpec spec, double[][] rows) {
    if (!spec.exclusive()) {
      return FittedDetector.fit(rows, spec.name(), spec.hyperparameters(), config.seed());
    }
    synchronized (EXCLUSIVE) {
      return FittedDetector.fit(rows, spec.name(), spec.hyperparameters(), config.seed());
    }
  }

  /** Fits on the training windows and labels every test row. */
  public FileResult run(FileFeatures features, SkabConfig.DetectorSpec spec) {
    long start = System.nanoTime();
    int train = features.trainWindows();
    double[][] trainRows = Arrays.copyOf(features.rows(), train);
    double[] raw = fit(spec, trainRows).score(features.rows());
    double[] trainRaw = Arrays.copyOf(raw, train);

    AlarmRule rule = config.alarmOf(spec);
    double threshold = rule.threshold(trainRaw);
    boolean[] alarms = rule.decide(raw, threshold);
    // for the pictures: the training median at 0 and the threshold at 1, whatever the detector
    double median = median(trainRaw);
    double unit = threshold > median ? threshold - median : 1;

    SkabFile file = features.file();
    int from = config.trainRows();
    int[] windowOf = CausalLabels.windowOfRow(features.windowEndMs(), file.tsMs(), from);
    int[] predictions = CausalLabels.labels(windowOf, alarms);
    double[] scores = new double[windowOf.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = windowOf[i] < 0 ? 0 : (raw[windowOf[i]] - median) / unit;
    }
    int[] labels = Arrays.copyOfRange(file.anomaly(), from, file.rows());
    return new FileResult(file, spec.name(), file.datetimes().subList(from, file.rows()), labels,
        predictions, scores, Counts.of(labels, predictions),
        (System.nanoTime() - start) / 1e9);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return CalibrationFitter.quantile(sorted, 0.5);
  }
}
