package io.psa.model.training;

import io.psa.dsp.FeatureMatrix;
import io.psa.dsp.Pipeline;
import io.psa.dsp.PipelineConfig;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.StreamingPipeline;
import io.psa.dsp.ValidationException;
import io.psa.dsp.WindowSink;
import io.psa.model.artifact.TrainingInfo.SignalInfo;
import io.psa.model.detection.EffectiveSamples;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training windows, computed the way they will be scored. Each training signal runs through
 * its own pipeline (windows never span two signals). Without edge effects (no low-pass, no Kalman)
 * a signal is one stream and its windows are those of a long file. With them, a batch's first
 * windows differ from the middle of a long signal (the zero-phase filter pads each end), so the
 * signal is cut into consecutive batches of {@code batchMs} and each batch's windows are taken as
 * {@code /predict} computes them, edges included: the model learns what it will be sent.
 *
 * <p>Keeps the windows' feature vectors and spans in time order, the segments they come in (a
 * batch, or a whole signal: a sequence model's context never crosses one), each signal's record
 * timestamps (to name rows in warnings) and, per channel, the effective sample size of its
 * resampled samples (how slowly it moves).
 */
final class TrainingFeatures {

  /** Resampled samples per signal and channel that the effective sample size looks at. */
  static final int MAX_SAMPLES = 1 << 20;

  final List<double[]> rows = new ArrayList<>();
  final List<long[]> spans = new ArrayList<>();
  final List<SignalInfo> signals = new ArrayList<>();
  /** Index of each segment's first window in {@link #rows}; one more entry at the end. */
  final List<Integer> segmentStarts = new ArrayList<>();
  /** Index of each signal's first window in {@link #rows}; one more entry at the end. */
  final List<Integer> signalStarts = new ArrayList<>();
  /** Per signal, its records' timestamps. */
  final List<long[]> timestamps = new ArrayList<>();
  double[] effectiveSamples;
  long records;
  long firstTsMs = Long.MAX_VALUE;
  long lastTsMs = Long.MIN_VALUE;

  /**
   * @param batchMs the batch length training cuts signals into when the pipeline has edge
   *     effects; 0 keeps every signal one stream
   */
  void read(List<SignalSource> sources, PipelineConfig config, List<String> channels,
      long batchMs, TrainingListener listener) throws IOException {
    effectiveSamples = new double[channels.size()];
    boolean batched = batchMs > 0 && (config.lowpass() || config.kalman() != null);
    Pipeline batchPipeline = batched ? new Pipeline(config, channels) : null;
    for (SignalSource source : sources) {
      int before = rows.size();
      signalStarts.add(before);
      Samples samples = new Samples(channels.size());
      Records records = new Records(channels, batched);
      // batched, the stream is read for its samples and checks only: its windows are the batches'
      StreamingPipeline stream = new StreamingPipeline(config, channels,
          batched ? WindowSink.NONE : this::addWindow, samples::add);
      if (!batched) {
        segmentStarts.add(before);
      }
      source.forEachChunk(chunk -> {
        stream.push(chunk);
        records.add(chunk);
        if (batched) {
          while (records.spanMs() >= batchMs) {
            addBatch(batchPipeline, records.take(batchMs));
          }
        }
      }, listener);
      stream.finish();
      if (batched && records.pending() > 0) {
        addLastBatch(batchPipeline, records.take(Long.MAX_VALUE));
      }
      for (int c = 0; c < channels.size(); c++) {
        effectiveSamples[c] += EffectiveSamples.of(samples.values[c], samples.size);
      }
      long[] ts = records.timestamps();
      timestamps.add(ts);
      this.records += ts.length;
      firstTsMs = Math.min(firstTsMs, ts[0]);
      lastTsMs = Math.max(lastTsMs, ts[ts.length - 1]);
      signals.add(new SignalInfo(source.name(), source.sha256(), ts.length, rows.size() - before,
          ts[0], ts[ts.length - 1]));
    }
    signalStarts.add(rows.size());
    segmentStarts.add(rows.size());
  }

  private void addWindow(long start, long end, double[] features) {
    rows.add(features.clone());
    spans.add(new long[] {start, end});
  }

  private void addBatch(Pipeline pipeline, SensorBatch batch) {
    FeatureMatrix fm = pipeline.process(batch);
    segmentStarts.add(rows.size());
    for (int i = 0; i < fm.windowCount(); i++) {
      addWindow(fm.windowStartMs()[i], fm.windowEndMs()[i], fm.rows()[i]);
    }
  }

  /** The remainder of a signal: a batch of its own when it holds a window, else left out. */
  private void addLastBatch(Pipeline pipeline, SensorBatch batch) {
    try {
      addBatch(pipeline, batch);
    } catch (ValidationException e) {
      if (e.code() != ValidationException.Code.TOO_LITTLE_DATA) {
        throw e;
      }
    }
  }

  double[][] matrix() {
    return rows.toArray(double[][]::new);
  }

  /** A growing per-channel buffer of resampled samples, up to {@link #MAX_SAMPLES}. */
  private static final class Samples {
    double[][] values;
    int size;

    Samples(int channels) {
      values = new double[channels][1024];
    }

    void add(double[] sample) {
      if (size == MAX_SAMPLES) {
        return;
      }
      if (size == values[0].length) {
        for (int c = 0; c < values.length; c++) {
          values[c] = Arrays.copyOf(values[c], Math.min(MAX_SAMPLES, 2 * size));
        }
      }
      for (int c = 0; c < values.length; c++) {
        values[c][size] = sample[c];
      }
      size++;
    }
  }

  /**
   * A signal's records: every timestamp (kept), and, when the signal is cut into batches, the
   * values not yet cut (the model's channels, in order; at most one batch and one chunk are held).
   */
  private static final class Records {
    private final List<String> channels;
    private final boolean batched;
    private long[] ts = new long[1024];
    private int size;
    private int taken;
    private double[][] values;

    /** @param batched whether values are kept for {@link #take}; else only timestamps are */
    Records(List<String> channels, boolean batched) {
      this.channels = channels;
      this.batched = batched;
      this.values = new double[channels.size()][batched ? 1024 : 0];
    }

    void add(SensorBatch chunk) {
      int n = chunk.size();
      if (size + n > ts.length) {
        ts = Arrays.copyOf(ts, Math.max(2 * ts.length, size + n));
      }
      System.arraycopy(chunk.tsMs(), 0, ts, size, n);
      size += n;
      if (!batched) {
        return; // the stream computes the windows; only timestamps are needed
      }
      int pending = size - n - taken;
      if (pending + n > values[0].length) {
        for (int c = 0; c < values.length; c++) {
          values[c] = Arrays.copyOf(values[c], Math.max(2 * values[c].length, pending + n));
        }
      }
      for (int c = 0; c < channels.size(); c++) {
        int column = chunk.channels().indexOf(channels.get(c));
        System.arraycopy(chunk.values()[column], 0, values[c], pending, n);
      }
    }

    int pending() {
      return size - taken;
    }

    /** Time from the first pending record to the last record, ms. */
    long spanMs() {
      return pending() == 0 ? -1 : ts[size - 1] - ts[taken];
    }

    /** The pending records in {@code [first, first + lengthMs)} as a batch of their own. */
    SensorBatch take(long lengthMs) {
      long end = ts[taken] > Long.MAX_VALUE - lengthMs ? Long.MAX_VALUE : ts[taken] + lengthMs;
      int n = 0;
      while (taken + n < size && (ts[taken + n] < end || end == Long.MAX_VALUE)) {
        n++;
      }
      double[][] batch = new double[values.length][];
      for (int c = 0; c < values.length; c++) {
        batch[c] = Arrays.copyOf(values[c], n);
        System.arraycopy(values[c], n, values[c], 0, size - taken - n);
      }
      SensorBatch out = SensorBatch.of(channels, Arrays.copyOfRange(ts, taken, taken + n), batch);
      taken += n;
      return out;
    }

    long[] timestamps() {
      return Arrays.copyOf(ts, size);
    }
  }
}
