package io.psa.dsp.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.psa.dsp.ValidationException.Code;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads JSON Lines: one record object a line ({@code {"ts_ms": 0, "pressure": 6.01, ...}}), fields
 * in any order, other fields ignored, blank lines skipped; each record is checked as in the {@code
 * /predict} body, and two records on one line are rejected. Errors name the signal-wide record
 * index and the field, and give line and column.
 */
public final class JsonLinesSignalReader extends ChunkedReader {
  private final InputStream in;
  private final JsonInput.SourceStream source;
  private final JsonParser parser;
  private final JsonRecordReader records;
  private int previousEndLine;

  /** A reader over UTF-8 bytes; {@link #close} closes the stream. */
  public JsonLinesSignalReader(InputStream in, List<String> channels) throws IOException {
    super(channels);
    this.in = in;
    this.source = new JsonInput.SourceStream(in);
    this.parser = JsonInput.FACTORY.createParser(source);
    this.records = new JsonRecordReader(this.channels);
  }

  @Override
  boolean readRecord(BatchBuilder out, int index) throws IOException {
    try {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return false;
      }
      if (token != JsonToken.START_OBJECT) {
        throw JsonRecordReader.error(Code.INVALID_VALUE, index, null,
            "must be an object, got " + JsonRecordReader.describe(parser, token), parser);
      }
      if (parser.currentTokenLocation().getLineNr() == previousEndLine) {
        throw JsonRecordReader.error(Code.MALFORMED, index, null,
            "starts on the line where the previous record ends; JSON Lines has one record a line",
            parser);
      }
      records.read(parser, index, out);
      previousEndLine = parser.currentLocation().getLineNr();
      return true;
    } catch (IOException e) {
      if (source.failure != null) {
        throw source.failure;
      }
      throw JsonInput.malformed(e, index, "the line is not valid JSON");
    }
  }

  @Override
  public void close() throws IOException {
    try (in) {
      parser.close();
    }
  }
}
