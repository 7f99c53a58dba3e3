package io.psa.dsp.testing;

import io.psa.dsp.SensorBatch;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded valid {@link SensorBatch}es for tests: the same seed gives the same batch on every
 * machine. {@link BatchText} writes them as a {@code /predict} body, CSV or JSON Lines whose
 * numbers read back exactly.
 */
public final class Batches {
  /** The default channels of docs/pipeline.md, in order. */
  public static final List<String> CHANNELS =
      List.of("pressure", "force", "acceleration", "temperature");

  private Batches() {}

  /** A 10 ms signal on the default channels that passes every input rule with the defaults. */
  public static SensorBatch valid(long seed, int records) {
    return valid(seed, records, CHANNELS, 10);
  }

  /**
   * A press-like signal: each channel a level plus a slow sine plus noise, sampled every {@code
   * periodMs} from a seeded start time, so it is valid for {@code input_period_ms = periodMs}.
   */
  public static SensorBatch valid(long seed, int records, List<String> channels, int periodMs) {
    SplittableRandom random = new SplittableRandom(seed);
    long start = random.nextLong(0, 2_000_000_000_000L);
    long[] ts = new long[records];
    for (int i = 0; i < records; i++) {
      ts[i] = start + (long) i * periodMs;
    }
    double[][] values = new double[channels.size()][records];
    for (int c = 0; c < channels.size(); c++) {
      double level = random.nextDouble(-50, 50);
      double amplitude = random.nextDouble(0, 5);
      double hz = random.nextDouble(0.1, 3);
      double noise = random.nextDouble(0, 0.5);
      for (int i = 0; i < records; i++) {
        double t = i * periodMs / 1000.0;
        values[c][i] = level + amplitude * Math.sin(2 * Math.PI * hz * t) + noise * random.nextGaussian();
      }
    }
    return SensorBatch.of(channels, ts, values);
  }

  /**
   * A batch meant for parsers rather than the pipeline: strictly increasing timestamps with steps
   * of 1 to 100 ms anywhere in the long range, and values of every kind a double can take when
   * finite (zero and -0.0, subnormals, the extremes, integers, ordinary decimals).
   */
  public static SensorBatch arbitrary(long seed, int records, List<String> channels) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] ts = new long[records];
    long t = random.nextLong(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
    for (int i = 0; i < records; i++) {
      t += random.nextInt(1, 101);
      ts[i] = t;
    }
    double[][] values = new double[channels.size()][records];
    for (double[] column : values) {
      for (int i = 0; i < records; i++) {
        column[i] = anyFinite(random);
      }
    }
    return SensorBatch.of(channels, ts, values);
  }

  /** One finite double, biased toward the values that break number formatting. */
  public static double anyFinite(SplittableRandom random) {
    return switch (random.nextInt(8)) {
      case 0 -> new double[] {0.0, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE,
          Double.MIN_NORMAL, 1e-320, -1.0}[random.nextInt(8)];
      case 1 -> random.nextInt(-1_000_000, 1_000_000);
      case 2 -> finiteBits(random.nextLong());
      case 3 -> Math.round(random.nextDouble(-1000, 1000) * 100) / 100.0;
      default -> random.nextDouble(-100, 100);
    };
  }

  /** Any bit pattern as a double, with the non-finite ones replaced by 0.5. */
  private static double finiteBits(long bits) {
    double d = Double.longBitsToDouble(bits);
    return Double.isFinite(d) ? d : 0.5;
  }

  /** A batch whose every channel holds {@code value} at every one of {@code records} samples. */
  public static SensorBatch constant(
      List<String> channels, long startMs, int periodMs, int records, double value) {
    long[] ts = new long[records];
    double[][] values = new double[channels.size()][records];
    for (int i = 0; i < records; i++) {
      ts[i] = startMs + (long) i * periodMs;
      for (double[] column : values) {
        column[i] = value;
      }
    }
    return SensorBatch.of(channels, ts, values);
  }

  /**
   * Whether two batches hold the same channels and records, bit for bit (so -0.0 differs from 0.0),
   * ignoring array capacity beyond {@code size}.
   */
  public static boolean sameContents(SensorBatch a, SensorBatch b) {
    if (!a.channels().equals(b.channels()) || a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.tsMs()[i] != b.tsMs()[i]) {
        return false;
      }
      for (int c = 0; c < a.channels().size(); c++) {
        if (Double.doubleToLongBits(a.values()[c][i]) != Double.doubleToLongBits(b.values()[c][i])) {
          return false;
        }
      }
    }
    return true;
  }
}
