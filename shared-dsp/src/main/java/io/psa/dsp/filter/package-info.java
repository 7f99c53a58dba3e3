/**
 * Step 2 and 3 of docs/pipeline.md: the Butterworth low-pass designed as second-order sections
 * exactly as {@code scipy.signal.butter(order, cutoff, 'low', fs=fs, output='sos')} ({@link
 * Butterworth}), its zero-phase application as {@code scipy.signal.sosfiltfilt} with default
 * padding ({@link ZeroPhaseFilter}), and the forward-only local-level Kalman filter ({@link
 * LocalLevelKalman}).
 *
 * <p>Designs are computed once and are immutable; the filters work in place on primitive arrays
 * that the caller owns, so the hot path allocates nothing.
 */
package io.psa.dsp.filter;
