package io.psa.dsp;

import io.psa.dsp.ValidationException.Code;

/**
 * The record-level rules of docs/pipeline.md "What goes in" that a parsed {@link SensorBatch} must
 * still meet: at most {@code max_records} records, strictly increasing timestamps, no gap larger
 * than {@code max_gap_ms}, finite values. The structural rules (a channel present, numeric, not
 * null) belong to the readers in {@code io.psa.dsp.input}; "too little data" belongs to the
 * pipeline, which knows its filter and window lengths.
 *
 * <p>Records are checked in order and the first offending record is reported; within a record the
 * timestamp comes before the channels, which come in the batch's channel order. The checks allocate
 * nothing unless they fail, so the pipeline can run them on every batch.
 */
public final class InputRules {

  /** Passed as {@code previousTsMs} to {@link #checkChunk} when no record came before. */
  public static final long NO_PREVIOUS = Long.MIN_VALUE;

  private InputRules() {}

  /**
   * Checks a whole batch (records indexed from 0).
   *
   * @throws ValidationException {@code TOO_MANY_RECORDS} (field {@code sensor_batch}), {@code
   *     NOT_INCREASING} or {@code GAP_TOO_LARGE} (field {@code sensor_batch[i].ts_ms}), {@code
   *     INVALID_VALUE} (field {@code sensor_batch[i].<channel>})
   */
  public static void check(SensorBatch batch, PipelineConfig config) {
    if (batch.size() > config.maxRecords()) {
      throw new ValidationException(
          Code.TOO_MANY_RECORDS,
          "sensor_batch",
          -1,
          "sensor_batch: " + batch.size() + " records, more than max_records ("
              + config.maxRecords() + ")");
    }
    checkChunk(batch, config, NO_PREVIOUS, 0);
  }

  /**
   * Checks one chunk of a long signal as the continuation of the chunks before it. There is no
   * record limit here: a streamed signal is bounded by the memory of its windows, not its length.
   *
   * @param previousTsMs the timestamp of the record just before this chunk, or {@link #NO_PREVIOUS}
   *     for the first chunk
   * @param firstIndex the signal-wide index of the chunk's first record (0 for the first chunk), so
   *     that errors name the record as the user counts it
   * @throws ValidationException as {@link #check}, except {@code TOO_MANY_RECORDS}
   */
  public static void checkChunk(
      SensorBatch chunk, PipelineConfig config, long previousTsMs, long firstIndex) {
    // a real record at Long.MIN_VALUE (firstIndex > 0) still counts as a previous record
    checkChunk(chunk, config, firstIndex > 0 || previousTsMs != NO_PREVIOUS, previousTsMs,
        firstIndex);
  }

  /**
   * As {@link #checkChunk(SensorBatch, PipelineConfig, long, long)}, for a signal whose first
   * record is not the first of the record it belongs to (a segment of a file after a gap): {@code
   * hasPrevious} says whether a record of this signal came before the chunk, {@code firstIndex}
   * only numbers the records in errors.
   */
  public static void checkChunk(SensorBatch chunk, PipelineConfig config, boolean hasPrevious,
      long previousTsMs, long firstIndex) {
    long[] ts = chunk.tsMs();
    double[][] values = chunk.values();
    long maxGap = config.maxGapMs();
    long previous = previousTsMs;
    for (int i = 0; i < chunk.size(); i++) {
      long t = ts[i];
      if (hasPrevious) {
        if (t <= previous) {
          throw notIncreasing(firstIndex + i, previous, t);
        }
        // t > previous, so the difference is exact as an unsigned number even when it overflows
        if (Long.compareUnsigned(t - previous, maxGap) > 0) {
          throw gapTooLarge(firstIndex + i, previous, t, maxGap);
        }
      }
      for (int c = 0; c < values.length; c++) {
        double v = values[c][i];
        if (!Double.isFinite(v)) {
          throw ofRecord(Code.INVALID_VALUE, firstIndex + i, chunk.channels().get(c),
              "must be a finite number, got " + v);
        }
      }
      previous = t;
      hasPrevious = true;
    }
  }

  private static ValidationException notIncreasing(long index, long previous, long t) {
    String what = t == previous ? "duplicates the previous timestamp " + previous
        : "steps back from the previous timestamp " + previous + " to " + t;
    return ofRecord(Code.NOT_INCREASING, index, "ts_ms",
        "timestamps must be strictly increasing; " + what);
  }

  private static ValidationException gapTooLarge(long index, long previous, long t, long maxGap) {
    return ofRecord(Code.GAP_TOO_LARGE, index, "ts_ms",
        "gap of " + Long.toUnsignedString(t - previous) + " ms after the previous timestamp "
            + previous + " exceeds max_gap_ms (" + maxGap + ")");
  }

  /** As {@link ValidationException#ofRecord}, for signal-wide indices beyond the int range. */
  private static ValidationException ofRecord(Code code, long index, String field, String what) {
    if (index <= Integer.MAX_VALUE) {
      return ValidationException.ofRecord(code, (int) index, field, what);
    }
    String path = "sensor_batch[" + index + "]." + field;
    return new ValidationException(code, path, Integer.MAX_VALUE, path + ": " + what);
  }
}
