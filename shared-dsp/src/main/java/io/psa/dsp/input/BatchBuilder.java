package io.psa.dsp.input;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.ValidationException;
import io.psa.dsp.ValidationException.Code;
import java.util.Arrays;
import java.util.List;

/**
 * Column-major storage that grows by doubling up to a hard cap, so that a reader fills primitive
 * arrays directly and a hostile body cannot make it allocate more than the cap allows.
 */
final class BatchBuilder {
  private final List<String> channels;
  private final int maxRecords;
  long[] ts;
  double[][] values;
  private int size;

  /**
   * @param channels the model's channels, in order
   * @param initialCapacity records to allocate up front (clamped to [1, maxRecords])
   * @param maxRecords the most records {@link #startRecord} accepts
   */
  BatchBuilder(List<String> channels, int initialCapacity, int maxRecords) {
    this.channels = channels;
    this.maxRecords = maxRecords;
    int capacity = Math.max(1, Math.min(initialCapacity, maxRecords));
    ts = new long[capacity];
    values = new double[channels.size()][capacity];
  }

  int size() {
    return size;
  }

  /**
   * Makes room for the next record and returns its row; the caller fills {@code ts[row]} and
   * {@code values[c][row]} and then calls {@link #commit}.
   *
   * @throws ValidationException TOO_MANY_RECORDS when the cap is reached
   */
  int startRecord() {
    if (size >= maxRecords) {
      throw tooMany(maxRecords);
    }
    if (size == ts.length) {
      int capacity = (int) Math.min((long) ts.length * 2, maxRecords);
      ts = Arrays.copyOf(ts, capacity);
      for (int c = 0; c < values.length; c++) {
        values[c] = Arrays.copyOf(values[c], capacity);
      }
    }
    return size;
  }

  void commit() {
    size++;
  }

  /** The records so far; the arrays are handed over, so the builder must not be used again. */
  SensorBatch build() {
    return new SensorBatch(channels, ts, values, size);
  }

  static ValidationException tooMany(int maxRecords) {
    return new ValidationException(
        Code.TOO_MANY_RECORDS,
        "sensor_batch",
        -1,
        "sensor_batch: more than " + maxRecords + " records, the most this reader accepts");
  }
}
