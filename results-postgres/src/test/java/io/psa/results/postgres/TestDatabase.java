package io.psa.results.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL of COMMON.md for tests: URL from {@code PSA_TEST_DB_URL}; unreachable means
 * skip with the reason, unless {@code PSA_REQUIRE_DB=true} (CI), where it fails. Each instance
 * owns a fresh schema, dropped by {@link #dropSchema}.
 */
public final class TestDatabase {
  public static final String URL = System.getenv().getOrDefault(
      "PSA_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  private static final Pattern HOST_PORT = Pattern.compile("jdbc:postgresql://([^/:]+)(?::(\\d+))?/(.*)");

  public final String schema = "psa_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  /** Skips (or fails in CI) when the database does not answer. */
  public static TestDatabase require() {
    try (Connection c = DriverManager.getConnection(URL)) {
      c.isValid(2);
    } catch (SQLException e) {
      String reason = "PostgreSQL not reachable at " + URL + ": " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("PSA_REQUIRE_DB"))) {
        Assertions.fail(reason + " (PSA_REQUIRE_DB=true)");
      }
      Assumptions.abort(reason);
    }
    return new TestDatabase();
  }

  /** The database's port, from the URL (5432 when absent). */
  public static int port() {
    Matcher m = HOST_PORT.matcher(URL);
    if (!m.matches()) {
      throw new IllegalStateException("cannot read host and port from " + URL);
    }
    return m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
  }

  /** The test URL pointed at another port on loopback (a proxy). */
  public static String urlThrough(int port) {
    Matcher m = HOST_PORT.matcher(URL);
    if (!m.matches()) {
      throw new IllegalStateException("cannot read host and port from " + URL);
    }
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + m.group(3);
  }

  public long count(String where) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM " + schema + ".inference_results " + where)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Rows of a table in this schema. */
  public long countTable(String table) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM " + schema + "." + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public void dropSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema.toLowerCase(Locale.ROOT) + " CASCADE");
    }
  }
}
