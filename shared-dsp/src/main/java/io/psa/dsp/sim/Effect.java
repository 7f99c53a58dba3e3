package io.psa.dsp.sim;

import java.util.SplittableRandom;

/**
 * One anomaly acting on one channel. Called for the channel's samples inside the anomaly's
 * interval, in time order, so effects may keep state (the spike schedule, the frozen value). Each
 * effect draws from its own random stream: the channel's normal samples, and so everything outside
 * the interval, are the same with or without the anomaly.
 */
sealed interface Effect {

  /**
   * @param tMs offset of the sample from the signal's start, ms, inside the interval
   * @param value the sample so far (normal value plus earlier anomalies)
   * @param previous the channel's previous output, NaN for the first record
   */
  double apply(long tMs, double value, double previous);

  /** The effect of {@code anomaly} on a channel of normal variation {@code scale}. */
  static Effect of(Anomaly anomaly, double scale, int periodMs, SplittableRandom random) {
    return switch (anomaly.kind()) {
      case SPIKE -> new Spikes(anomaly.endMs(), scale, periodMs, random);
      case DRIFT -> new Drift(anomaly, signed(random, uniform(random, 4, 8) * scale), periodMs);
      case NOISE_BURST -> new NoiseBurst(uniform(random, 5, 10) * scale, random);
      case STUCK -> new Stuck();
    };
  }

  private static double uniform(SplittableRandom random, double from, double to) {
    return from + (to - from) * random.nextDouble();
  }

  private static double signed(SplittableRandom random, double magnitude) {
    return random.nextBoolean() ? magnitude : -magnitude;
  }

  /** Half-sine excursions of 50-200 ms and 5-10 scale, starting every 0.35-1.2 s. */
  final class Spikes implements Effect {
    private final long endMs;
    private final double scale;
    private final int periodMs;
    private final SplittableRandom random;
    private long start = Long.MIN_VALUE;
    private long length;
    private double amplitude;
    private long next = Long.MIN_VALUE; // the first sample of the interval starts a spike

    Spikes(long endMs, double scale, int periodMs, SplittableRandom random) {
      this.endMs = endMs;
      this.scale = scale;
      this.periodMs = periodMs;
      this.random = random;
    }

    @Override
    public double apply(long tMs, double value, double previous) {
      if (tMs >= next) {
        start = tMs;
        // at least one period, so that even coarse sampling catches the spike's crest
        length = Math.min(Math.max(Math.round(uniform(random, 50, 200)), periodMs), endMs - tMs);
        amplitude = signed(random, uniform(random, 5, 10) * scale);
        next = start + length + Math.round(uniform(random, 300, 1000));
      }
      if (tMs >= start + length) {
        return value;
      }
      // sampled at the middle of each period, so a spike's first and last samples are non-zero
      double x = (tMs - start + periodMs / 2.0) / length;
      return value + amplitude * Math.sin(Math.PI * Math.min(x, 1.0));
    }
  }

  /** A linear ramp reaching {@code offset} on the interval's last sample. */
  record Drift(Anomaly anomaly, double offset, int periodMs) implements Effect {
    @Override
    public double apply(long tMs, double value, double previous) {
      double fraction =
          Math.min(1.0, (double) (tMs - anomaly.startMs() + periodMs) / anomaly.lengthMs());
      return value + offset * fraction;
    }
  }

  /** Extra Gaussian noise of standard deviation {@code sigma}. */
  record NoiseBurst(double sigma, SplittableRandom random) implements Effect {
    @Override
    public double apply(long tMs, double value, double previous) {
      return value + sigma * random.nextGaussian();
    }
  }

  /** Repeats the last value the sensor showed before the interval. */
  final class Stuck implements Effect {
    private double frozen = Double.NaN;

    @Override
    public double apply(long tMs, double value, double previous) {
      if (Double.isNaN(frozen)) {
        // stuck from the very first record: it freezes at its first reading
        frozen = Double.isNaN(previous) ? value : previous;
      }
      return frozen;
    }
  }
}
