package io.psa.dsp;

/**
 * Receives every resampled sample of a {@link StreamingPipeline} (after regularisation, low-pass,
 * Kalman and resampling: what the windows are made of), in time order. Training uses it to see
 * how slowly each channel moves.
 */
@FunctionalInterface
public interface SampleSink {

  /** A sink that keeps nothing. */
  SampleSink NONE = sample -> {};

  /**
   * @param sample one value per channel, in the pipeline's channel order; the array is reused
   *     after the call returns
   */
  void accept(double[] sample);
}
