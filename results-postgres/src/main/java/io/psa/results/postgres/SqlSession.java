package io.psa.results.postgres;

import java.util.List;

/**
 * The little the migrator needs from a database, so that JDBC and the RDS Data API (which has no
 * JDBC driver) serve alike: statements inside one transaction, and rows of simple values.
 */
public interface SqlSession {

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  void inTransaction(Work work) throws Exception;

  /** What runs inside a transaction. */
  @FunctionalInterface
  interface Work {
    void run(Transaction tx) throws Exception;
  }

  /** The statements of one transaction. */
  interface Transaction {
    /** Runs one statement without parameters. */
    void execute(String sql) throws Exception;

    /** Runs one query; each row's columns as String, Long, Integer, Boolean or null. */
    List<List<Object>> query(String sql) throws Exception;
  }
}
