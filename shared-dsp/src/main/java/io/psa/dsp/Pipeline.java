package io.psa.dsp;

import io.psa.dsp.features.WindowFeatures;
import io.psa.dsp.filter.Butterworth;
import io.psa.dsp.filter.LocalLevelKalman;
import io.psa.dsp.filter.ZeroPhaseFilter;
import java.util.Arrays;
import java.util.List;

/**
 * The whole signal pipeline of docs/pipeline.md for one batch: regularize, low-pass (zero-phase),
 * optional Kalman, resample, window, features. Immutable and thread-safe: work buffers are
 * per-thread and reused across calls, so a steady stream of batches allocates only its outputs.
 */
public final class Pipeline {

  private final PipelineConfig config;
  private final List<String> channels;
  private final List<String> featureNames;
  /** The low-pass designed once per pipeline, or null when it is off. */
  private final ZeroPhaseFilter lowpass;

  /** Builds the pipeline for a configuration and the model's channels, in order. */
  public Pipeline(PipelineConfig config, List<String> channels) {
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("a pipeline needs at least one channel");
    }
    this.config = config;
    this.channels = List.copyOf(channels);
    this.featureNames = WindowFeatures.featureNames(this.channels);
    this.lowpass = config.lowpass()
        ? new ZeroPhaseFilter(
            Butterworth.lowpass(config.order(), config.lowpassHz(), config.sampleRateHz()))
        : null;
  }

  /** The configuration this pipeline was built with. */
  public PipelineConfig config() {
    return config;
  }

  /** The channels, in feature order. */
  public List<String> channels() {
    return channels;
  }

  /** {@code <channel>.<feature>} in channel-major order. */
  public List<String> featureNames() {
    return featureNames;
  }

  /**
   * Features of every window of a batch. Checks the input rules first (ordering, gaps, record
   * count, enough data for the filter and one window).
   *
   * @throws ValidationException naming the record index and field
   */
  public FeatureMatrix process(SensorBatch batch) {
    return run(batch, false).features();
  }

  /** As {@link #process} and the intermediate steps, as in the golden files. */
  public PipelineTrace trace(SensorBatch batch) {
    return run(batch, true);
  }

  private PipelineTrace run(SensorBatch batch, boolean trace) {
    InputRules.check(batch, config);
    int n = batch.size();
    int period = config.inputPeriodMs();
    int gridSize = n == 0 ? 0 : Regularizer.gridSize(batch.tsMs()[0], batch.tsMs()[n - 1], period);
    DataRequirements.check(config, gridSize, lowpass == null ? -1 : lowpass.padlen());
    int m = config.decimation();
    int resampledSize = (gridSize - 1) / m + 1;
    int nc = channels.size();
    Workspace ws = Workspace.get(nc, gridSize,
        lowpass == null ? 0 : lowpass.workLength(gridSize),
        lowpass == null ? 0 : 2 * lowpass.sos().sections(), resampledSize);
    mapColumns(batch, ws.columns);
    Regularizer.interpolate(batch.tsMs(), n, batch.values(), ws.columns, nc, period, ws.grid,
        gridSize, ws.segment, ws.offset);
    if (lowpass != null) {
      lowpass.filter(ws.grid, nc, gridSize, ws.work, ws.states);
    }
    if (config.kalman() != null) {
      for (int c = 0; c < nc; c++) {
        LocalLevelKalman.filterOnce(config.kalman().q(), config.kalman().r(), ws.grid[c], gridSize);
      }
    }
    for (int c = 0; c < nc; c++) {
      double[] g = ws.grid[c];
      double[] r = ws.resampled[c];
      for (int i = 0, k = 0; i < resampledSize; i++, k += m) {
        r[i] = g[k];
      }
    }
    long t0 = batch.tsMs()[0];
    FeatureMatrix features = windows(ws.resampled, resampledSize, t0);
    if (!trace) {
      return new PipelineTrace(null, null, null, features);
    }
    return traced(t0, gridSize, resampledSize, ws.grid[0], features);
  }

  /**
   * The trace around {@code features}: the grid times from {@code t0}, a copy of the first
   * channel after filtering (the workspace is reused by the next call) and the kept times.
   */
  private PipelineTrace traced(
      long t0, int gridSize, int resampledSize, double[] firstChannel, FeatureMatrix features) {
    int period = config.inputPeriodMs();
    int m = config.decimation();
    long[] grid = new long[gridSize];
    for (int k = 0; k < gridSize; k++) {
      grid[k] = t0 + (long) k * period;
    }
    long[] down = new long[resampledSize];
    for (int i = 0; i < resampledSize; i++) {
      down[i] = grid[i * m];
    }
    return new PipelineTrace(grid, Arrays.copyOf(firstChannel, gridSize), down, features);
  }

  /** Steps 5 and 6 over {@code resampled[c][0..size)} whose first sample is at {@code t0}. */
  private FeatureMatrix windows(double[][] resampled, int size, long t0) {
    int w = config.windowSamples();
    int s = config.strideSamples();
    int count = (size - w) / s + 1;
    int nc = channels.size();
    long[] start = new long[count];
    long[] end = new long[count];
    double[][] rows = new double[count][nc * WindowFeatures.COUNT];
    long out = config.outputPeriodMs();
    for (int i = 0; i < count; i++) {
      start[i] = t0 + (long) i * s * out;
      end[i] = start[i] + (w - 1) * out;
      for (int c = 0; c < nc; c++) {
        WindowFeatures.compute(resampled[c], i * s, w, rows[i], c * WindowFeatures.COUNT);
      }
    }
    return new FeatureMatrix(featureNames, start, end, rows);
  }

  /** Finds the batch column of each model channel (a batch may order or extend them freely). */
  private void mapColumns(SensorBatch batch, int[] columns) {
    List<String> present = batch.channels();
    for (int c = 0; c < channels.size(); c++) {
      int column = present.indexOf(channels.get(c));
      if (column < 0) {
        throw new ValidationException(ValidationException.Code.MISSING_FIELD, "sensor_batch", -1,
            "sensor_batch: the batch has no channel \"" + channels.get(c) + "\" (has " + present + ")");
      }
      columns[c] = column;
    }
  }
}
