package io.psa.container.persistence;

import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;

/**
 * What a failed database write means for the rows in it, read from the SQLSTATE:
 *
 * <ul>
 *   <li>{@link Kind#REJECTED}: the database refused a value (class 22 data exception, 23 integrity
 *       constraint, 54 program limit such as an index row too large). Retrying the same rows can
 *       never succeed, so the store isolates the row and dead-letters it;
 *   <li>{@link Kind#UNREACHABLE}: the connection failed or timed out (class 08, 53, 57, 40,
 *       {@code 55P03}, an I/O error, a JDBC transient or recoverable exception): retried with
 *       backoff, nothing lost;
 *   <li>{@link Kind#ERROR}: anything else (a missing table, a refused login, a failed migration):
 *       not the rows' fault, so retried with backoff too, until an operator fixes it.
 * </ul>
 *
 * <p>{@link #label()} is what {@code /health} and {@code /metrics} show: a class and a SQLSTATE,
 * never the message, which can hold the statement and other clients' values.
 *
 * @param kind how the store treats the rows
 * @param sqlState the SQLSTATE when the database gave one, else null
 */
public record WriteFailure(Kind kind, String sqlState) {

  /** How the rows of a failed write are treated. */
  public enum Kind {
    UNREACHABLE,
    REJECTED,
    ERROR
  }

  public boolean rejected() {
    return kind == Kind.REJECTED;
  }

  /** {@code unreachable}, {@code rejected:22P05}, {@code error:42P01}: a class, never a message. */
  public String label() {
    String name = kind.name().toLowerCase(Locale.ROOT);
    return sqlState == null ? name : name + ":" + sqlState;
  }

  /** Classifies a failure of {@code ResultWriter.write} or of a dead-letter insert. */
  public static WriteFailure of(Throwable e) {
    SQLException sql = innermostSql(e);
    String state = sql == null ? null : sql.getSQLState();
    if (e instanceof SchemaMigrationException) {
      return new WriteFailure(Kind.ERROR, state); // the schema's failure, never the rows'
    }
    if (state != null && state.length() == 5) {
      String cls = state.substring(0, 2);
      switch (cls) {
        case "22", "23", "54" -> {
          return new WriteFailure(Kind.REJECTED, state);
        }
        case "08", "53", "57", "40" -> {
          return new WriteFailure(Kind.UNREACHABLE, state);
        }
        default -> {
          if (state.equals("55P03")) {
            return new WriteFailure(Kind.UNREACHABLE, state);
          }
        }
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
          || t instanceof IOException) {
        return new WriteFailure(Kind.UNREACHABLE, state);
      }
    }
    return new WriteFailure(Kind.ERROR, state);
  }

  /**
   * The database's own sentence for a failure, for the dead-letter table and the log: the first
   * line of the innermost SQL error (a batch error's own message repeats the whole statement).
   */
  public static String reason(Throwable e) {
    SQLException sql = innermostSql(e);
    Throwable source = sql != null ? sql : e;
    String m = source.getMessage();
    String line = m == null ? source.getClass().getSimpleName() : m.lines().findFirst().orElse("");
    if (line.startsWith("ERROR: ")) {
      line = line.substring(7); // PostgreSQL's severity, not part of the reason
    }
    return line.length() <= 300 ? line : line.substring(0, 297) + "...";
  }

  /** The most specific SQL error: a batch's next exception, else the deepest SQL cause. */
  static SQLException innermostSql(Throwable e) {
    SQLException found = null;
    for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof SQLException s) {
        found = s;
      }
    }
    if (found instanceof BatchUpdateException b && b.getNextException() != null) {
      return b.getNextException();
    }
    return found;
  }
}
