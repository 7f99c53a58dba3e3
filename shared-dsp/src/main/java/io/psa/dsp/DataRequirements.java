package io.psa.dsp;

import io.psa.dsp.ValidationException.Code;

/**
 * The "too little data" rule of docs/pipeline.md: the zero-phase filter needs more than {@code
 * padlen} grid samples, and resampling must leave at least one window. Shared by {@link Pipeline}
 * and {@link StreamingPipeline} so both reject the same signals with the same message.
 */
final class DataRequirements {

  private DataRequirements() {}

  /**
   * @param gridSize samples on the input grid (0 for no records)
   * @param padlen the filter's pad length, or -1 when the low-pass is off
   * @throws ValidationException {@code TOO_LITTLE_DATA} on field {@code sensor_batch}
   */
  static void check(PipelineConfig config, long gridSize, int padlen) {
    int period = config.inputPeriodMs();
    if (padlen >= 0 && gridSize <= padlen) {
      throw tooLittle(
          "the order-" + config.order() + " low-pass needs more than " + padlen + " samples on the "
              + period + " ms grid (more than " + (long) padlen * period + " ms of data), got "
              + gridSize);
    }
    long resampled = gridSize == 0 ? 0 : (gridSize - 1) / config.decimation() + 1;
    int w = config.windowSamples();
    if (resampled < w) {
      long neededMs = (long) (w - 1) * config.outputPeriodMs();
      throw tooLittle(
          "one window of " + config.windowMs() + " ms needs " + w + " samples at "
              + config.outputPeriodMs() + " ms (records spanning at least " + neededMs
              + " ms), got " + resampled + " from " + gridSize + " grid samples");
    }
  }

  private static ValidationException tooLittle(String what) {
    return new ValidationException(Code.TOO_LITTLE_DATA, "sensor_batch", -1, "sensor_batch: " + what);
  }
}
