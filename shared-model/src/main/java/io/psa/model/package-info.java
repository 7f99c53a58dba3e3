/**
 * The model contracts every module shares: the detector SPIs ({@link io.psa.model.Detector},
 * {@link io.psa.model.DetectorTrainer}, {@link io.psa.model.DetectorLoader}, found through
 * {@link java.util.ServiceLoader} by {@link io.psa.model.Detectors}), the scoring contract
 * ({@link io.psa.model.BatchScorer}, {@link io.psa.model.Prediction}, {@link
 * io.psa.model.ModelInfo}) and {@link io.psa.model.Hyperparameters} for reading detector settings
 * from strings.
 *
 * <p>Sub-packages: {@code scaling} and {@code calibration} (fitted on training data only),
 * {@code iforest} (the only user of the GPL-licensed Smile) and {@code pca} detectors, {@code nn}
 * (pure-Java neural scoring), {@code artifact} (the verified model directory), {@code training}
 * and {@code scoring} (the one place scores are computed).
 */
package io.psa.model;
