/**
 * Feature scaling fitted on training windows only, so that a score never depends on the batch it
 * scores: {@link io.psa.model.scaling.StandardScaler} (per-feature mean and standard deviation),
 * stored in the model manifest.
 */
package io.psa.model.scaling;
