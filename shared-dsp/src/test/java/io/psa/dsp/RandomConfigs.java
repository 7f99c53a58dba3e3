package io.psa.dsp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/** Valid pipeline configurations drawn over the whole space PipelineConfig allows, for properties. */
final class RandomConfigs {
  private static final int[] PERIODS_MS = {1, 2, 5, 10, 20};
  private static final ObjectMapper JSON = new ObjectMapper();

  private RandomConfigs() {}

  /** A configuration with the low-pass on (cutoff 1 % to 95 % of Nyquist) or off. */
  static PipelineConfig next(SplittableRandom random, boolean lowpass) {
    int period = PERIODS_MS[random.nextInt(PERIODS_MS.length)];
    double cutoff = lowpass ? random.nextDouble(0.01, 0.95) * 500.0 / period : 0;
    PipelineConfig.Kalman kalman = random.nextInt(3) == 0
        ? new PipelineConfig.Kalman(random.nextDouble(0, 10), random.nextDouble(1e-3, 10))
        : null;
    int out = period * random.nextInt(1, 6);
    int windowSamples = random.nextInt(2, 41);
    int strideSamples = random.nextInt(1, windowSamples + 1);
    return new PipelineConfig(period, cutoff, random.nextInt(1, PipelineConfig.MAX_ORDER + 1), kalman,
        out, out * windowSamples, out * strideSamples, period * random.nextInt(1, 20),
        PipelineConfig.DEFAULT_MAX_RECORDS);
  }

  /**
   * Regular records enough for the filter (more than its pad length, at most 33 for order 10) and
   * for at least one window.
   */
  static int enoughRecords(PipelineConfig config) {
    return Math.max(34, (config.windowSamples() - 1) * config.decimation() + 1) + 16;
  }

  /** The configuration as the {@code config} object of a /predict body. */
  static String json(PipelineConfig config) {
    try {
      return JSON.writeValueAsString(config.toMap());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
