package io.psa.dsp.input;

import io.psa.dsp.SensorBatch;
import java.util.List;

/** A batch already in memory (a parsed {@code /predict} body) handed out in chunks. */
final class BatchSignalReader implements SignalReader {
  private final SensorBatch batch;
  private int position;

  BatchSignalReader(SensorBatch batch) {
    this.batch = batch;
  }

  @Override
  public List<String> channels() {
    return batch.channels();
  }

  @Override
  public SensorBatch next(int maxRows) {
    if (maxRows <= 0) {
      throw new IllegalArgumentException("maxRows must be > 0, got " + maxRows);
    }
    if (position >= batch.size()) {
      return null;
    }
    int to = (int) Math.min((long) position + maxRows, batch.size());
    SensorBatch chunk = batch.slice(position, to);
    position = to;
    return chunk;
  }

  @Override
  public int recordsRead() {
    return position;
  }

  @Override
  public void close() {
    // nothing to release: the body was read when the reader was made
  }
}
