package io.psa.dsp.input;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.ValidationException;
import io.psa.dsp.ValidationException.Code;
import java.io.IOException;
import java.util.List;

/** The chunking and record counting that the line-based readers share. */
abstract class ChunkedReader implements SignalReader {
  /** Chunks start this small and grow, so that next(1_000_000) on a short file stays cheap. */
  private static final int INITIAL_CAPACITY = 4096;

  final ChannelIndex channels;
  private int recordsRead;
  private boolean ended;

  ChunkedReader(List<String> channels) {
    this.channels = new ChannelIndex(channels);
  }

  /**
   * Reads the next record into {@code out} as record {@code index}.
   *
   * @return false at the end of the signal, having read nothing
   */
  abstract boolean readRecord(BatchBuilder out, int index) throws IOException;

  @Override
  public final List<String> channels() {
    return channels.channels;
  }

  @Override
  public final int recordsRead() {
    return recordsRead;
  }

  @Override
  public final SensorBatch next(int maxRows) throws IOException {
    if (maxRows <= 0) {
      throw new IllegalArgumentException("maxRows must be > 0, got " + maxRows);
    }
    if (ended) {
      return null;
    }
    BatchBuilder out = new BatchBuilder(channels.channels, INITIAL_CAPACITY, maxRows);
    while (out.size() < maxRows) {
      if (recordsRead == Integer.MAX_VALUE) {
        throw BatchBuilder.tooMany(Integer.MAX_VALUE);
      }
      if (!readRecord(out, recordsRead)) {
        ended = true;
        break;
      }
      recordsRead++;
    }
    return out.size() == 0 ? null : out.build();
  }

  /** A record error whose message gives the line, where a person finds it in the file. */
  static ValidationException error(Code code, int index, String field, String what, long line) {
    return ValidationException.ofRecord(code, index, field, what + " (line " + line + ")");
  }
}
