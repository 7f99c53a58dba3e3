package io.psa.bench;

import io.psa.dsp.SensorBatch;
import java.util.List;

/**
 * The benchmark signal, also written out by {@code scipy/pipeline_bench.py} with the same
 * formulas: four channels at 10 ms, each a level, a slow sine and a deterministic pseudo-noise
 * (a sine of a large multiple of the index), so Java and Python time the same numbers.
 */
final class BenchData {

  static final List<String> CHANNELS = List.of("pressure", "force", "acceleration", "temperature");
  private static final double[] LEVEL = {6, 12, 0, 45};
  private static final double[] AMPLITUDE = {0.8, 2, 0.3, 0.05};
  private static final double[] HZ = {1.3, 0.4, 2.1, 0.05};
  private static final double[] NOISE = {0.2, 0.5, 0.05, 0.01};

  private BenchData() {}

  /** {@code records} records at 10 ms starting at {@code firstIndex · 10} ms. */
  static SensorBatch batch(long firstIndex, int records) {
    long[] ts = new long[records];
    double[][] values = new double[CHANNELS.size()][records];
    for (int i = 0; i < records; i++) {
      long k = firstIndex + i;
      ts[i] = 10 * k;
      double t = k * 0.01;
      for (int c = 0; c < values.length; c++) {
        values[c][i] = LEVEL[c] + AMPLITUDE[c] * Math.sin(2 * Math.PI * HZ[c] * t)
            + NOISE[c] * Math.sin(12345.678 * (k + 1) * (c + 1));
      }
    }
    return SensorBatch.of(CHANNELS, ts, values);
  }
}
