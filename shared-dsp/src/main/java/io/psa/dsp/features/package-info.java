/**
 * Step 6 of docs/pipeline.md: the six features of a window ({@code rms, kurtosis, spectral_energy,
 * zcr, mean, ptp}), computed in one pass pair over a primitive array without allocating, and their
 * {@code <channel>.<feature>} names in channel-major order.
 */
package io.psa.dsp.features;
