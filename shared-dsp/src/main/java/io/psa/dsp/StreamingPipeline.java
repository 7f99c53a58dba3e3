package io.psa.dsp;

import java.util.List;

/**
 * The pipeline over a signal too long to hold (a file of hours): takes records in chunks and emits
 * windows to a {@link WindowSink} as they complete, in bounded memory. Its features equal those of
 * {@link Pipeline#process} on the whole signal within 1e-9. Not thread-safe: one per signal.
 */
public final class StreamingPipeline {

  public StreamingPipeline(PipelineConfig config, List<String> channels, WindowSink sink) {
    throw new UnsupportedOperationException("TODO(dsp-core)");
  }

  /**
   * Adds the next records; their timestamps continue the previous chunk's (checked as one
   * signal: record indices in errors count from the start of the signal).
   */
  public void push(SensorBatch chunk) {
    throw new UnsupportedOperationException("TODO(dsp-core)");
  }

  /** Ends the signal: emits the remaining windows. */
  public void finish() {
    throw new UnsupportedOperationException("TODO(dsp-core)");
  }
}
