package io.psa.dsp;

/** Receives the windows of a {@link StreamingPipeline} as they complete, in time order. */
@FunctionalInterface
public interface WindowSink {

  /** A sink that keeps nothing: the windows' features are then not computed at all. */
  WindowSink NONE = (startMs, endMs, features) -> {};

  /**
   * @param startMs timestamp of the window's first resampled sample
   * @param endMs timestamp of its last resampled sample
   * @param features the feature vector; the array is reused after the call returns, copy to keep
   */
  void accept(long startMs, long endMs, double[] features);
}
