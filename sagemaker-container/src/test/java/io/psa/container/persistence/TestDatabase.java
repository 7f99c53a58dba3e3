package io.psa.container.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tests' PostgreSQL, one per test JVM:
 *
 * <ol>
 *   <li>{@code PSA_TEST_DB_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres})
 *       when it answers;
 *   <li>with {@code PSA_REQUIRE_DB=true} (CI), that server must answer: a test that needs it
 *       fails with the reason, never falls back or skips, so CI always tests the real server;
 *   <li>otherwise an {@link EmbeddedDatabase} started for this JVM, shared by its tests and
 *       stopped when the JVM exits, so that a fresh machine with only a JDK runs every test;
 *   <li>only where that cannot start either (a system without the Linux x86-64 binaries) are
 *       the tests skipped, with both reasons.
 * </ol>
 *
 * Each instance owns a fresh schema, dropped by {@link #dropSchema}. As a test class's extension
 * ({@code @RegisterExtension final TestDatabase db = TestDatabase.perTest();}) each test gets its
 * own: the database is required before it (ahead of the class's {@code @BeforeEach}) and the
 * schema dropped after it.
 */
public final class TestDatabase implements BeforeEachCallback, AfterEachCallback {
  private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
  static final String CONFIGURED = System.getenv().getOrDefault(
      "PSA_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  private static final Pattern HOST_PORT = Pattern.compile("jdbc:postgresql://([^/:]+)(?::(\\d+))?/(.*)");

  public final String schema = "psa_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  /** Resolved once, on first use: the tests that need no database never start one. */
  private static final class Resolved {
    static final String URL;
    static final String PROBLEM;

    static {
      String url = null;
      String problem = null;
      String unreachable = reachable(CONFIGURED);
      if (unreachable == null) {
        url = CONFIGURED;
      } else if (requireConfigured()) {
        problem = "PostgreSQL not reachable at " + CONFIGURED + " (" + unreachable
            + ") and PSA_REQUIRE_DB=true requires that server";
      } else {
        try {
          EmbeddedDatabase db = EmbeddedDatabase.startTemporary();
          Runtime.getRuntime().addShutdownHook(new Thread(db::close, "psa-test-db-stop"));
          url = db.jdbcUrl();
          LOG.info("PostgreSQL not reachable at {} ({}); this test JVM uses an embedded"
              + " PostgreSQL {} at {}", CONFIGURED, unreachable, EmbeddedDatabase.MAJOR_VERSION, url);
        } catch (Exception | LinkageError e) {
          problem = "PostgreSQL not reachable at " + CONFIGURED + " (" + unreachable
              + ") and the embedded PostgreSQL did not start (" + e + ")";
        }
      }
      URL = url;
      PROBLEM = problem;
    }
  }

  private TestDatabase() {}

  /** Whether {@code PSA_REQUIRE_DB=true}: the configured server must answer. */
  public static boolean requireConfigured() {
    return "true".equalsIgnoreCase(System.getenv("PSA_REQUIRE_DB"));
  }

  /** A database with a fresh schema; fails under {@code PSA_REQUIRE_DB}, else skips, when none. */
  public static TestDatabase require() {
    url();
    return new TestDatabase();
  }

  /** A fresh schema for the test about to run, as a {@code @RegisterExtension} field. */
  public static TestDatabase perTest() {
    return new TestDatabase();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    url();
  }

  @Override
  public void afterEach(ExtensionContext context) throws SQLException {
    if (Resolved.URL != null) { // else the test was skipped or failed before touching it
      dropSchema();
    }
  }

  /** The JDBC URL of the database tests use (see the class comment for which one). */
  public static String url() {
    if (Resolved.URL == null) {
      if (requireConfigured()) {
        Assertions.fail(Resolved.PROBLEM);
      }
      Assumptions.abort(Resolved.PROBLEM);
    }
    return Resolved.URL;
  }

  /** Null when {@code url} answers, else why not. */
  private static String reachable(String url) {
    Properties p = new Properties();
    p.setProperty("connectTimeout", "3");
    try (Connection c = DriverManager.getConnection(url, p)) {
      return c.isValid(2) ? null : "connection not valid";
    } catch (SQLException e) {
      return DatabaseErrors.oneLine(e);
    }
  }

  /** The database's port, from the URL (5432 when absent). */
  static int port() {
    Matcher m = hostPort();
    return m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
  }

  /** The test URL pointed at another port on loopback (a proxy). */
  static String urlThrough(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + hostPort().group(3);
  }

  private static Matcher hostPort() {
    Matcher m = HOST_PORT.matcher(url());
    if (!m.matches()) {
      throw new IllegalStateException("cannot read host and port from " + url());
    }
    return m;
  }

  /** Rows in this schema's {@code inference_results}, with an optional {@code WHERE ...}. */
  public long count(String where) throws SQLException {
    try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM " + schema + ".inference_results " + where)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public void dropSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema.toLowerCase(Locale.ROOT) + " CASCADE");
    }
  }
}
