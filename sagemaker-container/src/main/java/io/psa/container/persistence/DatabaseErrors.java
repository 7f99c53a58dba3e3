package io.psa.container.persistence;

/**
 * One line that says why the database did not answer, for logs and {@code /health}: the first
 * line of the innermost SQL exception ("Connection to 127.0.0.1:5432 refused. ..."), else of the
 * innermost cause; not a driver's framed report, not a stack trace.
 */
final class DatabaseErrors {
  private DatabaseErrors() {}

  static String oneLine(Throwable t) {
    Throwable c = rootCause(t);
    java.sql.SQLException sql = WriteFailure.innermostSql(t);
    if (sql != null && sql.getMessage() != null) {
      c = sql;
    }
    String m = c.getMessage();
    if (m == null || m.isBlank()) {
      return c.getClass().getSimpleName();
    }
    return m.strip().lines().findFirst().orElse(m).strip();
  }

  /** The innermost cause of {@code t} ({@code t} itself when it has none). */
  static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }
}
