package io.psa.model.training;

import io.psa.model.Detector;
import io.psa.model.Detectors;
import io.psa.model.scaling.StandardScaler;
import java.util.Map;

/**
 * The core every training shares: a scaler fitted on the training feature rows, then a detector
 * fitted on the scaled rows. {@link ModelTrainer} adds the calibration and the artifact around it,
 * the SKAB evaluation its alarm rule; neither repeats these steps. Immutable once fitted; scoring
 * is as thread-safe as the detector's own.
 *
 * @param scaler fitted on the training rows only
 * @param detector fitted on the scaled training rows
 */
public record FittedDetector(StandardScaler scaler, Detector detector) {

  /**
   * Fits the scaler, then the detector named {@code detector} (a kind or alias its
   * {@link io.psa.model.DetectorTrainer} knows).
   *
   * @param rows training feature rows {@code [window][feature]}, in time order (sequence detectors
   *     read consecutive rows); not modified
   * @param hyperparameters the detector's settings as strings; keys it does not know are ignored
   * @param seed fixes every random choice of the fit
   */
  public static FittedDetector fit(
      double[][] rows, String detector, Map<String, String> hyperparameters, long seed) {
    StandardScaler scaler = StandardScaler.fit(rows);
    Detector fitted =
        Detectors.trainer(detector).fit(scaler.transform(rows), hyperparameters, seed);
    return new FittedDetector(scaler, fitted);
  }

  /**
   * Raw scores of feature rows (higher is more anomalous), scaled with the training scaler; rows in
   * time order, scored in one call so that sequence detectors see each row's predecessors.
   */
  public double[] score(double[][] rows) {
    return detector.score(scaler.transform(rows));
  }
}
