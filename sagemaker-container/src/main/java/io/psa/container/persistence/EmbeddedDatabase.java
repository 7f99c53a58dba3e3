package io.psa.container.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 run from binaries inside the psa jar (zonky's embedded PostgreSQL): the
 * default result store of {@code psa serve} on a machine with nothing installed, and the tests'
 * database where no server answers. Linux x86-64 only (the one binary package the build ships).
 *
 * <p>A persistent instance keeps its data in a folder that survives restarts ({@link
 * #defaultDirectory}: {@code $PSA_HOME/postgres}, {@code ~/.psa/postgres} by default). One
 * process at a time owns a folder (zonky's lock file); {@link #running} lets another process,
 * {@code psa results}, use the owner's server. A server left running by a killed process is
 * stopped before a new one starts on its folder.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  /** The PostgreSQL major version of the shipped binaries; a data folder is tied to it. */
  public static final String MAJOR_VERSION = "17";
  private static final String LOCK_FILE = "epg-lock";
  private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(15);

  private final EmbeddedPostgres postgres;
  private final Path directory;
  private final String jdbcUrl;
  private final boolean temporary;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory, String jdbcUrl, boolean temporary) {
    this.postgres = postgres;
    this.directory = directory;
    this.jdbcUrl = jdbcUrl;
    this.temporary = temporary;
  }

  /** {@code $PSA_HOME/postgres}, else {@code ~/.psa/postgres}. */
  public static Path defaultDirectory(Map<String, String> env) {
    String home = env.get("PSA_HOME");
    Path base = home != null && !home.isBlank()
        ? Path.of(home) : Path.of(System.getProperty("user.home"), ".psa");
    return base.resolve("postgres").toAbsolutePath();
  }

  /**
   * Starts a server on {@code directory}, creating the database on first use and keeping it on
   * {@link #close}. The server's output goes to {@code postgres.log} beside the folder.
   *
   * @throws EmbeddedDatabaseException when another process owns the folder, the folder holds
   *     another PostgreSQL version, or the server does not start
   */
  public static EmbeddedDatabase start(Path directory) {
    Path dir = directory.toAbsolutePath();
    checkVersion(dir);
    if (lockedByAnother(dir)) {
      throw new EmbeddedDatabaseException(dir, "is in use by another psa process (psa serve?);"
          + " stop it, or use --db none or PSA_DB_URL");
    }
    stopOrphan(dir);
    Path log = dir.resolveSibling("postgres.log");
    try {
      Files.createDirectories(dir.getParent());
      EmbeddedPostgres pg = builder(dir, log)
          .setCleanDataDirectory(false)
          .setServerConfig("synchronous_commit", "on") // a stored result survives a crash
          .setServerConfig("max_connections", "50")
          .start();
      return new EmbeddedDatabase(pg, dir, pg.getJdbcUrl("postgres", "postgres"), false);
    } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
      throw new EmbeddedDatabaseException(dir, "did not start (" + rootMessage(e)
          + "; its server log is " + log + "); use --db none or PSA_DB_URL instead");
    }
  }

  /**
   * A throw-away server in a fresh temporary folder, deleted on {@link #close} (tests; the caller
   * closes it, e.g. from a shutdown hook).
   */
  public static EmbeddedDatabase startTemporary() throws IOException {
    Path data = Files.createTempDirectory("psa-embedded-pg").resolve("postgres");
    Path log = data.resolveSibling("postgres.log");
    EmbeddedPostgres pg = builder(data, log).setCleanDataDirectory(true).start();
    return new EmbeddedDatabase(pg, data, pg.getJdbcUrl("postgres", "postgres"), true);
  }

  /**
   * A server on {@code data} whose output goes to {@code log}, stopped only by its owner's {@link
   * #close} (after the owner's last write; a shutdown hook of its own would race it).
   */
  private static EmbeddedPostgres.Builder builder(Path data, Path log) {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setRegisterShutdownHook(false)
        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
  }

  /**
   * The server another process runs on {@code directory} right now (its port from PostgreSQL's
   * {@code postmaster.pid}), or empty when none runs there. Closing the result does nothing.
   */
  public static Optional<EmbeddedDatabase> running(Path directory) {
    Path dir = directory.toAbsolutePath();
    return ownerPort(dir).map(port ->
        new EmbeddedDatabase(null, dir, "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres", false));
  }

  /** Whether {@code directory} holds a database created by {@link #start}. */
  public static boolean exists(Path directory) {
    return Files.isRegularFile(directory.resolve("PG_VERSION"));
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }


  /** Stops the server this object started (keeping a persistent folder); nothing for {@link #running}. */
  @Override
  public void close() {
    if (postgres == null) {
      return;
    }
    if (!isPostgres(postmasterPid(directory).stream().findFirst().orElse(""))) {
      LOG.warn("the embedded PostgreSQL in {} had stopped before psa did; its log: {}", directory,
          directory.resolveSibling("postgres.log"));
    }
    try {
      postgres.close(); // stops the server if it runs, and releases the folder's lock
      if (temporary) { // the data, the log and the folder holding them
        try (var files = Files.walk(directory.getParent())) {
          for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port of a live server whose folder is locked by a live process (not this one's). */
  private static Optional<Integer> ownerPort(Path dir) {
    List<String> pid = postmasterPid(dir);
    if (pid.size() < 4 || !lockedByAnother(dir) || !isPostgres(pid.get(0))) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(pid.get(3).strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether a process holds zonky's lock on the folder (this JVM's own lock counts too). */
  private static boolean lockedByAnother(Path dir) {
    Path lock = dir.resolve(LOCK_FILE);
    if (!Files.exists(lock)) {
      return false;
    }
    try (RandomAccessFile f = new RandomAccessFile(lock.toFile(), "rw")) {
      FileLock l = f.getChannel().tryLock();
      if (l == null) {
        return true;
      }
      l.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A server whose owner died (killed, not stopped) still runs on the folder: stop it first. */
  private static void stopOrphan(Path dir) {
    List<String> pid = postmasterPid(dir);
    if (pid.isEmpty() || !isPostgres(pid.get(0))) {
      return; // none, or a stale file that PostgreSQL itself ignores
    }
    ProcessHandle orphan = ProcessHandle.of(Long.parseLong(pid.get(0).strip())).orElseThrow();
    LOG.info("stopping the embedded PostgreSQL (pid {}) that a killed psa process left running on {}",
        orphan.pid(), dir);
    orphan.destroy(); // SIGTERM: PostgreSQL's smart shutdown
    try {
      orphan.onExit().get(ORPHAN_STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new EmbeddedDatabaseException(dir, "is used by a PostgreSQL server (pid " + orphan.pid()
          + ") that did not stop within " + ORPHAN_STOP_WAIT.toSeconds() + " s");
    }
  }

  private static List<String> postmasterPid(Path dir) {
    try {
      return Files.readAllLines(dir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Whether {@code pid} is a live postgres process (a recycled pid after a reboot is not). */
  private static boolean isPostgres(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid.strip()))
          .flatMap(p -> p.info().command())
          .map(c -> c.endsWith("/postgres"))
          .orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void checkVersion(Path dir) {
    Path version = dir.resolve("PG_VERSION");
    if (!Files.isRegularFile(version)) {
      return;
    }
    try {
      String found = Files.readString(version, StandardCharsets.UTF_8).strip();
      if (!found.equals(MAJOR_VERSION)) {
        throw new EmbeddedDatabaseException(dir, "holds a PostgreSQL " + found + " database and"
            + " psa embeds PostgreSQL " + MAJOR_VERSION + "; move the folder away (or set PSA_HOME)"
            + " to start a new one");
      }
    } catch (IOException e) {
      throw new EmbeddedDatabaseException(dir, "cannot be read: " + e.getMessage());
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable c = DatabaseErrors.rootCause(t);
    return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }
}
