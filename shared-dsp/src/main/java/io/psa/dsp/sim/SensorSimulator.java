package io.psa.dsp.sim;

import io.psa.dsp.SensorBatch;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Generates the signal a {@link SimulationSpec} describes. Signals are deterministic: the same spec
 * gives bit-identical records whatever the chunk size, and a channel's values do not depend on
 * which other channels are simulated. Immutable and thread-safe; each call to {@link #chunks}
 * starts an independent pass from the first record.
 *
 * <pre>{@code
 * var spec = SimulationSpec.of(3_600_000)
 *     .withAnomalies(List.of(new Anomaly(AnomalyKind.SPIKE, "pressure", 600_000, 2_000)));
 * var sim = new SensorSimulator(spec);
 * sim.chunks(10_000).forEachRemaining(pipeline::push); // an hour in 100 s pieces
 * }</pre>
 */
public final class SensorSimulator {

  /** Records per chunk when the caller has no preference: 100 s at the default period. */
  public static final int DEFAULT_CHUNK_RECORDS = 10_000;

  /** Most records {@link #generate()} puts in one batch (about 3 h at 10 ms, 200 MB). */
  public static final int MAX_BATCH_RECORDS = 5_000_000;

  private final SimulationSpec spec;

  /** A simulator of {@code spec}; nothing is generated until a signal is asked for. */
  public SensorSimulator(SimulationSpec spec) {
    this.spec = spec;
  }

  /** What this simulator generates. */
  public SimulationSpec spec() {
    return spec;
  }

  /**
   * The signal as consecutive batches of {@code recordsPerChunk} records (the last may be shorter).
   * Every batch has its own arrays, exactly {@code size} long, so consumers may keep them; only the
   * batch being produced is held in memory.
   */
  public Iterator<SensorBatch> chunks(int recordsPerChunk) {
    if (recordsPerChunk <= 0) {
      throw new IllegalArgumentException("records per chunk must be > 0, got " + recordsPerChunk);
    }
    SampleGenerator generator = new SampleGenerator(spec);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return generator.remaining() > 0;
      }

      @Override
      public SensorBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int n = (int) Math.min(recordsPerChunk, generator.remaining());
        long[] ts = new long[n];
        double[][] values = new double[spec.channels().size()][n];
        generator.fill(ts, values, n);
        return SensorBatch.of(spec.channels(), ts, values);
      }
    };
  }

  /**
   * The whole signal as one batch, for signals of up to {@link #MAX_BATCH_RECORDS} records; use
   * {@link #chunks} for longer ones.
   */
  public SensorBatch generate() {
    long n = spec.recordCount();
    if (n > MAX_BATCH_RECORDS) {
      throw new IllegalStateException(
          n + " records exceed " + MAX_BATCH_RECORDS + " for one batch; read them with chunks()");
    }
    return chunks((int) n).next();
  }

  /** The injected intervals in the signal's timestamps, in the spec's order. */
  public List<AnomalyLabel> labels() {
    return spec.anomalies().stream()
        .map(
            a ->
                new AnomalyLabel(
                    a.kind(),
                    a.channel(),
                    spec.startTsMs() + a.startMs(),
                    spec.startTsMs() + a.endMs()))
        .toList();
  }
}
