package io.psa.dsp.input;

/**
 * Splits one CSV line (RFC 4180 quoting, comma separator) into field offsets without copying, up
 * to the last column a reader needs. A quoted field may contain commas and doubled quotes, but not
 * line breaks: a signal file has one record a line.
 */
final class CsvLine {
  /** {@code start[k]} and {@code end[k]} bound field k's content, quotes excluded. */
  final int[] start;
  final int[] end;
  /** Whether field k was quoted and may hold doubled quotes. */
  final boolean[] quoted;
  /** How many fields {@link #split} found, at most {@code start.length}. */
  int count;

  CsvLine(int maxFields) {
    start = new int[maxFields];
    end = new int[maxFields];
    quoted = new boolean[maxFields];
  }

  /**
   * Splits {@code line} into its first fields.
   *
   * @return null, or why the line is not CSV (an unterminated quote, text after a closing quote)
   */
  String split(String line) {
    count = 0;
    int i = 0;
    int n = line.length();
    while (count < start.length) {
      if (i < n && line.charAt(i) == '"') {
        int close = closingQuote(line, i + 1);
        if (close < 0) {
          return "a quoted field has no closing quote";
        }
        record(i + 1, close, true);
        i = close + 1;
        if (i < n && line.charAt(i) != ',') {
          return "text after a closing quote";
        }
      } else {
        int comma = line.indexOf(',', i);
        int stop = comma < 0 ? n : comma;
        record(i, stop, false);
        i = stop;
      }
      if (i >= n) {
        break;
      }
      i++; // past the comma; a trailing comma leaves one more, empty, field
      if (i == n && count < start.length) {
        record(n, n, false);
        break;
      }
    }
    return null;
  }

  /** Field k's text, trimmed, with doubled quotes undone. */
  String field(String line, int k) {
    String s = line.substring(start[k], end[k]);
    return (quoted[k] ? s.replace("\"\"", "\"") : s).strip();
  }

  private void record(int from, int to, boolean wasQuoted) {
    start[count] = from;
    end[count] = to;
    quoted[count] = wasQuoted;
    count++;
  }

  private static int closingQuote(String line, int from) {
    int i = from;
    while (true) {
      int q = line.indexOf('"', i);
      if (q < 0) {
        return -1;
      }
      if (q + 1 < line.length() && line.charAt(q + 1) == '"') {
        i = q + 2; // a doubled quote inside the field
      } else {
        return q;
      }
    }
  }
}
