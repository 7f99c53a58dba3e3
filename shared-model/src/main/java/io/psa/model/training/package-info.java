/**
 * Training a model end to end: continuous signals ({@link io.psa.model.training.SignalSource}, in
 * chunks through {@link io.psa.dsp.StreamingPipeline}, so an hour of data never sits in memory
 * whole) to window features, a scaler fitted on them, a detector fitted by its
 * {@link io.psa.model.DetectorTrainer} (these two in {@link io.psa.model.training.FittedDetector},
 * which the SKAB evaluation shares), a calibration of its training scores, and an artifact
 * directory. {@link io.psa.model.training.TrainingSettings} reads everything from the string map
 * SageMaker passes as hyperparameters.
 */
package io.psa.model.training;
