package io.psa.container.cli;

import io.psa.container.persistence.BufferedResultStore;
import io.psa.container.persistence.DatabaseSettings;
import io.psa.container.persistence.EmbeddedDatabase;
import io.psa.container.persistence.ResultStore;
import io.psa.container.persistence.StorageChoice;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The result store of one {@code psa serve}, with the embedded PostgreSQL it started, if any;
 * {@link #close} writes what is pending, then stops that server.
 */
final class ResultStorage implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ResultStorage.class);

  private final ResultStore store;
  private final EmbeddedDatabase embedded;

  private ResultStorage(ResultStore store, EmbeddedDatabase embedded) {
    this.store = store;
    this.embedded = embedded;
  }

  /**
   * Opens the store {@code choice} names; for the embedded database, starts its server first (a
   * few seconds the first time, when it creates the folder).
   *
   * @throws io.psa.container.persistence.EmbeddedDatabaseException when the embedded server
   *     cannot start on its folder
   */
  static ResultStorage open(StorageChoice choice, Map<String, String> env) {
    return switch (choice.kind()) {
      case NONE -> {
        LOG.info("results are not stored (--db none)");
        yield new ResultStorage(ResultStore.NONE, null);
      }
      case SERVER -> new ResultStorage(store(choice, choice.jdbcUrl(), env), null);
      case EMBEDDED -> {
        LOG.info("{} the embedded PostgreSQL {} in {} (PSA_DB_URL points psa at another server,"
            + " --db none stores nothing)", EmbeddedDatabase.exists(choice.directory())
            ? "starting" : "creating", EmbeddedDatabase.MAJOR_VERSION, choice.directory());
        EmbeddedDatabase db = EmbeddedDatabase.start(choice.directory());
        try {
          yield new ResultStorage(store(choice, db.jdbcUrl(), env), db);
        } catch (RuntimeException e) {
          db.close();
          throw e;
        }
      }
    };
  }

  private static ResultStore store(StorageChoice choice, String url, Map<String, String> env) {
    DatabaseSettings db = choice.settings(url, env);
    LOG.info("results go to {}, schema {} (queue {}, spill file {})", choice.describe(),
        db.schema(), db.queueCapacity(), db.spillFile().toAbsolutePath());
    return BufferedResultStore.forPostgres(db);
  }

  ResultStore store() {
    return store;
  }

  @Override
  public void close() {
    try {
      store.close();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
