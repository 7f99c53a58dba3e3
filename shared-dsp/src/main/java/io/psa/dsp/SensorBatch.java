package io.psa.dsp;

import java.util.Arrays;
import java.util.List;

/**
 * A parsed batch of records, column-major and unboxed: {@code tsMs[i]} is record i's timestamp and
 * {@code values[c][i]} its value of channel {@code channels.get(c)}. Only {@code size} leading
 * entries are meaningful, so readers can reuse over-allocated arrays.
 *
 * <p>Structural validity (every channel present, finite values) is the reader's job; the ordering
 * and gap rules of docs/pipeline.md "What goes in" are checked by {@link InputRules#check}.
 */
public record SensorBatch(List<String> channels, long[] tsMs, double[][] values, int size) {

  public SensorBatch {
    channels = List.copyOf(channels);
    if (values.length != channels.size()) {
      throw new IllegalArgumentException(
          "values has " + values.length + " channels, expected " + channels.size());
    }
    if (size < 0 || size > tsMs.length) {
      throw new IllegalArgumentException("size " + size + " outside [0, " + tsMs.length + "]");
    }
    for (double[] column : values) {
      if (column.length < size) {
        throw new IllegalArgumentException("a channel column is shorter than size " + size);
      }
    }
  }

  /** A batch whose arrays are exactly {@code tsMs.length} long. */
  public static SensorBatch of(List<String> channels, long[] tsMs, double[][] values) {
    return new SensorBatch(channels, tsMs, values, tsMs.length);
  }

  /** The values of channel {@code c} (only the first {@link #size()} are meaningful). */
  public double[] channel(int c) {
    return values[c];
  }

  /** Records {@code [from, to)} as a batch of their own, copied. */
  public SensorBatch slice(int from, int to) {
    if (from < 0 || to > size || from > to) {
      throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + size + " records");
    }
    double[][] cut = new double[values.length][];
    for (int c = 0; c < values.length; c++) {
      cut[c] = Arrays.copyOfRange(values[c], from, to);
    }
    return of(channels, Arrays.copyOfRange(tsMs, from, to), cut);
  }
}
