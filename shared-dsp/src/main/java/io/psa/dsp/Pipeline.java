package io.psa.dsp;

import java.util.List;

/**
 * The whole signal pipeline of PIPELINE.md for one batch: regularize, low-pass (zero-phase),
 * optional Kalman, resample, window, features. Immutable and thread-safe: work buffers are
 * per-thread and reused across calls, so a steady stream of batches allocates only its outputs.
 */
public final class Pipeline {

  /** Builds the pipeline for a configuration and the model's channels, in order. */
  public Pipeline(PipelineConfig config, List<String> channels) {
    throw new UnsupportedOperationException("TODO(dsp-core)");
  }

  public PipelineConfig config() {
    throw new UnsupportedOperationException("TODO(dsp-core)");
  }

  public List<String> channels() {
    throw new UnsupportedOperationException("TODO(dsp-core)");
  }

  /** {@code <channel>.<feature>} in channel-major order. */
  public List<String> featureNames() {
    throw new UnsupportedOperationException("TODO(dsp-core)");
  }

  /**
   * Features of every window of a batch. Checks the input rules first (ordering, gaps, record
   * count, enough data for the filter and one window).
   *
   * @throws ValidationException naming the record index and field
   */
  public FeatureMatrix process(SensorBatch batch) {
    throw new UnsupportedOperationException("TODO(dsp-core)");
  }

  /** As {@link #process} and the intermediate steps, as in the golden files. */
  public PipelineTrace trace(SensorBatch batch) {
    throw new UnsupportedOperationException("TODO(dsp-core)");
  }
}
