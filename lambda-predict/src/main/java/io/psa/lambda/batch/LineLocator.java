package io.psa.lambda.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line of a file where a record stands, for the error of a failed file. The readers name the
 * line of what they reject themselves ({@code "(line 17)"}); rules checked across records
 * (ordering, gaps, counts) name only the record, whose line is then found by reading the file
 * again: the record-th line holding data, after the CSV header.
 */
final class LineLocator {
  private static final Pattern LINE = Pattern.compile("\\(line (\\d+)");

  private LineLocator() {}

  /** The line a reader's message names, or null. */
  static Long fromMessage(String message) {
    Matcher m = message == null ? null : LINE.matcher(message);
    return m != null && m.find() ? Long.parseLong(m.group(1)) : null;
  }

  /**
   * @param csv whether the first line holding anything is a header
   * @return the 1-based line of record {@code record} (0-based), or null past the end
   */
  static Long lineOf(InputStream in, int record, boolean csv) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 65_536);
    long line = 0;
    int data = csv ? -1 : 0;
    for (String s; (s = r.readLine()) != null; ) {
      line++;
      if (s.isBlank()) {
        continue;
      }
      if (data == record) {
        return line;
      }
      data++;
    }
    return null;
  }
}
