package io.psa.dsp.input;

import io.psa.dsp.ValidationException;
import io.psa.dsp.ValidationException.Code;
import java.util.Arrays;

/** Where ts_ms and each channel sit in a CSV header row. */
final class CsvHeader {
  final int tsColumn;
  final int[] channelColumn;
  /** Fields a data line is split into: one past the rightmost column the reader needs. */
  final int neededFields;

  CsvHeader(String header, long lineNumber, ChannelIndex channels) {
    CsvLine fields = new CsvLine(header.length() + 1);
    String problem = fields.split(header);
    if (problem != null) {
      throw new ValidationException(Code.MALFORMED, "header", -1,
          "header: " + problem + " (line " + lineNumber + ")");
    }
    int ts = -1;
    int[] columns = new int[channels.size()];
    Arrays.fill(columns, -1);
    for (int k = 0; k < fields.count; k++) {
      String name = fields.field(header, k);
      int c = channels.indexOf(name);
      boolean isTs = name.equals(ChannelIndex.TS);
      if ((isTs && ts >= 0) || (c >= 0 && columns[c] >= 0)) {
        throw new ValidationException(Code.MALFORMED, "header." + name, -1,
            "header." + name + ": the column appears twice (line " + lineNumber + ")");
      }
      if (isTs) {
        ts = k;
      } else if (c >= 0) {
        columns[c] = k;
      }
    }
    missing(ts, ChannelIndex.TS, lineNumber);
    int rightmost = ts;
    for (int c = 0; c < columns.length; c++) {
      missing(columns[c], channels.name(c), lineNumber);
      rightmost = Math.max(rightmost, columns[c]);
    }
    this.tsColumn = ts;
    this.channelColumn = columns;
    this.neededFields = rightmost + 1;
  }

  private static void missing(int column, String name, long lineNumber) {
    if (column < 0) {
      throw new ValidationException(Code.MISSING_FIELD, "header." + name, -1,
          "header." + name + ": the header row has no " + name + " column (line " + lineNumber + ")");
    }
  }
}
