package io.psa.results.postgres;

/**
 * A schema whose migration history differs from this build's scripts: a script changed after it
 * was applied, or one that failed earlier. Unlike an outage it does not pass by itself: someone
 * restores the script, repairs the history row or points psa at a new schema.
 */
public final class MigrationMismatchException extends IllegalStateException {

  MigrationMismatchException(String schema, String finding) {
    super("schema " + schema + " was migrated by scripts that differ from this build's ("
        + finding + "); restore the applied script, repair its " + Migrator.HISTORY
        + " row, or set PSA_DB_SCHEMA to a new schema");
  }
}
