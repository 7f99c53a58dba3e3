package io.psa.results.postgres;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL script into statements at the semicolons outside quotes, comments and
 * dollar-quoted bodies, because the RDS Data API runs one statement per call.
 */
public final class SqlScript {
  private SqlScript() {}

  /** The statements of {@code sql}, trimmed, without the ones that are only comments. */
  public static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean code = false; // whether cur holds anything but comments and white space
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int end = i + 1;
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        end = indexOr(sql, "\n", i, n);
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        end = indexOr(sql, "*/", i + 2, n) + 2;
      } else if (c == '\'' || c == '"') {
        end = closing(sql, c, i + 1, n);
        code = true;
      } else if (c == '$' && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        end = indexOr(sql, tag, i + tag.length(), n) + tag.length();
        code = true;
      } else if (c == ';') {
        if (code) {
          out.add(cur.toString().trim());
        }
        cur.setLength(0);
        code = false;
        i++;
        continue;
      } else if (!Character.isWhitespace(c)) {
        code = true;
      }
      end = Math.min(end, n);
      cur.append(sql, i, end);
      i = end;
    }
    if (code) {
      out.add(cur.toString().trim());
    }
    return out;
  }

  private static int indexOr(String s, String what, int from, int n) {
    int k = s.indexOf(what, from);
    return k < 0 ? n : k;
  }

  // a quote doubled inside is an escaped quote
  private static int closing(String s, char q, int from, int n) {
    int i = from;
    while (i < n) {
      if (s.charAt(i) == q) {
        if (i + 1 < n && s.charAt(i + 1) == q) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return n;
  }

  /** {@code $$} or {@code $tag$} starting at {@code i}, or null. */
  private static String dollarTag(String s, int i) {
    int j = i + 1;
    while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
      j++;
    }
    return j < s.length() && s.charAt(j) == '$' ? s.substring(i, j + 1) : null;
  }
}
