package io.psa.dsp;

/**
 * The intermediate steps of one {@link Pipeline#trace} run, named as in the golden files.
 *
 * @param gridTsMs the regularized grid (step 1)
 * @param filteredFirstChannel the first channel after the low-pass and, if on, the Kalman step
 * @param downsampledTsMs the grid timestamps kept by resampling (step 4)
 * @param features the windows and their features (steps 5 and 6)
 */
public record PipelineTrace(
    long[] gridTsMs, double[] filteredFirstChannel, long[] downsampledTsMs, FeatureMatrix features) {}
