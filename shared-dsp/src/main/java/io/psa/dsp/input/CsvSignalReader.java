package io.psa.dsp.input;

import io.psa.dsp.ValidationException;
import io.psa.dsp.ValidationException.Code;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads CSV with a header row naming {@code ts_ms} and the model's channels, in any order, among
 * any other columns (which are ignored); comma separated, UTF-8, RFC 4180 quotes allowed, blank
 * lines skipped. Each data line is one record. A cell must be a plain decimal number (an empty
 * cell, {@code NaN} or text is rejected naming the record, the column and the line); {@code ts_ms}
 * must be a whole number.
 */
public final class CsvSignalReader extends ChunkedReader {
  private final BufferedReader in;
  private final int tsColumn;
  private final int[] channelColumn;
  private final CsvLine line;
  private long lineNumber;

  /**
   * Reads the header at once.
   *
   * @throws ValidationException when the header lacks ts_ms or a channel ({@code MISSING_FIELD},
   *     field {@code header.<name>}) or names one twice ({@code MALFORMED})
   */
  public CsvSignalReader(Reader in, List<String> channels) throws IOException {
    super(channels);
    this.in = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
    String header = nextLine();
    if (header == null) {
      throw new ValidationException(Code.MALFORMED, "header", -1,
          "header: the CSV is empty; it needs a header row ts_ms," + String.join(",", channels));
    }
    if (header.startsWith("\uFEFF")) {
      header = header.substring(1); // a byte order mark some spreadsheet tools write
    }
    CsvHeader columns = new CsvHeader(header, lineNumber, this.channels);
    this.tsColumn = columns.tsColumn;
    this.channelColumn = columns.channelColumn;
    this.line = new CsvLine(columns.neededFields);
  }

  /** A reader over UTF-8 bytes. */
  public static CsvSignalReader of(InputStream in, List<String> channels) throws IOException {
    return new CsvSignalReader(new InputStreamReader(in, StandardCharsets.UTF_8), channels);
  }

  @Override
  boolean readRecord(BatchBuilder out, int index) throws IOException {
    String text = nextLine();
    if (text == null) {
      return false;
    }
    String problem = line.split(text);
    if (problem != null) {
      throw error(Code.MALFORMED, index, null, problem, lineNumber);
    }
    int row = out.startRecord();
    out.ts[row] = timestamp(text, index);
    for (int c = 0; c < channelColumn.length; c++) {
      out.values[c][row] = value(text, channelColumn[c], index, channels.name(c));
    }
    out.commit();
    return true;
  }

  private long timestamp(String text, int index) {
    String cell = cell(text, tsColumn, index, ChannelIndex.TS);
    try {
      return Numbers.wholeNumber(cell);
    } catch (NumberFormatException e) {
      throw error(Code.INVALID_VALUE, index, ChannelIndex.TS, e.getMessage(), lineNumber);
    }
  }

  private double value(String text, int column, int index, String channel) {
    String cell = cell(text, column, index, channel);
    try {
      return Numbers.finiteNumber(cell);
    } catch (NumberFormatException e) {
      throw error(Code.INVALID_VALUE, index, channel, e.getMessage(), lineNumber);
    }
  }

  private String cell(String text, int column, int index, String name) {
    if (column >= line.count) {
      throw error(Code.MISSING_FIELD, index, name,
          "is missing: the line has " + line.count + " columns", lineNumber);
    }
    return line.field(text, column);
  }

  /** The next line that is not blank, counting every line. */
  private String nextLine() throws IOException {
    String s;
    do {
      s = in.readLine();
      lineNumber++;
    } while (s != null && s.isBlank());
    return s;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
