package io.psa.dsp;

import io.psa.dsp.ValidationException.Code;
import io.psa.dsp.filter.Butterworth;
import io.psa.dsp.filter.ZeroPhaseFilter;
import java.util.List;

/**
 * The pipeline over a signal too long to hold (a file of hours): takes records in chunks and emits
 * windows to a {@link WindowSink} as they complete, in bounded memory. Its features equal those of
 * {@link Pipeline#process} on the whole signal within 1e-9. Not thread-safe: one per signal.
 *
 * <p>Memory depends on the configuration only: the low-pass keeps its overlap and one block of
 * grid samples (see {@link StreamingLowpass}), the windows keep one window plus one block of
 * resampled samples. Chunks may be of any size; each is checked against the input rules as the
 * continuation of the ones before ({@code max_records} does not apply to the whole signal).
 */
public final class StreamingPipeline {

  private final PipelineConfig config;
  private final List<String> channels;
  private final StreamingGrid grid;
  private final StreamingLowpass lowpass;
  private final WindowAssembler windows;
  private final DirectStage direct;
  private final int[] columns;
  private long records;
  private boolean started;
  private long lastTs = InputRules.NO_PREVIOUS;
  private boolean finished;

  /**
   * A pipeline that hands each window's features to {@code sink} as soon as the window is
   * complete.
   *
   * @param channels the channels every pushed chunk must carry, in feature order
   */
  public StreamingPipeline(PipelineConfig config, List<String> channels, WindowSink sink) {
    this(config, channels, sink, SampleSink.NONE);
  }

  /**
   * As {@link #StreamingPipeline(PipelineConfig, List, WindowSink)}, and hands every resampled
   * sample to {@code samples} as well.
   */
  public StreamingPipeline(
      PipelineConfig config, List<String> channels, WindowSink sink, SampleSink samples) {
    this(config, channels, sink, samples, 0);
  }

  /**
   * As {@link #StreamingPipeline(PipelineConfig, List, WindowSink, SampleSink)} for a signal that
   * is a later part of a longer record (a segment of a file after a gap): record indices in errors
   * count from {@code firstRecordIndex}.
   */
  public StreamingPipeline(PipelineConfig config, List<String> channels, WindowSink sink,
      SampleSink samples, long firstRecordIndex) {
    this.records = firstRecordIndex;
    this.config = config;
    this.channels = List.copyOf(channels);
    int nc = this.channels.size();
    this.columns = new int[nc];
    ZeroPhaseFilter filter = config.lowpass()
        ? new ZeroPhaseFilter(
            Butterworth.lowpass(config.order(), config.lowpassHz(), config.sampleRateHz()))
        : null;
    int stretch = filter != null ? StreamingLowpass.capacity(filter) : DirectStage.BLOCK;
    this.windows = new WindowAssembler(config, nc, sink, samples, stretch);
    if (filter != null) {
      this.lowpass = new StreamingLowpass(filter, nc, windows);
      this.direct = null;
      this.grid = new StreamingGrid(config.inputPeriodMs(), nc, lowpass);
    } else {
      this.lowpass = null;
      this.direct = new DirectStage(nc, windows);
      this.grid = new StreamingGrid(config.inputPeriodMs(), nc, direct);
    }
  }

  /**
   * Adds the next records; their timestamps continue the previous chunk's (checked as one
   * signal: record indices in errors count from the start of the signal).
   */
  public void push(SensorBatch chunk) {
    if (finished) {
      throw new IllegalStateException("push after finish");
    }
    InputRules.checkChunk(chunk, config, started, lastTs, records);
    int n = chunk.size();
    if (n == 0) {
      return;
    }
    mapColumns(chunk);
    if (!started) {
      windows.start(chunk.tsMs()[0]);
      started = true;
    }
    long[] ts = chunk.tsMs();
    double[][] values = chunk.values();
    for (int i = 0; i < n; i++) {
      grid.accept(ts[i], values, columns, i);
    }
    records += n;
    lastTs = ts[n - 1];
  }

  /**
   * Ends the signal: emits the remaining windows.
   *
   * @throws ValidationException {@code TOO_LITTLE_DATA} when the whole signal is too short for the
   *     filter or for one window (field {@code sensor_batch})
   */
  public void finish() {
    if (finished) {
      throw new IllegalStateException("finish called twice");
    }
    finished = true;
    DataRequirements.check(config, grid.size(), lowpass == null ? -1 : lowpass.padlen());
    if (lowpass != null) {
      lowpass.finish();
    } else {
      direct.finish();
    }
  }

  /** Number of {@code double}s held in work buffers: fixed by the configuration. */
  long retainedDoubles() {
    return windows.retainedCapacity()
        + (lowpass != null ? lowpass.retainedCapacity() : direct.retainedCapacity());
  }

  private void mapColumns(SensorBatch chunk) {
    for (int c = 0; c < channels.size(); c++) {
      int column = chunk.channels().indexOf(channels.get(c));
      if (column < 0) {
        throw new ValidationException(Code.MISSING_FIELD, "sensor_batch", -1,
            "sensor_batch: the chunk has no channel \"" + channels.get(c) + "\" (has "
                + chunk.channels() + ")");
      }
      columns[c] = column;
    }
  }
}
