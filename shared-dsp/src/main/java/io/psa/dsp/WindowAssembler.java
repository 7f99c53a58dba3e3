package io.psa.dsp;

import io.psa.dsp.features.WindowFeatures;
import io.psa.dsp.filter.LocalLevelKalman;

/**
 * Steps 3 to 6 for a signal whose low-passed grid samples arrive in order, in stretches: the
 * Kalman step (carrying its state), resampling by {@code m}, and each window's features as soon as
 * its last sample is known. Keeps only the resampled samples a future window can still use.
 */
final class WindowAssembler {

  private final int channels;
  private final int m;
  private final int w;
  private final int s;
  private final long outputPeriodMs;
  private final LocalLevelKalman[] kalman;
  private final WindowSink sink;
  private final SampleSink samples;
  private final double[] sample;
  private final double[][] resampled;
  private final double[] row;
  private long resampledBase;
  private int resampledLength;
  private long nextWindow;
  private long t0;

  /** @param maxStretch the longest stretch {@link #accept} will get, in grid samples */
  WindowAssembler(PipelineConfig config, int channels, WindowSink sink, SampleSink samples,
      int maxStretch) {
    this.channels = channels;
    this.m = config.decimation();
    this.w = config.windowSamples();
    this.s = config.strideSamples();
    this.outputPeriodMs = config.outputPeriodMs();
    this.sink = sink;
    this.samples = samples;
    this.sample = new double[channels];
    this.kalman = new LocalLevelKalman[channels];
    for (int c = 0; c < channels && config.kalman() != null; c++) {
      kalman[c] = new LocalLevelKalman(config.kalman().q(), config.kalman().r());
    }
    this.resampled = new double[channels][w + maxStretch / m + 2];
    this.row = new double[channels * WindowFeatures.COUNT];
  }

  void start(long t0) {
    this.t0 = t0;
  }

  long windowsEmitted() {
    return nextWindow;
  }

  int retainedCapacity() {
    return resampled.length * resampled[0].length;
  }

  /** Final grid samples {@code values[c][from..to)}, the first being grid index {@code k0}. */
  void accept(double[][] values, int from, int to, long k0) {
    if (kalman[0] != null) {
      for (int c = 0; c < channels; c++) {
        kalman[c].filter(values[c], from, to);
      }
    }
    // first grid index at or after k0 that resampling keeps
    long k = (k0 + m - 1) / m * m;
    for (int i = (int) (from + k - k0); i < to; i += m, k += m) {
      long r = k / m;
      if (samples != SampleSink.NONE) {
        for (int c = 0; c < channels; c++) {
          sample[c] = values[c][i];
        }
        samples.accept(sample);
      }
      if (r < resampledBase) {
        continue; // between windows when the stride is longer than the window
      }
      for (int c = 0; c < channels; c++) {
        resampled[c][resampledLength] = values[c][i];
      }
      resampledLength++;
    }
    emitCompleteWindows();
  }

  private void emitCompleteWindows() {
    while (nextWindow * s + w <= resampledBase + resampledLength) {
      if (sink != WindowSink.NONE) {
        int at = (int) (nextWindow * s - resampledBase);
        for (int c = 0; c < channels; c++) {
          WindowFeatures.compute(resampled[c], at, w, row, c * WindowFeatures.COUNT);
        }
        long start = t0 + nextWindow * s * outputPeriodMs;
        sink.accept(start, start + (w - 1) * outputPeriodMs, row);
      }
      nextWindow++;
    }
    long keepFrom = nextWindow * s;
    int drop = (int) Math.min(keepFrom - resampledBase, resampledLength);
    if (drop > 0) {
      for (int c = 0; c < channels; c++) {
        System.arraycopy(resampled[c], drop, resampled[c], 0, resampledLength - drop);
      }
      resampledLength -= drop;
    }
    resampledBase = Math.max(resampledBase + drop, keepFrom);
  }
}
