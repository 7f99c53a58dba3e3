/**
 * Maps a detector's raw scores to the {@code [0, 1]} scores of the {@code /predict} response and
 * fixes the alarm threshold in that space: {@link io.psa.model.calibration.ScoreCalibration},
 * fitted on the training windows' raw scores and stored in the model manifest.
 */
package io.psa.model.calibration;
