package io.psa.model.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The column layout of one SKAB file's header, and a growing buffer of its rows. */
final class SkabColumns {

  private final String[] names;
  private final int datetime;
  private final int anomaly;
  private final int changepoint;
  private final List<String> channels = new ArrayList<>();
  private final int[] channelIndex;

  private SkabColumns(String[] names, String where, boolean labelled) {
    this.names = names;
    this.datetime = indexOf("datetime");
    this.anomaly = indexOf("anomaly");
    this.changepoint = indexOf("changepoint");
    if (datetime < 0 || (labelled && anomaly < 0)) {
      throw SkabReader.malformed(where, 1, "the header needs the columns datetime"
          + (labelled ? " and anomaly" : "") + ", got " + Arrays.toString(names));
    }
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      String n = names[i].trim();
      if (!n.isEmpty() && !SkabReader.isDatetime(n) && !SkabReader.isLabel(n)) {
        channels.add(n);
        idx.add(i);
      }
    }
    if (channels.isEmpty()) {
      throw SkabReader.malformed(where, 1, "the header names no channel column");
    }
    this.channelIndex = idx.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * @param labelled whether the file must carry the {@code anomaly} column (an experiment);
   *     without it every row is labelled normal (the anomaly-free recording)
   */
  static SkabColumns of(String[] header, String where, boolean labelled) {
    return new SkabColumns(header, where, labelled);
  }

  private int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].trim().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  Rows newRows() {
    return new Rows();
  }

  /** The rows read so far, appended in file order. */
  final class Rows {
    private final List<String> datetimes = new ArrayList<>();
    private long[] ts = new long[1024];
    private double[][] values = new double[channelIndex.length][1024];
    private int[] anomalies = new int[1024];
    private int[] changepoints = new int[1024];
    private int n;

    void add(String[] cells, int line, String where) {
      if (cells.length != names.length) {
        throw SkabReader.malformed(where, line,
            cells.length + " fields, the header has " + names.length);
      }
      if (n == ts.length) {
        grow();
      }
      datetimes.add(cells[datetime].trim());
      ts[n] = SkabReader.epochMs(cells[datetime], where, line);
      for (int c = 0; c < channelIndex.length; c++) {
        values[c][n] = number(cells[channelIndex[c]], names[channelIndex[c]], where, line);
      }
      anomalies[n] = anomaly < 0 ? 0 : label(cells[anomaly], "anomaly", where, line);
      changepoints[n] = changepoint < 0 ? 0 : label(cells[changepoint], "changepoint", where, line);
      n++;
    }

    SkabFile toFile(String group, String name) {
      double[][] cut = new double[values.length][];
      for (int c = 0; c < values.length; c++) {
        cut[c] = Arrays.copyOf(values[c], n);
      }
      return new SkabFile(group, name, datetimes, Arrays.copyOf(ts, n), channels, cut,
          Arrays.copyOf(anomalies, n), Arrays.copyOf(changepoints, n));
    }

    private void grow() {
      int size = 2 * ts.length;
      ts = Arrays.copyOf(ts, size);
      anomalies = Arrays.copyOf(anomalies, size);
      changepoints = Arrays.copyOf(changepoints, size);
      for (int c = 0; c < values.length; c++) {
        values[c] = Arrays.copyOf(values[c], size);
      }
    }
  }

  private static double number(String cell, String column, String where, int line) {
    try {
      double v = Double.parseDouble(cell.trim());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw SkabReader.malformed(where, line, column + " \"" + cell + "\" is not a finite number");
  }

  /** Labels are written {@code 0.0} / {@code 1.0} in SKAB. */
  private static int label(String cell, String column, String where, int line) {
    double v = number(cell, column, where, line);
    if (v != 0 && v != 1) {
      throw SkabReader.malformed(where, line, column + " must be 0 or 1, got " + cell);
    }
    return (int) v;
  }
}
