package io.psa.dsp.input;

import io.psa.dsp.PipelineConfig;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.ValidationException;
import io.psa.dsp.ValidationException.Code;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A long signal read in chunks (a CSV or JSON Lines file of hours), so that it can be scored in
 * bounded memory by {@link io.psa.dsp.StreamingPipeline}. Record indices in errors count from the
 * start of the signal, across chunks, and the message gives the line. After an exception the
 * reader's position is undefined: close it. Not thread-safe.
 *
 * <pre>{@code
 * try (SignalReader in = SignalFiles.open(path, channels)) {
 *   for (SensorBatch chunk; (chunk = in.next(10_000)) != null; ) pipeline.push(chunk);
 * }
 * }</pre>
 */
public interface SignalReader extends Closeable {

  /** The model's channels, the columns of every batch this reader returns. */
  List<String> channels();

  /**
   * The next records, at most {@code maxRows}, in new arrays the caller may keep; null once the
   * signal has ended.
   *
   * @throws ValidationException for a record that cannot be read, naming its signal-wide index,
   *     field and line
   * @throws IOException when the source fails
   */
  SensorBatch next(int maxRows) throws IOException;

  /** How many records the chunks so far held: the signal-wide index of the next record. */
  int recordsRead();

  /** The whole rest of the signal as one batch, for small files: at most 1,000,000 records. */
  default SensorBatch readAll() throws IOException {
    return readAll(PipelineConfig.DEFAULT_MAX_RECORDS);
  }

  /**
   * The whole rest of the signal as one batch.
   *
   * @throws ValidationException TOO_MANY_RECORDS beyond {@code maxRecords}, TOO_LITTLE_DATA when
   *     there is no record
   */
  default SensorBatch readAll(int maxRecords) throws IOException {
    SensorBatch all = next(maxRecords);
    if (all == null) {
      throw new ValidationException(Code.TOO_LITTLE_DATA, "sensor_batch", -1,
          "sensor_batch: the input holds no records");
    }
    if (next(1) != null) {
      throw BatchBuilder.tooMany(maxRecords);
    }
    return all;
  }
}
