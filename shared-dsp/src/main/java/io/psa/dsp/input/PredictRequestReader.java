package io.psa.dsp.input;

import com.fasterxml.jackson.core.JsonParser;
import io.psa.dsp.PipelineConfig;
import io.psa.dsp.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads the {@code /predict} request body of docs/api.md ({@code asset_id}, {@code sensor_batch},
 * {@code config}) with Jackson's streaming parser straight into primitive columns: no tree, no
 * object per record: it costs about what Jackson's bare token loop over the same body costs
 * (measured by {@code ReadTiming} in the tests).
 *
 * <p>Every malformed body becomes a {@link ValidationException} naming the field: not JSON or cut
 * short ({@code MALFORMED}, with line and column), not an object, {@code sensor_batch} missing
 * ({@code MISSING_FIELD}), not an array ({@code INVALID_VALUE}) or empty ({@code TOO_LITTLE_DATA}),
 * a record that is not an object, a missing ts_ms or channel ({@code MISSING_FIELD}), a
 * non-integral ts_ms, a null, string, boolean, nested, NaN, infinite or out-of-range value ({@code
 * INVALID_VALUE}), {@code asset_id} not a string or outside {@link StoredText#assetId}'s rule
 * ({@code INVALID_VALUE}), {@code config} not an object ({@code
 * INVALID_CONFIG}), a key given twice ({@code MALFORMED}), more records than the cap ({@code
 * TOO_MANY_RECORDS}, found before the rest of the body is read). Unknown fields at any level are
 * skipped. Ordering and gaps are left to {@link io.psa.dsp.InputRules}.
 *
 * <p>Immutable and thread-safe.
 */
public final class PredictRequestReader {
  private final ChannelIndex channels;
  private final int maxRecords;

  /** A reader for these channels that accepts up to 1,000,000 records. */
  public PredictRequestReader(List<String> channels) {
    this(channels, PipelineConfig.DEFAULT_MAX_RECORDS);
  }

  /**
   * @param channels the model's channels, in order; each record must carry all of them
   * @param maxRecords the hard cap on records (default 1,000,000): parsing stops at the first
   * record     beyond it, so an oversized body costs no more memory than the cap
   */
  public PredictRequestReader(List<String> channels, int maxRecords) {
    if (maxRecords <= 0) {
      throw new IllegalArgumentException("maxRecords must be > 0, got " + maxRecords);
    }
    this.channels = new ChannelIndex(channels);
    this.maxRecords = maxRecords;
  }

  public List<String> channels() {
    return channels.channels;
  }

  /** Parses a whole body. */
  public PredictRequest read(byte[] body) {
    // a four-channel record takes 90 to 150 bytes: most bodies fit at once, the rest grow once
    BodyParser parse = new BodyParser(channels, maxRecords, body.length / 80);
    try (JsonParser p = JsonInput.FACTORY.createParser(body)) {
      return parse.body(p);
    } catch (IOException e) {
      // a byte array cannot fail to read: this is the parser rejecting the content
      throw parse.malformed(e);
    }
  }

  /**
   * Parses a body from a stream, which is read to its end (trailing content is an error) but not
   * closed.
   *
   * @throws IOException only when the stream itself fails
   */
  public PredictRequest read(InputStream body) throws IOException {
    BodyParser parse = new BodyParser(channels, maxRecords, 1024);
    JsonInput.SourceStream source = new JsonInput.SourceStream(body);
    try (JsonParser p = JsonInput.FACTORY.createParser(source)) {
      return parse.body(p);
    } catch (IOException e) {
      if (source.failure != null) {
        throw source.failure;
      }
      throw parse.malformed(e);
    }
  }
}
