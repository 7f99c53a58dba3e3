/**
 * The signal pipeline of docs/pipeline.md, shared by the Lambda, the SageMaker container and batch
 * scoring so they compute the same features: {@link io.psa.dsp.Pipeline} for one batch and {@link
 * io.psa.dsp.StreamingPipeline} for a signal of any length in bounded memory, configured by {@link
 * io.psa.dsp.PipelineConfig}, fed {@link io.psa.dsp.SensorBatch}es checked by {@link
 * io.psa.dsp.InputRules}, answering {@link io.psa.dsp.FeatureMatrix} rows or rejecting input with
 * one {@link io.psa.dsp.ValidationException}.
 *
 * <p>The numerical steps live in {@code io.psa.dsp.filter} (Butterworth design, zero-phase filter,
 * Kalman) and {@code io.psa.dsp.features} (the six window features); every number agrees with
 * numpy/scipy within 1e-9 (the filter and regularization to the bit with scipy 1.17).
 */
package io.psa.dsp;
