package io.psa.container.cli;

import io.psa.dsp.SensorBatch;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The text formats {@code psa simulate} writes; each one is read back by {@code psa features}. */
public enum SignalFormat {
  /** A header {@code ts_ms,<channels>} and one record a line. */
  CSV,
  /** One JSON object {@code {"ts_ms": ..., "<channel>": ...}} a line. */
  JSONL,
  /** One {@code /predict} request body: {@code {"asset_id": ..., "sensor_batch": [...]}}. */
  PREDICT;

  /** Writes records chunk by chunk, so a signal of hours never sits in memory. */
  public interface SignalWriter {
    void write(SensorBatch chunk) throws IOException;

    /** Completes the document (closing brackets) and flushes; does not close the target. */
    void finish() throws IOException;
  }

  /**
   * A writer of this format to {@code out}; the caller owns {@code out}.
   *
   * @param channels the columns, in order
   * @param assetId the {@code asset_id} of a {@link #PREDICT} body; unused otherwise
   */
  public SignalWriter open(Writer out, List<String> channels, String assetId) throws IOException {
    return switch (this) {
      case CSV -> new CsvSignalWriter(out, channels);
      case JSONL -> JsonSignalWriter.jsonLines(out, channels);
      case PREDICT -> JsonSignalWriter.predictBody(out, channels, assetId);
    };
  }
}
