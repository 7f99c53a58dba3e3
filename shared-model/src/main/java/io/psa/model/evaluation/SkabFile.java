package io.psa.model.evaluation;

import io.psa.dsp.SensorBatch;
import java.util.Arrays;
import java.util.List;

/**
 * One SKAB experiment file, column-major.
 *
 * @param group the subfolder it came from, e.g. {@code valve1}
 * @param name the file name without {@code .csv}, e.g. {@code 12}
 * @param datetimes the {@code datetime} column as written in the file (kept for the output)
 * @param tsMs the datetimes as epoch milliseconds (read as UTC), strictly increasing
 * @param channels the channel columns, in file order
 * @param values {@code values[c][i]}: row i of channel c
 * @param anomaly the {@code anomaly} label per row, 0 or 1
 * @param changepoint the {@code changepoint} label per row, 0 or 1 (all 0 when the column is absent)
 */
public record SkabFile(
    String group,
    String name,
    List<String> datetimes,
    long[] tsMs,
    List<String> channels,
    double[][] values,
    int[] anomaly,
    int[] changepoint) {

  public SkabFile {
    datetimes = List.copyOf(datetimes);
    channels = List.copyOf(channels);
    int n = tsMs.length;
    if (datetimes.size() != n || anomaly.length != n || changepoint.length != n) {
      throw new IllegalArgumentException("columns of " + id() + " differ in length");
    }
    for (double[] column : values) {
      if (column.length != n) {
        throw new IllegalArgumentException("a channel of " + id() + " differs in length");
      }
    }
  }

  /** {@code <group>/<name>}, how reports name the file. */
  public String id() {
    return group + "/" + name;
  }

  public int rows() {
    return tsMs.length;
  }

  /** The first {@code n} rows only: what the file would be had it been cut after row n - 1. */
  public SkabFile head(int n) {
    return slice(0, n, name);
  }

  /** Rows {@code [from, to)} as a file of its own named {@code newName} in the same group. */
  public SkabFile slice(int from, int to, String newName) {
    double[][] cut = new double[values.length][];
    for (int c = 0; c < values.length; c++) {
      cut[c] = Arrays.copyOfRange(values[c], from, to);
    }
    return new SkabFile(group, newName, datetimes.subList(from, to),
        Arrays.copyOfRange(tsMs, from, to), channels, cut, Arrays.copyOfRange(anomaly, from, to),
        Arrays.copyOfRange(changepoint, from, to));
  }

  /** The channels as a pipeline batch (the arrays are shared, not copied). */
  public SensorBatch batch() {
    return SensorBatch.of(channels, tsMs, values);
  }
}
