package io.psa.dsp;

/**
 * Step 1 for a signal that arrives record by record: emits each grid point {@code t_k = t_0 + k ·
 * period} as soon as the record at or after it is known. A grid point in {@code (t_{i−1}, t_i]}
 * depends only on records {@code i−1} and {@code i}, so the values are those of {@code
 * numpy.interp} over the whole signal, bit for bit (see {@link Regularizer}).
 */
final class StreamingGrid {

  /** Receives one grid sample: {@code values[c]} for every channel (the array is reused). */
  interface Sink {
    void accept(double[] values);
  }

  private final int periodMs;
  private final int channels;
  private final Sink sink;
  private final double[] previous;
  private final double[] out;
  private boolean started;
  private long t0;
  private long previousTs;
  private long nextK;

  StreamingGrid(int periodMs, int channels, Sink sink) {
    this.periodMs = periodMs;
    this.channels = channels;
    this.sink = sink;
    this.previous = new double[channels];
    this.out = new double[channels];
  }

  /** Grid samples emitted so far. */
  long size() {
    return nextK;
  }

  /** The first record's timestamp, the grid's origin. */
  long t0() {
    return t0;
  }

  /** Adds record {@code i} of a batch whose model channel {@code c} is column {@code columns[c]}. */
  void accept(long ts, double[][] values, int[] columns, int i) {
    if (started) {
      double span = (double) ts - (double) previousTs;
      for (long t = t0 + nextK * periodMs; t < ts; t = t0 + nextK * periodMs) {
        double dt = (double) t - (double) previousTs;
        for (int c = 0; c < channels; c++) {
          double y = values[columns[c]][i];
          double slope = (y - previous[c]) / span;
          out[c] = slope * dt + previous[c];
        }
        sink.accept(out);
        nextK++;
      }
    } else {
      started = true;
      t0 = ts;
    }
    for (int c = 0; c < channels; c++) {
      previous[c] = values[columns[c]][i];
    }
    previousTs = ts;
    if (t0 + nextK * periodMs == ts) {
      // a grid point on a record takes the record's value as is, as numpy.interp does
      System.arraycopy(previous, 0, out, 0, channels);
      sink.accept(out);
      nextK++;
    }
  }
}
