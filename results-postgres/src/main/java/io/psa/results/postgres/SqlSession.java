package io.psa.results.postgres;

import java.util.List;

/**
 * The little the migrator and the S3 function's file ledger need from a database, so that JDBC and
 * the RDS Data API (which has no JDBC driver) serve alike: statements inside one transaction, with
 * or without bound parameters, and rows of simple values.
 */
public interface SqlSession {

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  void inTransaction(Work work) throws Exception;

  /**
   * Whether parameters are written {@code :name} (the RDS Data API) rather than {@code ?} (JDBC);
   * a statement with parameters is written for its session ({@link ResultRow#insertSql} does).
   */
  boolean namedParameters();

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

    /**
     * Runs one statement whose parameters, named {@code names} in their order in {@code sql}, take
     * {@code values}: plain values as {@link ResultRow#values} gives them, bound by the adapter,
     * never written into the SQL text.
     */
    void execute(String sql, List<String> names, Object[] values) throws Exception;

    /** {@link #query(String)} with parameters, as {@link #execute(String, List, Object[])}. */
    List<List<Object>> query(String sql, List<String> names, Object[] values) throws Exception;
  }
}
