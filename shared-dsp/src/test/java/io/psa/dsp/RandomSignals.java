package io.psa.dsp;

import io.psa.dsp.testing.Batches;
import java.util.SplittableRandom;

/**
 * Sensor-like signals that stress the pipeline: jittered sampling (sometimes one gap too large),
 * magnitudes from 1e-3 to 1e6, flat stretches, steps and spikes, on the default channels.
 */
final class RandomSignals {
  private RandomSignals() {}

  static SensorBatch next(SplittableRandom random, int records, PipelineConfig config) {
    long[] ts = new long[records];
    boolean jitter = random.nextBoolean();
    int badGapAt = random.nextInt(10) == 0 ? random.nextInt(records) : -1;
    long t = random.nextLong(-1_000_000_000L, 2_000_000_000_000L);
    for (int i = 0; i < records; i++) {
      int step = jitter ? random.nextInt(1, config.maxGapMs() + 1) : config.inputPeriodMs();
      t += i == badGapAt ? config.maxGapMs() + 1 : step;
      ts[i] = t;
    }
    double[][] values = new double[Batches.CHANNELS.size()][records];
    for (double[] column : values) {
      fill(random, column);
    }
    return SensorBatch.of(Batches.CHANNELS, ts, values);
  }

  private static void fill(SplittableRandom random, double[] column) {
    double scale = Math.pow(10, random.nextInt(-3, 7));
    double level = random.nextDouble(-1, 1) * scale;
    double noise = random.nextBoolean() ? 0 : random.nextDouble(0, 0.1) * scale;
    double hz = random.nextDouble(0, 5);
    for (int i = 0; i < column.length; i++) {
      if (random.nextInt(200) == 0) {
        level += random.nextDouble(-1, 1) * scale; // a step
      }
      double v = level + noise * random.nextGaussian() + 0.2 * scale * Math.sin(hz * i / 10.0);
      if (random.nextInt(500) == 0) {
        v += 1000 * scale; // a spike
      }
      column[i] = random.nextInt(4) == 0 && i > 0 ? column[i - 1] : v; // flat stretches
    }
  }
}
