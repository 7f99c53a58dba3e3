package io.psa.container.persistence;

/**
 * The database refused a migration script or its history row (not an outage: it answered). Like
 * a {@link io.psa.results.postgres.MigrationMismatchException} it needs an operator, and it is
 * never the fault of the rows waiting to be written, whatever the SQLSTATE says: a check
 * violation in the history table is class 23, which on a row's insert means "dead-letter this
 * row". {@link WriteFailure#of} therefore classifies it as an error to retry, never as a refusal.
 */
final class SchemaMigrationException extends IllegalStateException {

  SchemaMigrationException(String schema, Exception cause) {
    super("schema " + schema + " could not be migrated (" + DatabaseErrors.oneLine(cause)
        + "); fix the schema or set PSA_DB_SCHEMA to a new one", cause);
  }
}
