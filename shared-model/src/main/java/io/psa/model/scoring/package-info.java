/**
 * The one place scoring happens: {@link io.psa.model.scoring.ModelScorer} turns a validated batch
 * into a {@link io.psa.model.Prediction} (pipeline, scaler, detector, calibration, diagnostics),
 * and {@link io.psa.model.scoring.PredictionJson} writes it as the {@code /predict} response of
 * docs/api.md, or a {@link io.psa.dsp.ValidationException} as its error body. The server, the
 * Lambda, batch scoring and the evaluation all call these.
 */
package io.psa.model.scoring;
